import { LbListener, LbTargetGroup, LbTargetGroupAttachment, VpcSecurityGroupEgressRule } from '../../../core/aws';
import { validateProps } from '../../../core/validation';
import { RoutingTierPropsSchema } from './routing-tier.schema';
import { Construct } from '../../../core/cdktf';
import { environmentOf } from '../../../core/environment-context';
import { describeConstruct, TenantformError } from '../../../core/errors';
import { suppress } from '../../../core/suppressions';
import { Placement } from '../../platform-refs';
import { AlbPool } from '../alb-pool/alb-pool';
import { DEFAULT_RULES_PER_ALB, validatePlacements, validateRulesPerAlb } from '../alb-pool/quotas';
import { Tls12PlusPolicy } from '../alb-pool/tls-policies';
import { KongDeclarativeConfig } from './kong-schema';
import { kongConfigString, kongDeclarativeConfig } from './kong-config';
import { FargateSize, KONG_PROXY_PORT, KONG_STATUS_PORT, KongService } from './kong-service';
import { RoutingNlb } from './routing-nlb';

/**
 * - `kong`: NLB -> Kong on Fargate -> the tenant's ALB (the reference design; any number of ALBs).
 * - `nlb-to-alb`: NLB -> one ALB registered as the NLB's target; no routing fleet, a single ALB.
 */
export type RoutingTierMode = 'kong' | 'nlb-to-alb';

export interface RoutingTierProps {
  readonly vpcId: string;
  readonly subnetIds: readonly string[];
  readonly domain: string;
  readonly albPool: AlbPool;
  /** Tenant placements; Kong's routes are generated from them. */
  readonly placements: readonly Placement[];
  /** Regional certificate for `*.<domain>` (the NLB's TLS listener). */
  readonly certificateArn: string;
  readonly accessLogBucket: string;
  readonly dataKmsKeyArn: string;
  readonly logsKmsKeyArn: string;
  /** @default 'kong' */
  readonly mode?: RoutingTierMode;
  /** @default 100 */
  readonly rulesPerAlb?: number;
  /** @default - none */
  readonly nlbClientCidrs?: readonly string[];
  readonly sslPolicy?: Tls12PlusPolicy;
  readonly deletionProtection?: boolean;
  /** @default '3.9.1' */
  readonly kongImageTag?: string;
  readonly kongSize?: FargateSize;
  readonly kongMinTasks?: number;
  readonly kongMaxTasks?: number;
}

/**
 * The hop between the API Gateway VPC link and the ALB pool: an internal NLB
 * with a TLS listener, then either Kong (host routing to N ALBs) or a single
 * ALB registered directly as the NLB's target.
 */
export class RoutingTier extends Construct {
  public readonly mode: RoutingTierMode;
  public readonly nlb: RoutingNlb;
  public readonly listener: LbListener;
  public readonly kong?: KongService;
  /** The Kong declarative config as generated (ALB hosts are tokens); undefined in `nlb-to-alb` mode. */
  public readonly kongConfig?: KongDeclarativeConfig;
  /** Security group of whatever sends traffic to the ALBs (Kong tasks, or the NLB). */
  public readonly securityGroupId: string;

  constructor(scope: Construct, id: string, props: RoutingTierProps) {
    super(scope, id);
    validateProps(RoutingTierPropsSchema, props, describeConstruct('RoutingTier', this.node));
    const where = describeConstruct('RoutingTier', this.node);
    const env = environmentOf(this, 'RoutingTier');
    this.mode = props.mode ?? 'kong';
    const albCount = props.albPool.albs.length;
    const rulesPerAlb = validateRulesPerAlb(props.rulesPerAlb ?? DEFAULT_RULES_PER_ALB, where);
    if (this.mode !== 'kong' && this.mode !== 'nlb-to-alb') {
      throw new TenantformError({ code: 'TF-PLT-013', where, problem: 'routingTier must be "kong" or "nlb-to-alb".', value: this.mode, fix: 'pick one of the two modes.' });
    }
    if (this.mode === 'nlb-to-alb' && albCount !== 1) {
      throw new TenantformError({
        code: 'TF-PLT-013',
        where,
        problem: 'the nlb-to-alb routing tier forwards to exactly one ALB; the pool has more.',
        value: albCount,
        fix: 'set albCount to 1 for nlb-to-alb, or use routingTier "kong" to route hosts across several ALBs.',
      });
    }
    validatePlacements(props.placements, albCount, rulesPerAlb, where);

    this.nlb = new RoutingNlb(this, 'nlb', {
      vpcId: props.vpcId,
      subnetIds: props.subnetIds,
      accessLogBucket: props.accessLogBucket,
      clientCidrs: props.nlbClientCidrs,
      deletionProtection: props.deletionProtection,
      sslPolicy: props.sslPolicy,
    });
    const nlbSg = this.nlb.securityGroup.id;

    if (this.mode === 'kong') {
      this.kongConfig = kongDeclarativeConfig(
        { domain: props.domain, placements: props.placements, albDnsNames: props.albPool.albs.map((a) => a.alb.dnsName), rulesPerAlb },
        where,
      );
      this.kong = new KongService(this, 'kong', {
        vpcId: props.vpcId,
        subnetIds: props.subnetIds,
        declarativeConfig: kongConfigString(this.kongConfig, where),
        imageKmsKeyArn: props.dataKmsKeyArn,
        logsKmsKeyArn: props.logsKmsKeyArn,
        imageTag: props.kongImageTag,
        size: props.kongSize,
        minTasks: props.kongMinTasks,
        maxTasks: props.kongMaxTasks,
      });
      this.kong.admitFrom(nlbSg);
      for (const [label, port] of [['proxy', KONG_PROXY_PORT], ['status', KONG_STATUS_PORT]] as const) {
        new VpcSecurityGroupEgressRule(this, `nlb-to-kong-${label}`, {
          securityGroupId: nlbSg,
          description: `To Kong ${label} port`,
          ipProtocol: 'tcp',
          fromPort: port,
          toPort: port,
          referencedSecurityGroupId: this.kong.securityGroup.id,
        });
      }
      this.listener = this.nlb.tlsListener('tls', props.certificateArn, this.kong.targetGroup.arn);
      this.securityGroupId = this.kong.securityGroup.id;
    } else {
      const only = props.albPool.albs[0]!;
      const targetGroup = new LbTargetGroup(this, 'alb-target-group', {
        name: `tf-${env.name}-alb-0`,
        targetType: 'alb',
        protocol: 'TCP',
        port: 443,
        vpcId: props.vpcId,
        healthCheck: { enabled: true, protocol: 'HTTPS', path: '/', matcher: '200-499', interval: 10, healthyThreshold: 2, unhealthyThreshold: 2 },
      });
      new LbTargetGroupAttachment(this, 'alb-target', { targetGroupArn: targetGroup.arn, targetId: only.alb.arn, port: 443, dependsOn: [only.httpsListener] });
      // ALB-type targets only accept a TCP listener; TLS passes through and ends at the ALB's HTTPS listener.
      this.listener = new LbListener(this.nlb, 'tcp', {
        loadBalancerArn: this.nlb.nlb.arn,
        port: 443,
        protocol: 'TCP',
        defaultAction: [{ type: 'forward', targetGroupArn: targetGroup.arn }],
      });
      suppress(this.listener, 'TF-ENC-14', 'TCP pass-through to an ALB target: TLS is not decrypted here and ends at the ALB HTTPS listener with a TLS 1.2+ policy');
      new VpcSecurityGroupEgressRule(this, 'nlb-to-alb', {
        securityGroupId: nlbSg,
        description: 'To the ALB HTTPS listener',
        ipProtocol: 'tcp',
        fromPort: 443,
        toPort: 443,
        referencedSecurityGroupId: only.securityGroup.id,
      });
      this.securityGroupId = nlbSg;
    }
    props.albPool.admit(this.securityGroupId, this.mode === 'kong' ? 'routing-tier' : 'routing-nlb');
  }
}
