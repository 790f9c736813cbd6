import { TenantformError } from '../../../core/errors';

/** API Gateway's default Regional account limits, the ceiling for any stage or plan. */
export const ACCOUNT_RATE_LIMIT_RPS = 10_000;
export const ACCOUNT_BURST_LIMIT = 5_000;

/** Request throttling for a stage or a usage plan. */
export interface ThrottleSettings {
  /** Steady-state requests per second. */
  readonly rateLimitRps: number;
  /** Requests allowed in a burst above the steady rate. */
  readonly burstLimit: number;
}

/**
 * Checks a throttle: a positive rate up to the account ceiling and a whole,
 * positive burst up to the account burst. Exported so tenant usage plans
 * validate their limits the same way as the stage does.
 */
export function validateThrottle(throttle: ThrottleSettings, where: string, what = 'throttle'): ThrottleSettings {
  const { rateLimitRps, burstLimit } = throttle;
  if (typeof rateLimitRps !== 'number' || !Number.isFinite(rateLimitRps) || rateLimitRps <= 0 || rateLimitRps > ACCOUNT_RATE_LIMIT_RPS) {
    throw new TenantformError({
      code: 'TF-PLT-008',
      where,
      problem: `${what}.rateLimitRps must be a number above 0 and at most ${ACCOUNT_RATE_LIMIT_RPS} (the account's Regional limit).`,
      value: rateLimitRps,
      fix: 'pick a steady rate in requests per second, e.g. 1000; ask AWS to raise the account limit first if you need more.',
    });
  }
  if (!Number.isInteger(burstLimit) || burstLimit < 1 || burstLimit > ACCOUNT_BURST_LIMIT) {
    throw new TenantformError({
      code: 'TF-PLT-008',
      where,
      problem: `${what}.burstLimit must be a whole number from 1 to ${ACCOUNT_BURST_LIMIT} (the account's burst limit).`,
      value: burstLimit,
      fix: 'use a burst of about twice the steady rate, capped at the account burst.',
    });
  }
  return throttle;
}

/** WAF rate-based rules count requests per source IP over a window; AWS accepts 10 to 2,000,000,000. */
export function validateWafRateLimit(limit: number, where: string): number {
  if (!Number.isInteger(limit) || limit < 10 || limit > 2_000_000_000) {
    throw new TenantformError({
      code: 'TF-PLT-008',
      where,
      problem: 'the WAF rate limit must be a whole number of requests per IP per 5 minutes, from 10 to 2,000,000,000.',
      value: limit,
      fix: 'use e.g. 2000 requests per 5 minutes per client IP.',
    });
  }
  return limit;
}
