import { IamPolicy } from '../../core/aws';
import { Construct } from '../../core/cdktf';
import { Environment } from '../../core/environment';
import { suppress } from '../../core/suppressions';
import { BASELINE_IAM_PATH, partitionOf } from './arn';
import { PROTECTED_SECURITY_ACTIONS } from './deploy-permissions';
import { policyJson, PolicyStatement } from '../iam/policy';

/** Name of the boundary policy, under the baseline path (which CI may not touch). */
export const WORKLOAD_BOUNDARY_NAME = 'workload-boundary';

/**
 * ARN of the environment's workload permissions boundary. It follows from the
 * account alone, so workload stacks attach it without a reference into the
 * baseline stack, and the CI role's conditions name it literally.
 */
export function workloadBoundaryArn(env: Pick<Environment, 'accountId' | 'region'>): string {
  return `arn:${partitionOf(env.region)}:iam::${env.accountId}:policy${BASELINE_IAM_PATH}${WORKLOAD_BOUNDARY_NAME}`;
}

/**
 * What no workload role may ever do, whatever its own policies say: change
 * IAM (so no role it creates or edits can outgrow the boundary), leave or
 * change the organization, touch the account, weaken the security services,
 * or rewrite code that runs with another role.
 */
const BOUNDARY_DENIES: readonly string[] = [
  'iam:*',
  'organizations:*',
  'account:*',
  'lambda:UpdateFunctionCode',
  'lambda:CreateFunction',
  'glue:UpdateDevEndpoint',
  'glue:CreateDevEndpoint',
  'cloudformation:CreateStack',
  'datapipeline:CreatePipeline',
  ...PROTECTED_SECURITY_ACTIONS,
];

const BOUNDARY_REASON =
  'A permissions boundary is a ceiling, not a grant: it is never attached as a policy (CI is denied attaching it), and a role only holds what both its own policies and this boundary allow.';

/**
 * The permissions boundary every role CI creates must carry. It allows what
 * the role's own policies grant, minus {@link BOUNDARY_DENIES}; because it
 * denies all of IAM, a role under it can never lift its own boundary or mint
 * a role without one.
 */
export class WorkloadBoundary extends Construct {
  public readonly policy: IamPolicy;

  constructor(scope: Construct, id: string, env: Environment) {
    super(scope, id);
    const statements: PolicyStatement[] = [
      // The ceiling itself; the role's own policies decide what it actually gets.
      { Sid: 'CeilingForOwnPolicies', Effect: 'Allow', Action: '*', Resource: '*' },
      { Sid: 'NeverIamOrAccountControl', Effect: 'Deny', Action: [...BOUNDARY_DENIES], Resource: '*' },
    ];
    this.policy = new IamPolicy(this, 'policy', {
      name: WORKLOAD_BOUNDARY_NAME,
      path: BASELINE_IAM_PATH,
      description: `Permissions boundary of every workload role in ${env.name}`,
      policy: policyJson(statements),
    });
    // The same reason answers checkov's admin-policy checks: a boundary is never attached as a grant.
    for (const id of ['TF-LP-1', 'TF-LP-3', 'CKV_AWS_62', 'CKV_AWS_63', 'CKV2_AWS_40']) suppress(this.policy, id, BOUNDARY_REASON);
  }

  public get arn(): string {
    return this.policy.arn;
  }
}
