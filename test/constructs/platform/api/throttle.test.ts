import { validateThrottle, validateWafRateLimit } from '../../../../constructs/platform/api/throttle';
import { errorCode } from '../../../support/platform-fixtures';

describe('validateThrottle', () => {
  it('accepts limits inside the account ceiling', () => {
    expect(validateThrottle({ rateLimitRps: 10_000, burstLimit: 5_000 }, 'test')).toEqual({ rateLimitRps: 10_000, burstLimit: 5_000 });
    expect(validateThrottle({ rateLimitRps: 0.5, burstLimit: 1 }, 'test')).toEqual({ rateLimitRps: 0.5, burstLimit: 1 });
  });

  it.each([
    ['zero rate', { rateLimitRps: 0, burstLimit: 10 }],
    ['negative rate', { rateLimitRps: -5, burstLimit: 10 }],
    ['rate above the account limit', { rateLimitRps: 10_001, burstLimit: 10 }],
    ['NaN rate', { rateLimitRps: Number.NaN, burstLimit: 10 }],
    ['infinite rate', { rateLimitRps: Number.POSITIVE_INFINITY, burstLimit: 10 }],
    ['fractional burst', { rateLimitRps: 10, burstLimit: 2.5 }],
    ['zero burst', { rateLimitRps: 10, burstLimit: 0 }],
    ['burst above the account burst', { rateLimitRps: 10, burstLimit: 5_001 }],
  ])('rejects %s with TF-PLT-008', (_why, t) => {
    expect(errorCode(() => validateThrottle(t, 'test'))).toBe('TF-PLT-008');
  });
});

describe('validateWafRateLimit', () => {
  it('accepts 10 and 2,000,000,000', () => {
    expect(validateWafRateLimit(10, 'test')).toBe(10);
    expect(validateWafRateLimit(2_000_000_000, 'test')).toBe(2_000_000_000);
  });
  it.each([9, 0, 100.5, 2_000_000_001])('rejects %p with TF-PLT-008', (n) => {
    expect(errorCode(() => validateWafRateLimit(n, 'test'))).toBe('TF-PLT-008');
  });
});
