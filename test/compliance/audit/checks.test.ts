import { AccountFacts, evaluateAccount, resolveTarget } from '../../../compliance/audit';

const NOW = new Date('2030-06-01T00:00:00Z');
const daysAgo = (n: number) => new Date(NOW.getTime() - n * 24 * 60 * 60 * 1000);
const TARGET = { environment: 'prod', accountId: '111111111111' };

function facts(overrides: Partial<AccountFacts> = {}): AccountFacts {
  return {
    callerAccount: '111111111111',
    callerArn: 'arn:aws:iam::111111111111:user/auditor',
    rootMfaEnabled: true,
    rootAccessKeysPresent: false,
    passwordPolicy: { minimumLength: 14, reusePrevention: 24, requireUppercase: true, requireLowercase: true, requireNumbers: true, requireSymbols: true },
    users: [],
    organization: { member: true, id: 'o-abc', managementAccount: '999999999999' },
    ...overrides,
  };
}

const statusOf = (f: AccountFacts, id: string) => evaluateAccount(f, TARGET, NOW).filter((x) => x.ruleId === id).map((x) => x.status);

describe('evaluateAccount', () => {
  it('GIVEN a clean account THEN every account-level check passes', () => {
    expect(evaluateAccount(facts(), TARGET, NOW).map((f) => `${f.ruleId} ${f.status}`)).toEqual(['TF-AUD-1 pass', 'TF-AUD-2 pass', 'TF-AUD-3 pass', 'TF-AUD-5 pass', 'TF-AUD-9 pass']);
  });

  it('GIVEN root access keys THEN TF-AUD-3 fails', () => {
    expect(statusOf(facts({ rootAccessKeysPresent: true }), 'TF-AUD-3')).toEqual(['fail']);
  });

  it('GIVEN no password policy THEN TF-AUD-5 fails and says so', () => {
    const { passwordPolicy: _, ...rest } = facts();
    const f = evaluateAccount(rest, TARGET, NOW).find((x) => x.ruleId === 'TF-AUD-5');
    expect([f?.status, f?.message]).toEqual(['fail', 'password policy: the account has no password policy.']);
  });

  it('GIVEN reuse prevention below 24 THEN TF-AUD-5 fails', () => {
    expect(statusOf(facts({ passwordPolicy: { ...facts().passwordPolicy, reusePrevention: 5 } }), 'TF-AUD-5')).toEqual(['fail']);
  });

  it('GIVEN no organization THEN TF-AUD-9 fails; GIVEN no permission to ask THEN it is left out', () => {
    expect(statusOf(facts({ organization: { member: false } }), 'TF-AUD-9')).toEqual(['fail']);
    const { organization: _, ...unknownOrg } = facts();
    expect(statusOf(unknownOrg, 'TF-AUD-9')).toEqual([]);
  });

  it('judges keys at the 90-day age and 45-day idle boundaries, and ignores inactive keys', () => {
    const user = (keys: AccountFacts['users'][number]['accessKeys']) => facts({ users: [{ name: 'ci', arn: 'arn:aws:iam::111111111111:user/ci', consoleAccess: false, mfaDevices: 0, accessKeys: keys, attachedPolicies: [], inlinePolicies: [] }] });
    expect(statusOf(user([{ id: 'K1', status: 'Active', createdAt: daysAgo(90), lastUsedAt: daysAgo(44) }]), 'TF-AUD-6')).toEqual(['pass']);
    expect(statusOf(user([{ id: 'K1', status: 'Active', createdAt: daysAgo(91), lastUsedAt: daysAgo(1) }]), 'TF-AUD-6')).toEqual(['fail']);
    expect(statusOf(user([{ id: 'K1', status: 'Active', createdAt: daysAgo(50), lastUsedAt: daysAgo(44) }]), 'TF-AUD-7')).toEqual(['pass']);
    expect(statusOf(user([{ id: 'K1', status: 'Active', createdAt: daysAgo(50), lastUsedAt: daysAgo(45) }]), 'TF-AUD-7')).toEqual(['fail']);
    expect(statusOf(user([{ id: 'K1', status: 'Inactive', createdAt: daysAgo(500) }]), 'TF-AUD-6')).toEqual([]);
  });
});

describe('resolveTarget', () => {
  const codeOf = (fn: () => unknown) => {
    try {
      fn();
    } catch (e) {
      return (e as { code?: string }).code;
    }
    return undefined;
  };

  it('takes an explicit 12-digit account ID', () => {
    expect(resolveTarget('prod', { accountId: '111111111111' })).toEqual(TARGET);
  });

  it('refuses an account ID that is not 12 digits (TF-AUD-002)', () => {
    expect(codeOf(() => resolveTarget('prod', { accountId: '1234' }))).toBe('TF-AUD-002');
  });
});
