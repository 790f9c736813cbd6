import { isProduction } from '../../../core/environment';
import { validateProps } from '../../../core/validation';
import { RoutingNlbPropsSchema } from './routing-nlb.schema';
import { Lb, LbListener, SecurityGroup, VpcSecurityGroupIngressRule } from '../../../core/aws';
import { Construct } from '../../../core/cdktf';
import { environmentOf } from '../../../core/environment-context';
import { describeConstruct } from '../../../core/errors';
import { DEFAULT_TLS_POLICY, Tls12PlusPolicy, validateTlsPolicy } from '../alb-pool/tls-policies';
import { validateNlbCidrs } from './nlb-cidrs';

export interface RoutingNlbProps {
  readonly vpcId: string;
  /** Subnets of the NLB, one per AZ (the private tier). */
  readonly subnetIds: readonly string[];
  /** Bucket for access logs of the TLS listener. */
  readonly accessLogBucket: string;
  /** @default 'nlb/' */
  readonly accessLogPrefix?: string;
  /**
   * Private networks that may call the NLB directly, besides the API Gateway VPC link.
   * @default - none
   */
  readonly clientCidrs?: readonly string[];
  /** @default - true in prod */
  readonly deletionProtection?: boolean;
  /** @default 'ELBSecurityPolicy-TLS13-1-2-2021-06' */
  readonly sslPolicy?: Tls12PlusPolicy;
}

/**
 * The internal NLB behind the API Gateway VPC link. API Gateway reaches it
 * over PrivateLink, which security groups do not filter (inbound enforcement
 * on PrivateLink traffic is off); any other caller must come from a listed
 * private CIDR. Listeners are added by the routing tier.
 */
export class RoutingNlb extends Construct {
  public readonly nlb: Lb;
  public readonly securityGroup: SecurityGroup;
  public readonly sslPolicy: Tls12PlusPolicy;

  constructor(scope: Construct, id: string, props: RoutingNlbProps) {
    super(scope, id);
    validateProps(RoutingNlbPropsSchema, props, describeConstruct('RoutingNlb', this.node));
    const where = describeConstruct('RoutingNlb', this.node);
    const env = environmentOf(this, 'RoutingNlb');
    const cidrs = validateNlbCidrs(props.clientCidrs ?? [], where);
    this.sslPolicy = validateTlsPolicy(props.sslPolicy ?? DEFAULT_TLS_POLICY, where);
    this.securityGroup = new SecurityGroup(this, 'security-group', {
      name: `tf-${env.name}-routing-nlb`,
      description: 'Routing NLB: the API Gateway VPC link (PrivateLink) and listed private CIDRs only',
      vpcId: props.vpcId,
      tags: { Name: `${this.node.path}/nlb` },
    });
    cidrs.forEach((cidr) => {
      new VpcSecurityGroupIngressRule(this, `security-group-from-${cidr.replace(/[./]/g, '-')}`, {
        securityGroupId: this.securityGroup.id,
        description: `TLS from private network ${cidr}`,
        ipProtocol: 'tcp',
        fromPort: 443,
        toPort: 443,
        cidrIpv4: cidr,
      });
    });
    this.nlb = new Lb(this, 'nlb', {
      name: `tf-${env.name}-routing`,
      loadBalancerType: 'network',
      internal: true,
      subnets: [...props.subnetIds],
      securityGroups: [this.securityGroup.id],
      // VPC-link traffic arrives through PrivateLink from AWS-owned addresses; the link itself is the gate.
      enforceSecurityGroupInboundRulesOnPrivateLinkTraffic: 'off',
      enableCrossZoneLoadBalancing: true,
      enableDeletionProtection: props.deletionProtection ?? isProduction(env),
      accessLogs: { bucket: props.accessLogBucket, prefix: (props.accessLogPrefix ?? 'nlb/').replace(/\/$/, ''), enabled: true },
      tags: { Name: `${this.node.path}/nlb` },
    });
  }

  /** A TLS listener on 443 that terminates with `certificateArn` and forwards to `targetGroupArn`. */
  public tlsListener(id: string, certificateArn: string, targetGroupArn: string): LbListener {
    return new LbListener(this, id, {
      loadBalancerArn: this.nlb.arn,
      port: 443,
      protocol: 'TLS',
      sslPolicy: this.sslPolicy,
      certificateArn,
      defaultAction: [{ type: 'forward', targetGroupArn }],
    });
  }
}
