import { isProduction } from '../../../core/environment';
import { validateProps } from '../../../core/validation';
import { AlbPoolPropsSchema } from './alb-pool.schema';
import { Lb, LbListener, SecurityGroup, VpcSecurityGroupEgressRule, VpcSecurityGroupIngressRule } from '../../../core/aws';
import { Construct } from '../../../core/cdktf';
import { environmentOf } from '../../../core/environment-context';
import { describeConstruct } from '../../../core/errors';
import { AlbRef } from '../../platform-refs';
import { validateAlbCount } from './quotas';
import { DEFAULT_TLS_POLICY, Tls12PlusPolicy, validateTlsPolicy } from './tls-policies';

export interface AlbPoolProps {
  readonly vpcId: string;
  /** IPv4 block of the VPC; tenant hosts live in it, so ALBs may send to it. */
  readonly vpcCidr: string;
  /** Subnets the ALBs span, one per AZ (the private tier). */
  readonly subnetIds: readonly string[];
  /** ARN of the (validated) regional certificate for `*.<domain>`. */
  readonly certificateArn: string;
  /** Name of the bucket that receives access logs (SSE-S3; ELB cannot use a CMK). */
  readonly accessLogBucket: string;
  /**
   * Key prefix for access logs, ending in `/`.
   * @default 'alb/'
   */
  readonly accessLogPrefix?: string;
  /**
   * Number of ALBs in the pool. Only ever grow it: tenants stay on their ALB for life.
   * @default 2
   */
  readonly albCount?: number;
  /**
   * TLS policy of the HTTPS listeners.
   * @default 'ELBSecurityPolicy-TLS13-1-2-2021-06'
   */
  readonly sslPolicy?: Tls12PlusPolicy;
  /**
   * Refuse deletion through the API.
   * @default - true in prod, false elsewhere
   */
  readonly deletionProtection?: boolean;
}

/** One ALB of the pool with its listener and security group. */
export interface PoolAlb {
  readonly index: number;
  readonly alb: Lb;
  readonly httpsListener: LbListener;
  readonly securityGroup: SecurityGroup;
}

/**
 * N internal ALBs that tenant hosts sit behind. Each spans every AZ of the
 * VPC, listens on HTTPS only with a TLS 1.2+ policy, answers 404 unless a
 * tenant rule matches, drops malformed headers and logs every request.
 * Its security group admits nobody until {@link AlbPool.admit} names the
 * routing tier.
 *
 * ALBs are keyed by pool index, which is also what placements store, so
 * growing the pool adds resources without touching existing ones.
 */
export class AlbPool extends Construct {
  public readonly albs: readonly PoolAlb[];

  constructor(scope: Construct, id: string, props: AlbPoolProps) {
    super(scope, id);
    validateProps(AlbPoolPropsSchema, props, describeConstruct('AlbPool', this.node));
    const where = describeConstruct('AlbPool', this.node);
    const env = environmentOf(this, 'AlbPool');
    const count = validateAlbCount(props.albCount ?? 2, where);
    const sslPolicy = validateTlsPolicy(props.sslPolicy ?? DEFAULT_TLS_POLICY, where);
    const deletionProtection = props.deletionProtection ?? isProduction(env);
    const prefix = props.accessLogPrefix ?? 'alb/';

    this.albs = Array.from({ length: count }, (_, index) => {
      const securityGroup = new SecurityGroup(this, `security-group-${index}`, {
        name: `tf-${env.name}-alb-${index}`,
        description: `ALB ${index} of the pool: HTTPS from the routing tier only`,
        vpcId: props.vpcId,
        tags: { Name: `${this.node.path}/alb-${index}` },
      });
      new VpcSecurityGroupEgressRule(this, `security-group-${index}-to-tenants`, {
        securityGroupId: securityGroup.id,
        description: 'To tenant hosts in the VPC (each tenant host admits its own ALB only)',
        ipProtocol: 'tcp',
        fromPort: 1,
        toPort: 65535,
        cidrIpv4: props.vpcCidr,
      });
      const alb = new Lb(this, `alb-${index}`, {
        name: `tf-${env.name}-alb-${index}`,
        loadBalancerType: 'application',
        internal: true,
        subnets: [...props.subnetIds],
        securityGroups: [securityGroup.id],
        dropInvalidHeaderFields: true,
        enableDeletionProtection: deletionProtection,
        desyncMitigationMode: 'strictest',
        accessLogs: { bucket: props.accessLogBucket, prefix: `${prefix}${index}`, enabled: true },
        tags: { Name: `${this.node.path}/alb-${index}`, 'tenantform:alb-index': String(index) },
      });
      const httpsListener = new LbListener(this, `https-${index}`, {
        loadBalancerArn: alb.arn,
        port: 443,
        protocol: 'HTTPS',
        sslPolicy,
        certificateArn: props.certificateArn,
        defaultAction: [{ type: 'fixed-response', fixedResponse: { contentType: 'text/plain', statusCode: '404', messageBody: 'Not found' } }],
      });
      return { index, alb, httpsListener, securityGroup };
    });
  }

  /** Lets one security group (the routing tier's) reach every ALB on 443; nothing else gets in. */
  public admit(sourceSecurityGroupId: string, label: string): void {
    for (const { index, securityGroup } of this.albs) {
      new VpcSecurityGroupIngressRule(this, `security-group-${index}-from-${label}`, {
        securityGroupId: securityGroup.id,
        description: `HTTPS from ${label}`,
        ipProtocol: 'tcp',
        fromPort: 443,
        toPort: 443,
        referencedSecurityGroupId: sourceSecurityGroupId,
      });
    }
  }

  /** The pool as tenant stacks see it. */
  public refs(): AlbRef[] {
    return this.albs.map(({ index, alb, httpsListener, securityGroup }) => ({
      index,
      httpsListenerArn: httpsListener.arn,
      securityGroupId: securityGroup.id,
      dnsName: alb.dnsName,
    }));
  }
}
