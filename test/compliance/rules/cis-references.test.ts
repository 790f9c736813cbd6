/**
 * Every CIS reference in the catalogue cites one benchmark version, CIS AWS
 * Foundations Benchmark v5.0.0 (the version AWS Security Hub CSPM certifies
 * and recommends), in one form, and names recommendations that exist in that
 * version. The numbers below were checked against two independent
 * transcriptions of v5.0.0 (prowler's compliance/aws/cis_5.0_aws.json and
 * steampipe-mod-aws-compliance's cis_v500/section_*.pp); a rule whose control
 * could not be matched to a v5.0.0 recommendation carries no CIS reference.
 */
import { allRules } from '../../../compliance/rules';
import { RULE_PACKS, rulesOfPacks } from '../../../compliance/packs';

export const CIS_VERSION = 'v5.0.0';

/** The v5.0.0 recommendations the catalogue cites, by number (what each asks, in brief). */
const V5_RECOMMENDATIONS: Readonly<Record<string, string>> = {
  '1.3': 'no access key for the root user',
  '1.9': 'MFA for every IAM user with a console password',
  '1.14': 'IAM users get permissions only through groups',
  '1.15': 'no attached policy allows full "*:*" administrative privileges',
  '2.1.1': 'S3 bucket policies deny HTTP requests',
  '2.2.1': 'RDS instances encrypted at rest',
  '2.2.4': 'RDS Multi-AZ deployments',
  '3.1': 'CloudTrail enabled in all regions',
  '3.2': 'CloudTrail log file validation',
  '3.5': 'CloudTrail logs encrypted at rest with KMS keys',
  '3.6': 'rotation of customer-created symmetric KMS keys',
  '3.7': 'VPC flow logging in every VPC',
  '5.1.1': 'EBS volume encryption',
  '5.2': 'no network ACL admits 0.0.0.0/0 to remote administration ports',
  '5.3': 'no security group admits 0.0.0.0/0 to remote administration ports',
  '5.4': 'no security group admits ::/0 to remote administration ports',
  '5.5': 'the default security group of every VPC restricts all traffic',
};

/** `CIS AWS v5.0.0 <n>[, <n>…]`, each number two or three dot-separated parts. */
const FORM = /^CIS AWS v5\.0\.0 (\d+\.\d+(?:\.\d+)?)((?:, \d+\.\d+(?:\.\d+)?)*)$/;

const cited = allRules.filter((r) => r.meta.references.cis !== undefined);

describe('CIS references', () => {
  it('exist (the cis-aws pack is not empty)', () => {
    expect(cited.length).toBeGreaterThan(10);
    expect(rulesOfPacks(allRules, ['cis-aws'])).toEqual(cited);
    expect(RULE_PACKS.map((p) => p.name)).toContain('cis-aws');
  });

  it.each(cited.map((r) => [r.meta.id, r.meta.references.cis!] as const))('%s cites one version in the one form, with well-formed numbers: %s', (_id, cis) => {
    expect(cis).toMatch(FORM);
    expect(cis.startsWith(`CIS AWS ${CIS_VERSION} `)).toBe(true);
  });

  it.each(cited.map((r) => [r.meta.id, r.meta.references.cis!] as const))('%s names recommendations that exist in v5.0.0: %s', (_id, cis) => {
    const numbers = cis.replace(/^CIS AWS v5\.0\.0 /, '').split(', ');
    for (const n of numbers) expect(Object.keys(V5_RECOMMENDATIONS)).toContain(n);
    expect(new Set(numbers).size).toBe(numbers.length);
  });

  it('refuses what the old references looked like (another version, a bare number, a range)', () => {
    for (const bad of ['CIS AWS v7.0 2.16', 'CIS 1.10', 'CIS AWS v5.0.0 2.7-2.8', 'CIS AWS v5.0.0 1.', 'CIS AWS v5.0.0 1.15,1.16', 'CIS AWS v3.0.0 1.16']) expect(bad).not.toMatch(FORM);
  });
});
