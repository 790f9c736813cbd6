import { ApiGatewayApiKey, ApiGatewayUsagePlan, ApiGatewayUsagePlanKey } from '../../core/aws';
import { validateProps, withDefaults } from '../../core/validation';
import { TenantApiAccessPropsSchema } from './tenant-api-access.schema';
import { Construct } from '../../core/cdktf';
import { environmentOf } from '../../core/environment-context';
import { describeConstruct, TenantformError } from '../../core/errors';
import { TENANT_TAG } from '../../core/tags';
import { assertTenantId } from './tenant-id';
import { TierApiLimits, TIER_API_LIMITS, TenantTier } from './tiers';

export interface TenantApiAccessProps {
  readonly tenantId: string;
  readonly tier: TenantTier;
  /** REST API and stage of the shared edge. */
  readonly restApiId: string;
  readonly apiStageName: string;
  /**
   * Override the tier's limits for this tenant.
   * @default - the tier's limits (TIER_API_LIMITS)
   */
  readonly limits?: Partial<TierApiLimits>;
}

/**
 * The tenant's way through API Gateway: a usage plan with its tier's quota
 * and throttle on the platform's stage, and an API key bound to it.
 *
 * The two have different lifetimes. The key is the tenant's credential and is
 * destroyed with the tenant. The usage plan carries the usage statistics, so
 * it has `prevent_destroy` and is released, not destroyed, when the tenant is
 * decommissioned (see TenantDatabaseStack).
 */
export class TenantApiAccess extends Construct {
  public readonly usagePlan: ApiGatewayUsagePlan;
  public readonly apiKey: ApiGatewayApiKey;
  public readonly limits: TierApiLimits;

  constructor(scope: Construct, id: string, props: TenantApiAccessProps) {
    super(scope, id);
    validateProps(TenantApiAccessPropsSchema, props, describeConstruct('TenantApiAccess', this.node));
    const where = describeConstruct('TenantApiAccess', this.node);
    assertTenantId(props.tenantId, where);
    const base = TIER_API_LIMITS[props.tier];
    if (base === undefined) {
      throw new TenantformError({ code: 'TF-TEN-004', where, problem: 'tier is not a known tier.', value: props.tier, fix: `use one of ${Object.keys(TIER_API_LIMITS).join(', ')}.` });
    }
    const limits: TierApiLimits = withDefaults(base, props.limits);
    for (const key of ['rateLimitPerSecond', 'burstLimit', 'quotaLimit'] as const) {
      if (!Number.isInteger(limits[key]) || limits[key] < 1) {
        throw new TenantformError({ code: 'TF-TEN-202', where, problem: `${key} must be a positive integer.`, value: limits[key], fix: 'set a positive whole number, or drop the override to use the tier default.' });
      }
    }
    if (limits.burstLimit < limits.rateLimitPerSecond) {
      throw new TenantformError({ code: 'TF-TEN-202', where, problem: 'burstLimit must be at least rateLimitPerSecond, or the bucket can never hold a second of traffic.', value: { burstLimit: limits.burstLimit, rateLimitPerSecond: limits.rateLimitPerSecond }, fix: 'raise burstLimit.' });
    }
    this.limits = limits;
    const env = environmentOf(this, 'TenantApiAccess');
    const name = `${env.name}-tenant-${props.tenantId}`;
    const tags = { [TENANT_TAG]: props.tenantId };

    this.usagePlan = new ApiGatewayUsagePlan(this, 'usage-plan', {
      name,
      description: `Tenant ${props.tenantId} (${props.tier} tier)`,
      apiStages: [{ apiId: props.restApiId, stage: props.apiStageName }],
      quotaSettings: { limit: limits.quotaLimit, period: limits.quotaPeriod },
      throttleSettings: { rateLimit: limits.rateLimitPerSecond, burstLimit: limits.burstLimit },
      tags,
      lifecycle: { preventDestroy: true },
    });
    this.apiKey = new ApiGatewayApiKey(this, 'api-key', {
      name,
      description: `API key of tenant ${props.tenantId}`,
      enabled: true,
      tags,
    });
    new ApiGatewayUsagePlanKey(this, 'usage-plan-key', {
      keyId: this.apiKey.id,
      keyType: 'API_KEY',
      usagePlanId: this.usagePlan.id,
    });
  }
}
