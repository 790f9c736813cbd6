import { LbListenerRule, LbTargetGroup, LbTargetGroupAttachment } from '../../core/aws';
import { validateProps } from '../../core/validation';
import { TenantRoutingPropsSchema } from './tenant-routing.schema';
import { Construct, Token } from '../../core/cdktf';
import { environmentOf } from '../../core/environment-context';
import { describeConstruct, TenantformError } from '../../core/errors';
import { TENANT_TAG } from '../../core/tags';
import { boundedName } from '../database/names';
import { AlbRef, Placement } from '../platform-refs';
import { assertTenantId } from './tenant-id';
import { MAX_RULE_PRIORITY } from './placement';
import { isDomainName } from '../platform/edge/domain-names';

/** Longest value of an ALB host-header condition. */
const MAX_HOST_HEADER = 128;

export interface TenantRoutingProps {
  readonly tenantId: string;
  /** The tenant's lock record: which ALB, and the listener-rule priority there. */
  readonly placement: Placement;
  /** The ALB named by the placement. */
  readonly alb: AlbRef;
  readonly vpcId: string;
  /** Apex domain; the rule matches `<tenant>.<domain>`. */
  readonly domain: string;
  /** The host's EC2 instance ID. */
  readonly instanceId: string;
  /** Port the database container listens on. */
  readonly port: number;
  /**
   * Path the ALB probes on the host.
   * @default '/health'
   */
  readonly healthCheckPath?: string;
}

/**
 * The tenant's place on its ALB: a target group holding its host, and a
 * host-header rule on the ALB's HTTPS listener at the priority the lock gave it.
 */
export class TenantRouting extends Construct {
  /** `<tenant>.<domain>`. */
  public readonly hostName: string;
  public readonly targetGroupArn: string;

  constructor(scope: Construct, id: string, props: TenantRoutingProps) {
    super(scope, id);
    validateProps(TenantRoutingPropsSchema, props, describeConstruct('TenantRouting', this.node));
    const where = describeConstruct('TenantRouting', this.node);
    assertTenantId(props.tenantId, where);
    if (props.alb.index !== props.placement.alb || props.placement.id !== props.tenantId) {
      throw new TenantformError({
        code: 'TF-TEN-153',
        where,
        problem: 'the ALB or placement does not belong to this tenant.',
        value: { tenantId: props.tenantId, placement: props.placement, albIndex: props.alb.index },
        fix: "pass the tenant's own lock record and the ALB at its index.",
      });
    }
    // A placement from placeTenants is always in range; one passed by hand (or from an edited lock) may not be.
    const priority = props.placement.priority;
    if (!Number.isInteger(priority) || priority < 1 || priority > MAX_RULE_PRIORITY) {
      throw new TenantformError({ code: 'TF-TEN-159', where, problem: `placement.priority must be an integer in 1-${MAX_RULE_PRIORITY}, the range of normal listener rules.`, value: priority, fix: 'use the placement placeTenants (or the fleet) wrote to tenants.lock.json for this tenant, e.g. 1.' });
    }
    const healthCheckPath = props.healthCheckPath ?? '/health';
    if (!healthCheckPath.startsWith('/') || healthCheckPath.length > 1024) {
      throw new TenantformError({ code: 'TF-TEN-201', where, problem: 'healthCheckPath must start with "/" and be at most 1024 characters.', value: healthCheckPath, fix: 'use a path such as "/health".' });
    }
    const env = environmentOf(this, 'TenantRouting');
    const tags = { [TENANT_TAG]: props.tenantId };
    this.hostName = `${props.tenantId}.${props.domain}`;
    if (!Token.isUnresolved(this.hostName) && (!isDomainName(this.hostName) || this.hostName.length > MAX_HOST_HEADER)) {
      throw new TenantformError({ code: 'TF-TEN-160', where, problem: `the tenant's host name must be a lowercase DNS name of at most ${MAX_HOST_HEADER} characters, the longest value an ALB host-header condition takes.`, value: this.hostName, fix: `use a domain of at most ${MAX_HOST_HEADER - props.tenantId.length - 1} characters for this tenant ID (or a shorter tenant ID).` });
    }

    const group = new LbTargetGroup(this, 'target-group', {
      name: boundedName(`${env.name}-t-${props.tenantId}`, 32),
      port: props.port,
      protocol: 'HTTP',
      targetType: 'instance',
      vpcId: props.vpcId,
      deregistrationDelay: '30',
      healthCheck: {
        enabled: true,
        path: healthCheckPath,
        protocol: 'HTTP',
        port: 'traffic-port',
        matcher: '200',
        interval: 15,
        timeout: 5,
        healthyThreshold: 2,
        unhealthyThreshold: 3,
      },
      tags,
    });
    this.targetGroupArn = group.arn;
    new LbTargetGroupAttachment(this, 'host', { targetGroupArn: group.arn, targetId: props.instanceId, port: props.port });
    new LbListenerRule(this, 'listener-rule', {
      listenerArn: props.alb.httpsListenerArn,
      priority: props.placement.priority,
      condition: [{ hostHeader: { values: [this.hostName] } }],
      action: [{ type: 'forward', targetGroupArn: group.arn }],
      tags,
    });
  }
}
