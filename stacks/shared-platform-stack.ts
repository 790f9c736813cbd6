import { Construct, TerraformOutput } from '../core/cdktf';
import { guardArns, validateProps } from '../core/validation';
import { SharedPlatformStackPropsSchema } from './shared-platform-stack.schema';
import { describeConstruct, TenantformError } from '../core/errors';
import { SharedVpc, SharedVpcProps } from '../constructs/network/shared-vpc';
import { Placement, TenantPlatformRefs } from '../constructs/platform-refs';
import { AlbPool } from '../constructs/platform/alb-pool/alb-pool';
import { elbLogWriters } from '../constructs/platform/alb-pool/elb-log-delivery';
import { Tls12PlusPolicy } from '../constructs/platform/alb-pool/tls-policies';
import { TenantApi } from '../constructs/platform/api/tenant-api';
import { ThrottleSettings } from '../constructs/platform/api/throttle';
import { OriginSecret } from '../constructs/platform/edge/origin-secret';
import { PlatformDomain } from '../constructs/platform/edge/platform-domain';
import { PublicEdge } from '../constructs/platform/edge/public-edge';
import { PlatformKeys } from '../constructs/platform/kms/platform-keys';
import { FargateSize } from '../constructs/platform/routing/kong-service';
import { RoutingTier, RoutingTierMode } from '../constructs/platform/routing/routing-tier';
import { LogBucket } from '../constructs/platform/storage/log-bucket';
import { TenantformStack, TenantformStackProps } from './tenantform-stack';

export interface SharedPlatformStackProps extends TenantformStackProps {
  /**
   * The environment's network, usually `NetworkStack.network` from another
   * stack (cdktf turns the references into outputs and remote state).
   * Exactly one of `network` and `vpc` is required.
   * @default - none; `vpc` creates one inside this stack
   */
  readonly network?: SharedVpc;
  /**
   * Settings for a VPC created inside this stack, for single-stack setups.
   * @default - none; use `network`
   */
  readonly vpc?: SharedVpcProps;
  /** Apex domain; tenants are served at `<tenant>.<domain>`. */
  readonly domain: string;
  /** @default - a new hosted zone */
  readonly hostedZoneId?: string;
  /** Extra certificate names under `domain`. @default - none */
  readonly subjectAlternativeNames?: readonly string[];
  /** Tenant placements from the lock file; Kong routes are generated from them. @default [] */
  readonly placements?: readonly Placement[];
  /** ALBs in the pool; only ever grow it. @default 2 (1 for nlb-to-alb) */
  readonly albCount?: number;
  /** Listener-rule quota per ALB. @default 100 */
  readonly rulesPerAlb?: number;
  /** @default 'kong' */
  readonly routingTier?: RoutingTierMode;
  /** Private CIDRs that may call the NLB directly. @default - none */
  readonly nlbClientCidrs?: readonly string[];
  /** Cap on the whole API stage. @default { rateLimitRps: 1000, burstLimit: 2000 } */
  readonly stageThrottle?: ThrottleSettings;
  /** CloudFront WAF rate rule, requests per IP per 5 minutes. @default 2000 */
  readonly wafRateLimitPer5Minutes?: number;
  /** TLS policy of the ALB and NLB listeners. @default 'ELBSecurityPolicy-TLS13-1-2-2021-06' */
  readonly loadBalancerTlsPolicy?: Tls12PlusPolicy;
  /** Kong fleet settings. @default - image 3.9.1, 0.5 vCPU / 1 GiB, one task per AZ, up to 4x */
  readonly kong?: { readonly imageTag?: string; readonly size?: FargateSize; readonly minTasks?: number; readonly maxTasks?: number };
  /** Manage the Region's API Gateway CloudWatch role (one per account and Region). @default true */
  readonly manageApiGatewayAccount?: boolean;
  /** Days access logs are kept. @default 365 */
  readonly logRetentionDays?: number;
}

/**
 * One environment's shared platform: KMS keys, DNS and certificates, the
 * ALB pool, the routing tier (internal NLB + Kong, or NLB -> ALB), the
 * tenant REST API behind a VPC link, and the public edge (CloudFront + WAF).
 *
 * Path: CloudFront -> API Gateway (API key, WAF origin check) -> VPC link ->
 * internal NLB -> Kong -> tenant's ALB -> tenant host. `tenantRefs` is what
 * tenant stacks consume.
 */
export class SharedPlatformStack extends TenantformStack {
  public readonly network: SharedVpc;
  public readonly keys: PlatformKeys;
  public readonly platformDomain: PlatformDomain;
  public readonly albPool: AlbPool;
  public readonly routing: RoutingTier;
  public readonly api: TenantApi;
  public readonly edge: PublicEdge;
  public readonly tenantRefs: TenantPlatformRefs;

  constructor(scope: Construct, id: string, props: SharedPlatformStackProps) {
    validateProps(SharedPlatformStackPropsSchema, props, `SharedPlatformStack ${id}`);
    super(scope, id, props);
    guardArns(props, props.environment, `SharedPlatformStack ${id}`);
    const where = describeConstruct('SharedPlatformStack', this.node);
    if ((props.network === undefined) === (props.vpc === undefined)) {
      throw new TenantformError({
        code: 'TF-PLT-015',
        where,
        problem: 'exactly one of network (an existing SharedVpc) and vpc (settings for a new one) is required.',
        value: { network: props.network?.node.path, vpc: props.vpc },
        fix: 'pass network: networkStack.network, or vpc: { cidrBlock } to build the VPC inside this stack.',
      });
    }
    const env = props.environment;
    const routingMode = props.routingTier ?? 'kong';
    this.network = props.network ?? new SharedVpc(this, 'vpc', props.vpc!);
    const vpcId = this.network.vpc.id;
    const vpcCidr = this.network.vpc.cidrBlock;
    const privateSubnetIds = this.network.subnets.private.map((s) => s.id);
    const cloudFrontProvider = this.regionalProvider('us-east-1');

    this.keys = new PlatformKeys(this, 'keys');
    this.platformDomain = new PlatformDomain(this, 'domain', {
      domain: props.domain,
      hostedZoneId: props.hostedZoneId,
      subjectAlternativeNames: props.subjectAlternativeNames,
      cloudFrontProvider,
    });
    const certificateArn = this.platformDomain.regionalCertificate.certificateArn;

    const lbLogs = new LogBucket(this, 'lb-logs', {
      purpose: 'lb-logs',
      encryption: { kind: 's3-managed', reason: 'Elastic Load Balancing delivers access logs only to SSE-S3 buckets; a customer-managed key would drop every log file' },
      writers: elbLogWriters(env.region, env.accountId, 'alb/', 'nlb/'),
      retentionDays: props.logRetentionDays,
    });

    this.albPool = new AlbPool(this, 'alb-pool', {
      vpcId,
      vpcCidr,
      subnetIds: privateSubnetIds,
      certificateArn,
      accessLogBucket: lbLogs.bucket.bucket,
      accessLogPrefix: 'alb/',
      albCount: props.albCount ?? (routingMode === 'nlb-to-alb' ? 1 : 2),
      sslPolicy: props.loadBalancerTlsPolicy,
    });
    this.routing = new RoutingTier(this, 'routing', {
      mode: routingMode,
      vpcId,
      subnetIds: privateSubnetIds,
      domain: this.platformDomain.domain,
      albPool: this.albPool,
      placements: props.placements ?? [],
      rulesPerAlb: props.rulesPerAlb,
      certificateArn,
      accessLogBucket: lbLogs.bucket.bucket,
      dataKmsKeyArn: this.keys.data.arn,
      logsKmsKeyArn: this.keys.logs.arn,
      nlbClientCidrs: props.nlbClientCidrs,
      sslPolicy: props.loadBalancerTlsPolicy,
      kongImageTag: props.kong?.imageTag,
      kongSize: props.kong?.size,
      kongMinTasks: props.kong?.minTasks,
      kongMaxTasks: props.kong?.maxTasks,
    });

    const originSecret = new OriginSecret(this, 'origin-secret', { kmsKeyArn: this.keys.data.arn });
    this.api = new TenantApi(this, 'api', {
      domain: this.platformDomain.domain,
      nlbArn: this.routing.nlb.nlb.arn,
      logsKmsKeyArn: this.keys.logs.arn,
      originSecret: originSecret.value,
      stageThrottle: props.stageThrottle,
      manageAccountSettings: props.manageApiGatewayAccount,
      logRetentionDays: props.logRetentionDays,
    });
    this.edge = new PublicEdge(this, 'edge', {
      platformDomain: this.platformDomain,
      restApiId: this.api.restApi.id,
      stageName: this.api.stage.stageName,
      originSecret: originSecret.value,
      logsKmsKey: this.keys.logs,
      cloudFrontProvider,
      rateLimitPer5Minutes: props.wafRateLimitPer5Minutes,
      logRetentionDays: props.logRetentionDays,
    });

    this.tenantRefs = {
      vpcId,
      vpcCidr,
      privateSubnetIds,
      isolatedSubnetIds: this.network.subnets.isolated.map((s) => s.id),
      endpointSecurityGroupId: this.network.endpointSecurityGroup.id,
      dataKmsKeyArn: this.keys.data.arn,
      logsKmsKeyArn: this.keys.logs.arn,
      albs: this.albPool.refs(),
      routingTierSecurityGroupId: this.routing.securityGroupId,
      restApiId: this.api.restApi.id,
      apiStageName: this.api.stage.stageName,
      domain: this.platformDomain.domain,
    };
    this.addOutputs();
  }

  /** Plain outputs for tools outside cdktf (tenant stacks in the same app use `tenantRefs` directly). */
  private addOutputs(): void {
    const r = this.tenantRefs;
    const outputs: Record<string, unknown> = {
      data_kms_key_arn: r.dataKmsKeyArn,
      logs_kms_key_arn: r.logsKmsKeyArn,
      alb_https_listener_arns: r.albs.map((a) => a.httpsListenerArn),
      alb_security_group_ids: r.albs.map((a) => a.securityGroupId),
      alb_dns_names: r.albs.map((a) => a.dnsName),
      routing_tier_security_group_id: r.routingTierSecurityGroupId,
      rest_api_id: r.restApiId,
      api_stage_name: r.apiStageName,
      domain: r.domain,
      hosted_zone_id: this.platformDomain.hostedZoneId,
      cloudfront_domain_name: this.edge.distribution.domainName,
    };
    if (this.platformDomain.zone) outputs.hosted_zone_name_servers = this.platformDomain.zone.nameServers;
    for (const [name, value] of Object.entries(outputs)) {
      // Construct IDs share a namespace with child constructs ('domain'); the Terraform output name does not.
      new TerraformOutput(this, `output-${name}`, { value }).overrideLogicalId(name);
    }
  }
}
