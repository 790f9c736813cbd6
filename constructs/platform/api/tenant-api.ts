import { ApiGatewayDeployment, ApiGatewayIntegration, ApiGatewayMethod, ApiGatewayMethodSettings, ApiGatewayRequestValidator, ApiGatewayResource, ApiGatewayRestApi, ApiGatewayStage, ApiGatewayVpcLink, CloudwatchLogGroup } from '../../../core/aws';
import { validateProps } from '../../../core/validation';
import { TenantApiPropsSchema } from './tenant-api.schema';
import { apiGatewayAccountSettings } from './account-settings';
import { Construct, Fn } from '../../../core/cdktf';
import { environmentOf } from '../../../core/environment-context';
import { describeConstruct, TenantformError } from '../../../core/errors';
import { TENANT_HOST_HEADER } from '../routing/kong-config';
import { OriginVerifyAcl } from './origin-verify-acl';
import { ThrottleSettings, validateThrottle } from './throttle';

/** Host in the integration URI: API Gateway sends it as Host and SNI to the NLB, whose certificate covers `*.<domain>`. */
export const INTEGRATION_HOST_LABEL = 'gateway';

export interface TenantApiProps {
  readonly domain: string;
  /** ARN of the internal NLB the VPC link targets. */
  readonly nlbArn: string;
  readonly logsKmsKeyArn: string;
  /** The CloudFront origin secret (token); requests without it are blocked. */
  readonly originSecret: string;
  /**
   * Stage name; tenant usage plans attach to it.
   * @default 'v1'
   */
  readonly stageName?: string;
  /**
   * Cap on the whole stage, all tenants together; per-tenant limits live in usage plans.
   * @default { rateLimitRps: 1000, burstLimit: 2000 }
   */
  readonly stageThrottle?: ThrottleSettings;
  /**
   * Execution-log level. `INFO` logs request metadata for every call.
   * @default 'ERROR'
   */
  readonly loggingLevel?: 'ERROR' | 'INFO';
  /**
   * Manage the Region's API Gateway account settings (the CloudWatch role).
   * There is one per account and Region; turn off if something else owns it.
   * @default true
   */
  readonly manageAccountSettings?: boolean;
  /** @default 365 */
  readonly logRetentionDays?: number;
}

/**
 * The tenant-facing REST API: Regional, an API key on every method, a proxy
 * integration over a VPC link to the routing NLB, request-parameter
 * validation, a stage with KMS-encrypted access and execution logs, X-Ray,
 * a stage-wide throttle, and a WAF that admits only CloudFront.
 *
 * Usage-plan hook: tenant stacks create their plan against
 * `restApiId` + `stageName` (see {@link usagePlanApiStage}).
 */
export class TenantApi extends Construct {
  public readonly restApi: ApiGatewayRestApi;
  public readonly stage: ApiGatewayStage;
  public readonly vpcLink: ApiGatewayVpcLink;
  public readonly methods: readonly ApiGatewayMethod[];
  public readonly accessLogGroup: CloudwatchLogGroup;
  public readonly executionLogGroup: CloudwatchLogGroup;
  public readonly stageName: string;

  constructor(scope: Construct, id: string, props: TenantApiProps) {
    super(scope, id);
    validateProps(TenantApiPropsSchema, props, describeConstruct('TenantApi', this.node));
    const where = describeConstruct('TenantApi', this.node);
    const env = environmentOf(this, 'TenantApi');
    const throttle = validateThrottle(props.stageThrottle ?? { rateLimitRps: 1000, burstLimit: 2000 }, where, 'stageThrottle');
    this.stageName = props.stageName ?? 'v1';
    if (!/^[A-Za-z0-9_-]{1,128}$/.test(this.stageName)) {
      throw new TenantformError({ code: 'TF-PLT-019', where, problem: 'stage name may hold only letters, digits, hyphens and underscores (1-128).', value: this.stageName, fix: 'use e.g. "v1".' });
    }
    const name = `tf-${env.name}-tenants`;
    const retentionInDays = props.logRetentionDays ?? 365;
    const logArnPrefix = `arn:aws:logs:${env.region}:${env.accountId}:log-group:`;

    this.restApi = new ApiGatewayRestApi(this, 'rest-api', {
      name,
      description: 'Tenant database API; reached through CloudFront only',
      endpointConfiguration: { types: ['REGIONAL'] },
      apiKeySource: 'HEADER',
      // Only the custom domain (behind CloudFront) serves the API.
      disableExecuteApiEndpoint: true,
    });
    this.vpcLink = new ApiGatewayVpcLink(this, 'vpc-link', { name, description: 'To the internal routing NLB', targetArns: [props.nlbArn] });

    this.accessLogGroup = new CloudwatchLogGroup(this, 'access-log-group', { name: `/tenantform/${env.name}/api-access`, retentionInDays, kmsKeyId: props.logsKmsKeyArn });
    // API Gateway would create this group itself, unencrypted and kept forever; owning it sets KMS and retention.
    this.executionLogGroup = new CloudwatchLogGroup(this, 'execution-log-group', {
      name: `API-Gateway-Execution-Logs_${this.restApi.id}/${this.stageName}`,
      retentionInDays,
      kmsKeyId: props.logsKmsKeyArn,
    });

    const account = props.manageAccountSettings === false ? undefined : apiGatewayAccountSettings(this, env, { name, purpose: 'the tenant API', logGroupArns: [this.accessLogGroup.arn, this.executionLogGroup.arn], logArnPrefix });

    const validator = new ApiGatewayRequestValidator(this, 'request-validator', {
      restApiId: this.restApi.id,
      name: 'parameters',
      // Bodies are tenant query JSON of many shapes; parameters (API key header, proxy path) are checked before anything runs.
      validateRequestParameters: true,
      validateRequestBody: false,
    });
    const proxy = new ApiGatewayResource(this, 'proxy-resource', { restApiId: this.restApi.id, parentId: this.restApi.rootResourceId, pathPart: '{proxy+}' });
    const integrationBase = `https://${INTEGRATION_HOST_LABEL}.${props.domain}`;
    const routes = [
      { key: 'root', resourceId: this.restApi.rootResourceId, path: false },
      { key: 'proxy', resourceId: proxy.id, path: true },
    ];
    const integrations: ApiGatewayIntegration[] = [];
    this.methods = routes.map(({ key, resourceId, path }) => {
      const method = new ApiGatewayMethod(this, `method-${key}`, {
        restApiId: this.restApi.id,
        resourceId,
        httpMethod: 'ANY',
        authorization: 'NONE',
        apiKeyRequired: true,
        requestValidatorId: validator.id,
        requestParameters: {
          'method.request.header.x-api-key': true,
          'method.request.header.Host': false,
          ...(path ? { 'method.request.path.proxy': true } : {}),
        },
      });
      integrations.push(
        new ApiGatewayIntegration(this, `integration-${key}`, {
          restApiId: this.restApi.id,
          resourceId,
          httpMethod: method.httpMethod,
          type: 'HTTP_PROXY',
          integrationHttpMethod: 'ANY',
          connectionType: 'VPC_LINK',
          connectionId: this.vpcLink.id,
          uri: path ? `${integrationBase}/{proxy}` : `${integrationBase}/`,
          timeoutMilliseconds: 29_000,
          requestParameters: {
            [`integration.request.header.${TENANT_HOST_HEADER}`]: 'method.request.header.Host',
            ...(path ? { 'integration.request.path.proxy': 'method.request.path.proxy' } : {}),
          },
        }),
      );
      return method;
    });

    const deployment = new ApiGatewayDeployment(this, 'deployment', {
      restApiId: this.restApi.id,
      description: 'Redeployed whenever a method or integration changes',
      triggers: {
        redeployment: Fn.sha1(Fn.jsonencode([proxy.id, ...this.methods.map((m) => m.id), ...integrations.map((i) => i.id), ...integrations.map((i) => i.uri)])),
      },
      lifecycle: { createBeforeDestroy: true },
    });

    this.stage = new ApiGatewayStage(this, 'stage', {
      restApiId: this.restApi.id,
      stageName: this.stageName,
      deploymentId: deployment.id,
      xrayTracingEnabled: true,
      accessLogSettings: { destinationArn: this.accessLogGroup.arn, format: ACCESS_LOG_FORMAT },
      dependsOn: [this.executionLogGroup, ...(account ? [account] : [])],
    });
    new ApiGatewayMethodSettings(this, 'method-settings', {
      restApiId: this.restApi.id,
      stageName: this.stage.stageName,
      methodPath: '*/*',
      settings: {
        metricsEnabled: true,
        loggingLevel: props.loggingLevel ?? 'ERROR',
        // Full request and response bodies would put tenant data into logs.
        dataTraceEnabled: false,
        throttlingRateLimit: throttle.rateLimitRps,
        throttlingBurstLimit: throttle.burstLimit,
      },
    });
    new OriginVerifyAcl(this, 'origin-verify', { stageArn: this.stage.arn, secret: props.originSecret, name });
  }

  /** What a tenant usage plan's `api_stages` block needs. */
  public usagePlanApiStage(): { apiId: string; stage: string } {
    return { apiId: this.restApi.id, stage: this.stage.stageName };
  }
}

/** The `api_stages` entry of a tenant usage plan, from the refs a tenant stack receives. */
export function usagePlanApiStage(refs: { readonly restApiId: string; readonly apiStageName: string }): { apiId: string; stage: string } {
  return { apiId: refs.restApiId, stage: refs.apiStageName };
}

/** One JSON object per request; fields name the tenant host, key and plan so usage can be traced. */
const ACCESS_LOG_FORMAT = JSON.stringify({
  requestId: '$context.requestId',
  extendedRequestId: '$context.extendedRequestId',
  time: '$context.requestTime',
  sourceIp: '$context.identity.sourceIp',
  host: '$context.domainName',
  method: '$context.httpMethod',
  path: '$context.path',
  protocol: '$context.protocol',
  status: '$context.status',
  responseLength: '$context.responseLength',
  latencyMs: '$context.responseLatency',
  integrationLatencyMs: '$context.integration.latency',
  integrationError: '$context.integration.error',
  apiKeyId: '$context.identity.apiKeyId',
  usagePlanId: '$context.identity.usagePlanId',
  wafStatus: '$context.waf.status',
  xrayTraceId: '$context.xrayTraceId',
});
