import { Environment, holdsCustomerData, isProduction, postureOf, validateEnvironment, validateSeparation } from '../../core/environment';
import { TenantformError } from '../../core/errors';
import { DEV, PROD, testEnvironment } from '../support/synth';

function codeOf(fn: () => void): string | undefined {
  try {
    fn();
  } catch (e) {
    if (e instanceof TenantformError) return e.code;
    throw e;
  }
  return undefined;
}

describe('validateEnvironment', () => {
  test.each([
    ['11 digits', '12345678901'],
    ['letters', '12345678901a'],
    ['a number-looking string with spaces', '1234 5678 9012'],
  ])('rejects an account ID with %s (TF-ENV-001)', (_why, accountId) => {
    expect(() => validateEnvironment(testEnvironment({ accountId }), 'Test')).toThrow(/\[TF-ENV-001\] Test: .*Got: "/);
  });

  test('the error shows the bad value and the fix', () => {
    expect(() => validateEnvironment(testEnvironment({ accountId: '42' }), 'NetworkStack dev-network')).toThrow(
      'Got: "42". Fix: pass the account ID as a 12-digit string',
    );
  });

  test('rejects an unknown home region and an unknown extra region (TF-ENV-002)', () => {
    expect(codeOf(() => validateEnvironment(testEnvironment({ region: 'eu-west-9' }), 'T'))).toBe('TF-ENV-002');
    expect(codeOf(() => validateEnvironment(testEnvironment({ additionalRegions: ['us-east-l'] }), 'T'))).toBe('TF-ENV-002');
  });

  test('rejects a bad environment name (TF-ENV-003)', () => {
    expect(codeOf(() => validateEnvironment(testEnvironment({ name: 'Prod' }), 'T'))).toBe('TF-ENV-003');
  });

  test('rejects an S3 backend without a KMS key or with a bad bucket (TF-ENV-006)', () => {
    expect(codeOf(() => validateEnvironment(testEnvironment({ state: { kind: 's3', bucket: 'ok-bucket', kmsKeyId: '' } }), 'T'))).toBe('TF-ENV-006');
    expect(codeOf(() => validateEnvironment(testEnvironment({ state: { kind: 's3', bucket: 'Bad_Bucket', kmsKeyId: 'k' } }), 'T'))).toBe('TF-ENV-006');
    expect(codeOf(() => validateEnvironment({ ...testEnvironment(), state: undefined } as unknown as Environment, 'T'))).toBe('TF-ENV-006');
  });

  test('rejects reserved aws: tag keys (TF-ENV-008)', () => {
    expect(codeOf(() => validateEnvironment(testEnvironment({ tags: { 'aws:owner': 'x' } }), 'T'))).toBe('TF-ENV-008');
  });

  test('accepts a well-formed environment', () => {
    expect(() => validateEnvironment(PROD, 'T')).not.toThrow();
  });
});

describe('declared trust edges and account policies', () => {
  const tooling = testEnvironment({ name: 'tooling', accountId: '333333333333', posture: 'production' });

  test('an edge between two production environments is accepted', () => {
    expect(codeOf(() => validateEnvironment({ ...PROD, trusts: [{ from: tooling, requires: 'role' }] }, 'T'))).toBeUndefined();
  });

  test.each([
    ['production trusting non-production', { ...PROD, trusts: [{ from: DEV, requires: 'role' as const }] }, /production and non-production never trust each other/],
    ['an edge to its own account', { ...PROD, trusts: [{ from: { ...tooling, accountId: PROD.accountId }, requires: 'role' as const }] }, /its own account/],
    ['an unknown requirement', { ...PROD, trusts: [{ from: tooling, requires: 'mfa' as never }] }, /Got: "mfa"/],
    ['no environment object', { ...PROD, trusts: [{ from: 'tooling' as never, requires: 'role' as const }] }, /Got: "tooling"/],
  ])('%s is refused (TF-ENV-011)', (_why, env, message) => {
    expect(() => validateEnvironment(env, 'T')).toThrow(/\[TF-ENV-011\]/);
    expect(() => validateEnvironment(env, 'T')).toThrow(message);
  });

  test('an image-pull edge may cross postures out of an environment without customer data, and not out of one with it', () => {
    const shared = testEnvironment({ name: 'shared', accountId: '444444444444', posture: 'production', holdsCustomerData: false, trusts: [{ from: DEV, requires: 'image-pull' }, { from: PROD, requires: 'image-pull' }] });
    expect(codeOf(() => validateEnvironment(shared, 'T'))).toBeUndefined();
    expect(() => validateEnvironment({ ...shared, holdsCustomerData: true }, 'T')).toThrow(/\[TF-ENV-011\].*holds customer data/);
    expect(() => validateEnvironment({ ...shared, trusts: [{ from: DEV, requires: 'read-only' }] }, 'T')).toThrow(/\[TF-ENV-011\].*never trust each other/);
  });

  test("iamUsers is 'allowed' or 'none' (TF-ENV-012); required tag keys are valid keys (TF-ENV-008)", () => {
    expect(codeOf(() => validateEnvironment({ ...PROD, iamUsers: 'none' }, 'T'))).toBeUndefined();
    expect(codeOf(() => validateEnvironment({ ...PROD, iamUsers: 'no' as never }, 'T'))).toBe('TF-ENV-012');
    expect(codeOf(() => validateEnvironment({ ...PROD, requiredTagKeys: ['aws:owner'] }, 'T'))).toBe('TF-ENV-008');
  });
});

describe('validateSeparation', () => {
  test('two environments in one account are rejected (TF-ENV-004)', () => {
    const shared = testEnvironment({ name: 'staging', accountId: PROD.accountId, state: { kind: 's3', bucket: 'other', kmsKeyId: 'k' } });
    expect(() => validateSeparation([PROD, shared], 'App')).toThrow(/\[TF-ENV-004\].*"prod" and "staging" share an AWS account.*Got: "111111111111"/);
  });

  describe('shared accounts (TF-ENV-004)', () => {
    const dev = (extra: Partial<Environment> = {}) => testEnvironment({ name: 'dev', accountId: '333333333333', sharesAccountWith: ['staging'], ...extra });
    const staging = (extra: Partial<Environment> = {}) => testEnvironment({ name: 'staging', accountId: '333333333333', sharesAccountWith: ['dev'], state: { kind: 's3', bucket: 'acme-staging-tfstate', kmsKeyId: 'k' }, ...extra });

    test('two non-production environments that both declare it may share an account, and its state bucket', () => {
      expect(codeOf(() => validateSeparation([dev(), staging()], 'App'))).toBeUndefined();
      expect(codeOf(() => validateSeparation([dev(), staging({ state: dev().state })], 'App'))).toBeUndefined();
    });

    test('a declaration on one side only is refused, naming the side that must declare it', () => {
      expect(() => validateSeparation([dev(), staging({ sharesAccountWith: [] })], 'App')).toThrow(/\[TF-ENV-004\].*"staging" does not declare it.*Fix: add sharesAccountWith: \["dev"\] to "staging"/);
    });

    test('production never shares, whatever both sides declare', () => {
      expect(() => validateSeparation([dev(), staging({ posture: 'production' })], 'App')).toThrow(/\[TF-ENV-004\].*"staging" is production/);
      expect(() => validateEnvironment(staging({ posture: 'production' }), 'T')).toThrow(/\[TF-ENV-004\].*never shares its account/);
    });

    test('sharesAccountWith must name other environments', () => {
      expect(codeOf(() => validateEnvironment(dev({ sharesAccountWith: ['dev'] }), 'T'))).toBe('TF-ENV-004');
      expect(codeOf(() => validateEnvironment(dev({ sharesAccountWith: ['Staging!'] }), 'T'))).toBe('TF-ENV-004');
    });
  });

  test('prod and dev sharing a state bucket are rejected (TF-ENV-005)', () => {
    const sameBucket = testEnvironment({ state: PROD.state });
    expect(codeOf(() => validateSeparation([PROD, sameBucket], 'App'))).toBe('TF-ENV-005');
  });

  test('one name with two definitions is rejected (TF-ENV-007)', () => {
    expect(codeOf(() => validateSeparation([PROD, { ...PROD, accountId: '333333333333' }], 'App'))).toBe('TF-ENV-007');
  });

  test('separate accounts and buckets pass, and repeating the same environment is fine', () => {
    expect(() => validateSeparation([PROD, DEV, PROD], 'App')).not.toThrow();
  });
});

describe('holdsCustomerData', () => {
  test('defaults to prod only, and can be set explicitly', () => {
    expect(holdsCustomerData(PROD)).toBe(true);
    expect(holdsCustomerData(DEV)).toBe(false);
    expect(holdsCustomerData({ ...DEV, holdsCustomerData: true })).toBe(true);
  });
});

describe('posture', () => {
  test('defaults from the name, and a declared posture wins', () => {
    expect(postureOf(PROD)).toBe('production');
    expect(postureOf({ ...PROD, name: 'production' })).toBe('production');
    expect(postureOf(DEV)).toBe('non-production');
    expect(postureOf({ ...DEV, name: 'prod-like' })).toBe('non-production');
    expect(isProduction({ ...DEV, name: 'live', posture: 'production' })).toBe(true);
    expect(isProduction({ ...PROD, posture: 'non-production' })).toBe(false);
  });

  test('decides where customer data may live unless holdsCustomerData says otherwise', () => {
    expect(holdsCustomerData({ ...DEV, name: 'live', posture: 'production' })).toBe(true);
    expect(holdsCustomerData({ ...PROD, posture: 'non-production' })).toBe(false);
    expect(holdsCustomerData({ ...PROD, posture: 'production', holdsCustomerData: false })).toBe(false);
  });

  test.each([['prod'], ['Production'], [true], [null]])('refuses posture %p with TF-ENV-010, showing the value', (posture) => {
    expect(() => validateEnvironment({ ...DEV, posture: posture as never }, 'NetworkStack x')).toThrow(new RegExp(`^\\[TF-ENV-010\\] NetworkStack x: .*Got: ${JSON.stringify(posture).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\.`));
  });
});
