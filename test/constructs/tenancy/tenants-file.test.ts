import { parseTenants } from '../../../constructs/tenancy/tenants-file';

const parse = (value: unknown) => parseTenants(JSON.stringify(value), 'tenants.json');

describe('parseTenants', () => {
  test('accepts ids, tiers and the optional settings', () => {
    expect(
      parse([
        { id: 'acme', tier: 'premium', engine: 'rds-postgres', storageGiB: 200 },
        { id: 'b2', tier: 'free', synthetic: true },
      ]),
    ).toEqual([
      { id: 'acme', tier: 'premium', engine: 'rds-postgres', storageGiB: 200 },
      { id: 'b2', tier: 'free', synthetic: true },
    ]);
  });

  test.each(['Acme', '-acme', 'acme-', 'ac_me', 'a'.repeat(64), '', 'acme.eu'])('rejects tenant ID %j as not a DNS label (TF-TEN-002)', (id) => {
    expect(() => parse([{ id, tier: 'free' }])).toThrow(/\[TF-TEN-002\] tenants file tenants.json \[0\]\.id: tenant ID must be a DNS label/);
  });

  test('accepts a 63-character ID', () => {
    expect(parse([{ id: 'a'.repeat(63), tier: 'free' }])).toHaveLength(1);
  });

  test('rejects duplicate IDs (TF-TEN-003)', () => {
    expect(() => parse([{ id: 'acme', tier: 'free' }, { id: 'beta', tier: 'free' }, { id: 'acme', tier: 'premium' }])).toThrow(
      /\[TF-TEN-003\].*Got: "acme"/,
    );
  });

  test('rejects an unknown tier and lists the known ones (TF-TEN-004)', () => {
    expect(() => parse([{ id: 'acme', tier: 'gold' }])).toThrow(/\[TF-TEN-004\].*\[0\]\.tier.*Got: "gold".*"free", "standard", "premium"/);
  });

  test.each([
    ['not JSON', '[{'],
    ['not an array', '{"id":"acme"}'],
    ['unknown key', '[{"id":"acme","tier":"free","teir":"x"}]'],
    ['missing tier', '[{"id":"acme"}]'],
    ['bad engine', '[{"id":"acme","tier":"free","engine":"mysql"}]'],
    ['fractional storage', '[{"id":"acme","tier":"free","storageGiB":1.5}]'],
  ])('rejects a malformed file: %s (TF-TEN-001)', (_name, text) => {
    expect(() => parseTenants(text, 'tenants.json')).toThrow(/\[TF-TEN-001\] tenants file tenants.json/);
  });
});
