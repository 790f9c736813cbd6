import { RULE_PACKS, rulesOfPacks } from '../../compliance/packs';
import { allRules } from '../../compliance/rules';

describe('rule packs', () => {
  it('tenantform-default holds every rule', () => {
    expect(rulesOfPacks(allRules, ['tenantform-default'])).toEqual(allRules);
  });

  it('cis-aws holds exactly the rules with a CIS reference, in catalogue order', () => {
    const cis = rulesOfPacks(allRules, ['cis-aws']);
    expect(cis.length).toBeGreaterThan(0);
    expect(cis).toEqual(allRules.filter((r) => r.meta.references.cis));
    expect(cis.length).toBeLessThan(allRules.length);
  });

  it('takes the union of several packs and refuses an unknown name', () => {
    expect(rulesOfPacks(allRules, ['cis-aws', 'tenantform-default'])).toEqual(allRules);
    expect(() => rulesOfPacks(allRules, ['cis'])).toThrow(/TF-PCK-001.*"cis".*tenantform-default, cis-aws/);
    expect(RULE_PACKS.map((p) => p.name)).toEqual(['tenantform-default', 'cis-aws']);
  });
});
