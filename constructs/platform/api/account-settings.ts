import { ApiGatewayAccount, IamRole, IamRolePolicy } from '../../../core/aws';
import { Construct } from '../../../core/cdktf';
import { Environment } from '../../../core/environment';
import { policyJson, serviceTrustPolicy } from '../../iam/policy';
import { workloadBoundaryArn } from '../../identity/workload-boundary';

export interface ApiGatewayAccountSettingsOptions {
  /** Name prefix of the role. */
  readonly name: string;
  /** What writes the logs, for the role's description, e.g. `the tenant API`. */
  readonly purpose: string;
  /** ARNs of the API's log groups (without `:*`). */
  readonly logGroupArns: readonly string[];
  /** `arn:aws:logs:<region>:<account>:log-group:`, for the DescribeLogGroups lookup. */
  readonly logArnPrefix: string;
}

/**
 * The Region's API Gateway account settings: the CloudWatch role API Gateway
 * writes access and execution logs with, scoped to the API's log groups.
 * There is one per account and Region. Created directly in `scope` as
 * `cloudwatch-role`, `cloudwatch-role-policy` and `account`, so the APIs
 * built on it keep their Terraform addresses.
 */
export function apiGatewayAccountSettings(scope: Construct, env: Environment, options: ApiGatewayAccountSettingsOptions): ApiGatewayAccount {
  const role = new IamRole(scope, 'cloudwatch-role', {
    name: `${options.name}-apigw-logs`,
    description: `API Gateway writes access and execution logs of ${options.purpose}`,
    assumeRolePolicy: serviceTrustPolicy('apigateway.amazonaws.com', env.accountId),
    permissionsBoundary: workloadBoundaryArn(env),
  });
  new IamRolePolicy(scope, 'cloudwatch-role-policy', {
    role: role.id,
    policy: policyJson([
      {
        Sid: 'WriteApiLogs',
        Effect: 'Allow',
        Action: ['logs:CreateLogStream', 'logs:PutLogEvents', 'logs:DescribeLogStreams'],
        Resource: options.logGroupArns.map((arn) => `${arn}:*`),
      },
      {
        Sid: 'FindApiLogGroups',
        Effect: 'Allow',
        Action: ['logs:DescribeLogGroups'],
        Resource: `${options.logArnPrefix}*`,
      },
    ]),
  });
  return new ApiGatewayAccount(scope, 'account', { cloudwatchRoleArn: role.arn });
}
