import { bool, int, known, num, oneOf, opt, Schema, str, strict } from '../../core/validation';
import type { TenantEngine, TenantIntent } from './tenants-file';
import type { TenantTier, TierApiLimits } from './tiers';

/**
 * The shape of one tenant. tenants-file.ts maps its issues to the tenants.json
 * codes (TF-TEN-001/002/004); stacks that take a tenant report TF-PRP-*.
 */
export const TenantIntentSchema = strict({
  id: str(),
  tier: known<TenantTier>(),
  engine: opt(known<TenantEngine>()),
  instanceType: opt(str()),
  storageGiB: opt(int()),
  synthetic: opt(bool()),
  decommission: opt(bool()),
}) satisfies Schema<TenantIntent>;

export const TierApiLimitsPartialSchema = strict({
  // API Gateway takes a fractional steady-state rate.
  rateLimitPerSecond: opt(num()),
  burstLimit: opt(int()),
  quotaLimit: opt(int()),
  quotaPeriod: opt(oneOf(['DAY', 'WEEK', 'MONTH'] as const)),
}) satisfies Schema<Partial<TierApiLimits>>;
