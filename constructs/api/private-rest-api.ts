import { IPv4CidrRange } from 'ip-num';
import {
  ApiGatewayAuthorizer,
  ApiGatewayDeployment,
  ApiGatewayIntegration,
  ApiGatewayMethod,
  ApiGatewayMethodSettings,
  ApiGatewayRequestValidator,
  ApiGatewayResource,
  ApiGatewayRestApi,
  ApiGatewayRestApiPolicy,
  ApiGatewayStage,
  AwsProvider,
  CloudwatchLogGroup,
  LambdaPermission,
  SecurityGroup,
  VpcEndpoint,
  VpcSecurityGroupIngressRule,
  Wafv2WebAclAssociation,
} from '../../core/aws';
import { Construct, Fn, Token } from '../../core/cdktf';
import { environmentOf } from '../../core/environment-context';
import { describeConstruct, TenantformError } from '../../core/errors';
import { suppress } from '../../core/suppressions';
import { validateProps } from '../../core/validation';
import { checkLogRetention } from '../compute/log-retention';
import { partitionOf } from '../identity/arn';
import { policyJson } from '../iam/policy';
import { apiGatewayAccountSettings } from '../platform/api/account-settings';
import { ThrottleSettings, validateThrottle, validateWafRateLimit } from '../platform/api/throttle';
import { EdgeWebAcl } from '../platform/edge/edge-web-acl';
import { PrivateRestApiPropsSchema } from './private-rest-api.schema';

/** A Lambda function name or ARN, with an optional version or alias qualifier. */
const LAMBDA_FUNCTION = /^(arn:aws[a-z-]*:lambda:[a-z0-9-]+:\d{12}:function:)?[A-Za-z0-9_-]{1,64}(:(\$LATEST|[A-Za-z0-9_-]{1,128}))?$/;

/** The execute-api interface endpoint: an existing (shared) one, or one this API creates. */
export type ExecuteApiEndpoint =
  | { readonly kind: 'existing'; readonly vpcEndpointId: string }
  | {
      readonly kind: 'create';
      readonly vpcId: string;
      /** Private subnets the endpoint's interfaces sit in, one per AZ. */
      readonly subnetIds: readonly string[];
      /** Security groups whose members may call the API (HTTPS to the endpoint). */
      readonly allowedSecurityGroupIds: readonly string[];
      /**
       * Private networks that may call it (a VPN or Direct Connect range of the corporate network).
       * @default - none
       */
      readonly allowedCidrs?: readonly string[];
    };

export interface PrivateRestApiProps {
  /** Short lowercase label, part of every name, e.g. `graphql`. */
  readonly apiName: string;
  readonly endpoint: ExecuteApiEndpoint;
  /** ARN of the Cognito user pool whose tokens the authorizer accepts. */
  readonly userPoolArn: string;
  /** The Lambda function every request is proxied to. */
  readonly handler: { readonly functionName: string; readonly invokeArn: string };
  /** Customer-managed key for the access and execution log groups. */
  readonly logsKmsKeyArn: string;
  /** The provider of the API's Region (a tenantform stack's `provider`), for the Regional web ACL. */
  readonly provider: AwsProvider;
  /** @default 'v1' */
  readonly stageName?: string;
  /** @default { rateLimitRps: 100, burstLimit: 200 } */
  readonly throttle?: ThrottleSettings;
  /** Requests per client IP per 5 minutes before the web ACL blocks. @default 2000 */
  readonly rateLimitPer5Minutes?: number;
  /**
   * Manage the Region's API Gateway account settings (the CloudWatch role); one per account and Region.
   * @default true
   */
  readonly manageAccountSettings?: boolean;
  /** @default 365 */
  readonly logRetentionDays?: number;
}

const API_NAME = /^[a-z][a-z0-9-]{0,29}$/;

/**
 * A private REST API: reachable only through an execute-api VPC endpoint,
 * with a resource policy that allows that endpoint and denies every other
 * source; a Regional WAF web ACL (AWS managed rules and a rate rule); a
 * Cognito user-pool authorizer on every method; a Lambda proxy integration;
 * a stage with X-Ray, KMS-encrypted access and execution logs, and a throttle.
 */
export class PrivateRestApi extends Construct {
  public readonly restApi: ApiGatewayRestApi;
  public readonly stage: ApiGatewayStage;
  public readonly vpcEndpointId: string;
  public readonly vpcEndpoint?: VpcEndpoint;
  public readonly endpointSecurityGroup?: SecurityGroup;
  public readonly accessLogGroup: CloudwatchLogGroup;
  public readonly webAcl: EdgeWebAcl;
  /** The API's name, for alarms (`restApiAlarms`). */
  public readonly apiName: string;

  constructor(scope: Construct, id: string, props: PrivateRestApiProps) {
    super(scope, id);
    const where = describeConstruct('PrivateRestApi', this.node);
    validateProps(PrivateRestApiPropsSchema, props, where);
    const env = environmentOf(this, 'PrivateRestApi');
    if (!API_NAME.test(props.apiName)) {
      throw new TenantformError({ code: 'TF-API-001', where, problem: 'apiName must be a lowercase label of 1-30 letters, digits and hyphens, starting with a letter.', value: props.apiName, fix: 'use e.g. "graphql".' });
    }
    const stageName = props.stageName ?? 'v1';
    if (!/^[A-Za-z0-9_-]{1,128}$/.test(stageName)) {
      throw new TenantformError({ code: 'TF-API-002', where, problem: 'stage name may hold only letters, digits, hyphens and underscores (1-128).', value: stageName, fix: 'use e.g. "v1".' });
    }
    if (props.endpoint.kind === 'create' && (props.endpoint.subnetIds.length === 0 || props.endpoint.allowedSecurityGroupIds.length + (props.endpoint.allowedCidrs ?? []).length === 0)) {
      throw new TenantformError({ code: 'TF-API-003', where, problem: 'a new execute-api endpoint needs its private subnets and at least one security group or private CIDR allowed to call it.', value: props.endpoint, fix: 'pass the private subnet IDs and the callers\' security group IDs or network ranges.' });
    }
    for (const cidr of props.endpoint.kind === 'create' ? (props.endpoint.allowedCidrs ?? []) : []) {
      if (!isPrivateIpv4Cidr(cidr)) throw new TenantformError({ code: 'TF-API-004', where, problem: 'an allowed caller range must be a private IPv4 network (10/8, 172.16/12 or 192.168/16): the API is private.', value: cidr, fix: 'use the corporate range that reaches the VPC, e.g. "10.0.0.0/8".' });
    }
    // What lambda:AddPermission takes as FunctionName: a name, or a function ARN, optionally with a version or alias.
    if (!Token.isUnresolved(props.handler.functionName) && !LAMBDA_FUNCTION.test(props.handler.functionName)) {
      throw new TenantformError({ code: 'TF-API-005', where, problem: 'handler.functionName must be a Lambda function name (1-64 letters, digits, hyphens, underscores) or a function ARN.', value: props.handler.functionName, fix: 'pass the function\'s name or ARN, best as the token of the SecureFunction (fn.function.functionName).' });
    }
    const throttle = validateThrottle(props.throttle ?? { rateLimitRps: 100, burstLimit: 200 }, where, 'throttle');
    const rateLimit = validateWafRateLimit(props.rateLimitPer5Minutes ?? 2000, where);
    const partition = partitionOf(env.region);
    this.apiName = `tf-${env.name}-${props.apiName}`;
    const name = this.apiName;
    const retentionInDays = checkLogRetention(props.logRetentionDays ?? 365, where);

    if (props.endpoint.kind === 'existing') {
      this.vpcEndpointId = props.endpoint.vpcEndpointId;
    } else {
      this.endpointSecurityGroup = new SecurityGroup(this, 'endpoint-security-group', {
        name: `${name}-endpoint`,
        description: `${name}: HTTPS to the execute-api endpoint from the allowed callers only`,
        vpcId: props.endpoint.vpcId,
        tags: { Name: `${this.node.path}/endpoint` },
      });
      props.endpoint.allowedSecurityGroupIds.forEach((sg, i) => {
        new VpcSecurityGroupIngressRule(this, `endpoint-from-caller-${i}`, { securityGroupId: this.endpointSecurityGroup!.id, description: 'HTTPS from an allowed caller', ipProtocol: 'tcp', fromPort: 443, toPort: 443, referencedSecurityGroupId: sg });
      });
      (props.endpoint.allowedCidrs ?? []).forEach((cidr) => {
        new VpcSecurityGroupIngressRule(this, `endpoint-from-${cidr.replace(/[./]/g, '-')}`, { securityGroupId: this.endpointSecurityGroup!.id, description: 'HTTPS from an allowed private network', ipProtocol: 'tcp', fromPort: 443, toPort: 443, cidrIpv4: cidr });
      });
      this.vpcEndpoint = new VpcEndpoint(this, 'endpoint', {
        vpcId: props.endpoint.vpcId,
        serviceName: `com.amazonaws.${env.region}.execute-api`,
        vpcEndpointType: 'Interface',
        privateDnsEnabled: true,
        subnetIds: [...props.endpoint.subnetIds],
        securityGroupIds: [this.endpointSecurityGroup.id],
      });
      this.vpcEndpointId = this.vpcEndpoint.id;
    }

    this.restApi = new ApiGatewayRestApi(this, 'rest-api', {
      name,
      description: `${name}: private, reachable only through its execute-api VPC endpoint`,
      endpointConfiguration: { types: ['PRIVATE'], vpcEndpointIds: [this.vpcEndpointId] },
    });
    const apiArn = `arn:${partition}:execute-api:${env.region}:${env.accountId}:${this.restApi.id}/*`;
    const policy = new ApiGatewayRestApiPolicy(this, 'policy', {
      restApiId: this.restApi.id,
      policy: policyJson([
        { Sid: 'InvokeThroughTheEndpoint', Effect: 'Allow', Principal: '*', Action: 'execute-api:Invoke', Resource: apiArn, Condition: { StringEquals: { 'aws:SourceVpce': this.vpcEndpointId } } },
        { Sid: 'DenyEveryOtherSource', Effect: 'Deny', Principal: '*', Action: 'execute-api:Invoke', Resource: apiArn, Condition: { StringNotEquals: { 'aws:SourceVpce': this.vpcEndpointId } } },
      ]),
    });
    // Callers are anonymous to IAM (a Cognito token authorizes them), so no principal condition can hold; the endpoint bounds the network and the authorizer the user.
    suppress(policy, 'TF-LP-10', 'private API: callers are anonymous to IAM and authorized by the Cognito authorizer; the policy admits only requests through its own VPC endpoint', { finding: 'Principal::*' });

    const authorizer = new ApiGatewayAuthorizer(this, 'authorizer', {
      name: `${name}-cognito`,
      restApiId: this.restApi.id,
      type: 'COGNITO_USER_POOLS',
      providerArns: [props.userPoolArn],
      identitySource: 'method.request.header.Authorization',
    });
    // Every method needs the bearer token before anything runs.
    const validator = new ApiGatewayRequestValidator(this, 'request-validator', { restApiId: this.restApi.id, name: 'parameters', validateRequestParameters: true, validateRequestBody: false });
    const proxy = new ApiGatewayResource(this, 'proxy-resource', { restApiId: this.restApi.id, parentId: this.restApi.rootResourceId, pathPart: '{proxy+}' });
    const integrations: ApiGatewayIntegration[] = [];
    const methods = [
      { key: 'root', resourceId: this.restApi.rootResourceId },
      { key: 'proxy', resourceId: proxy.id },
    ].map(({ key, resourceId }) => {
      const method = new ApiGatewayMethod(this, `method-${key}`, { restApiId: this.restApi.id, resourceId, httpMethod: 'ANY', authorization: 'COGNITO_USER_POOLS', authorizerId: authorizer.id, requestValidatorId: validator.id, requestParameters: { 'method.request.header.Authorization': true } });
      integrations.push(new ApiGatewayIntegration(this, `integration-${key}`, { restApiId: this.restApi.id, resourceId, httpMethod: method.httpMethod, type: 'AWS_PROXY', integrationHttpMethod: 'POST', uri: props.handler.invokeArn, timeoutMilliseconds: 29_000 }));
      return method;
    });
    new LambdaPermission(this, 'invoke-permission', {
      statementId: 'ApiGatewayInvoke',
      action: 'lambda:InvokeFunction',
      functionName: props.handler.functionName,
      principal: 'apigateway.amazonaws.com',
      sourceArn: `${apiArn}/*`,
    });

    this.accessLogGroup = new CloudwatchLogGroup(this, 'access-log-group', { name: `/tenantform/${env.name}/api/${props.apiName}`, retentionInDays, kmsKeyId: props.logsKmsKeyArn });
    // API Gateway would create this group itself, unencrypted and kept forever; owning it sets KMS and retention.
    const executionLogGroup = new CloudwatchLogGroup(this, 'execution-log-group', { name: `API-Gateway-Execution-Logs_${this.restApi.id}/${stageName}`, retentionInDays, kmsKeyId: props.logsKmsKeyArn });
    const account =
      props.manageAccountSettings === false
        ? undefined
        : apiGatewayAccountSettings(this, env, { name, purpose: name, logGroupArns: [this.accessLogGroup.arn, executionLogGroup.arn], logArnPrefix: `arn:${partition}:logs:${env.region}:${env.accountId}:log-group:` });

    const deployment = new ApiGatewayDeployment(this, 'deployment', {
      restApiId: this.restApi.id,
      description: 'Redeployed whenever a method, integration or the policy changes',
      triggers: { redeployment: Fn.sha1(Fn.jsonencode([proxy.id, ...methods.map((m) => m.id), ...integrations.map((i) => i.id), authorizer.id])) },
      lifecycle: { createBeforeDestroy: true },
    });
    this.stage = new ApiGatewayStage(this, 'stage', {
      restApiId: this.restApi.id,
      stageName,
      deploymentId: deployment.id,
      xrayTracingEnabled: true,
      accessLogSettings: { destinationArn: this.accessLogGroup.arn, format: ACCESS_LOG_FORMAT },
      dependsOn: [executionLogGroup, ...(account ? [account] : [])],
    });
    new ApiGatewayMethodSettings(this, 'method-settings', {
      restApiId: this.restApi.id,
      stageName: this.stage.stageName,
      methodPath: '*/*',
      settings: { metricsEnabled: true, loggingLevel: 'ERROR', dataTraceEnabled: false, throttlingRateLimit: throttle.rateLimitRps, throttlingBurstLimit: throttle.burstLimit },
    });

    this.webAcl = new EdgeWebAcl(this, 'waf', { name, provider: props.provider, scope: 'REGIONAL', rateLimitPer5Minutes: rateLimit, description: `Managed protections and a per-IP rate limit in front of the ${props.apiName} API` });
    new Wafv2WebAclAssociation(this, 'waf-association', { resourceArn: this.stage.arn, webAclArn: this.webAcl.webAcl.arn });
  }
}

/** One JSON object per request, with the caller's Cognito identity. */
const ACCESS_LOG_FORMAT = JSON.stringify({
  requestId: '$context.requestId',
  time: '$context.requestTime',
  sourceIp: '$context.identity.sourceIp',
  vpceId: '$context.identity.vpceId',
  method: '$context.httpMethod',
  path: '$context.path',
  status: '$context.status',
  responseLength: '$context.responseLength',
  latencyMs: '$context.responseLatency',
  integrationError: '$context.integration.error',
  user: '$context.authorizer.claims.sub',
  wafStatus: '$context.waf.status',
  xrayTraceId: '$context.xrayTraceId',
});

/** The private IPv4 ranges (RFC 1918) a caller network must lie in. */
const PRIVATE_RANGES = ['10.0.0.0/8', '172.16.0.0/12', '192.168.0.0/16'].map((c) => IPv4CidrRange.fromCidr(c));

/** Whether `cidr` is an IPv4 network address (host bits zero) inside the private ranges. */
function isPrivateIpv4Cidr(cidr: string): boolean {
  try {
    if (!/^\d+\.\d+\.\d+\.\d+\/\d+$/.test(cidr)) return false;
    const range = IPv4CidrRange.fromCidr(cidr);
    return `${range.getFirst().toString()}/${Number(range.cidrPrefix.getValue())}` === cidr && PRIVATE_RANGES.some((p) => range.inside(p));
  } catch {
    return false;
  }
}
