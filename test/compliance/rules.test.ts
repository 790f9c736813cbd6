import { allRules, ruleById } from '../../compliance/rules';

const PREFIX: Record<string, string> = {
  mfa: 'MFA', 'least-privilege': 'LP', encryption: 'ENC', 'account-separation': 'SEP', 'network-exposure': 'NET', logging: 'LOG', resilience: 'RES',
};

describe('rule catalogue', () => {
  test('IDs are unique and follow TF-<CAT>-<n> for their category', () => {
    const ids = allRules.map((r) => r.meta.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const r of allRules) expect(r.meta.id).toMatch(new RegExp(`^TF-${PREFIX[r.meta.category]}-\\d+$`));
  });

  test('titles start with "Ensure", remediation is written, invariants are exactly mfa and account-separation', () => {
    for (const r of allRules) {
      expect(r.meta.title).toMatch(/^Ensure /);
      expect(r.meta.remediation.length).toBeGreaterThan(20);
      expect(r.meta.invariant).toBe(r.meta.category === 'mfa' || r.meta.category === 'account-separation');
    }
  });

  test('this helper\'s rules are all present (the catalogue other helpers reference)', () => {
    const mine = ['TF-MFA-1', 'TF-MFA-2', 'TF-MFA-3', 'TF-MFA-4', ...[1, 2, 3, 4, 5, 6, 7, 8, 9].map((n) => `TF-LP-${n}`), 'TF-SEP-1', 'TF-SEP-2', 'TF-SEP-3', 'TF-SEP-4'];
    expect(mine.filter((id) => ruleById(id) === undefined)).toEqual([]);
    expect(ruleById('TF-LP-2')!.meta.level).toBe('warning');
  });
});
