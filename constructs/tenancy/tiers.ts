/**
 * Service tiers a tenant can be on. A tier sets what API Gateway lets the
 * tenant send (its usage plan), so one noisy tenant cannot starve its
 * neighbours behind the shared edge.
 */
export const TENANT_TIERS = ['free', 'standard', 'premium'] as const;
export type TenantTier = (typeof TENANT_TIERS)[number];

/** API Gateway limits of one tier. */
export interface TierApiLimits {
  /** Steady-state requests per second (usage plan throttle rate). */
  readonly rateLimitPerSecond: number;
  /** Token-bucket burst size (usage plan throttle burst). */
  readonly burstLimit: number;
  /** Requests allowed per quota period. */
  readonly quotaLimit: number;
  /** The quota period. */
  readonly quotaPeriod: 'DAY' | 'WEEK' | 'MONTH';
}

/** Default limits per tier; a stack may override them per tenant. */
export const TIER_API_LIMITS: Readonly<Record<TenantTier, TierApiLimits>> = {
  free: { rateLimitPerSecond: 5, burstLimit: 10, quotaLimit: 10_000, quotaPeriod: 'MONTH' },
  standard: { rateLimitPerSecond: 50, burstLimit: 100, quotaLimit: 1_000_000, quotaPeriod: 'MONTH' },
  premium: { rateLimitPerSecond: 500, burstLimit: 1_000, quotaLimit: 50_000_000, quotaPeriod: 'MONTH' },
};

export function isTenantTier(value: unknown): value is TenantTier {
  return typeof value === 'string' && (TENANT_TIERS as readonly string[]).includes(value);
}
