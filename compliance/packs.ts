/**
 * Rule packs: named selections of the catalogue by framework, as cdk-nag's
 * packs are. A pack is derived from rule metadata (never a hand-kept list of
 * IDs), so a new rule with a CIS reference joins `cis-aws` by itself.
 */
import { TenantformError } from '../core/errors';
import { Rule } from './types';

export interface RulePack {
  readonly name: string;
  readonly description: string;
  readonly includes: (rule: Rule) => boolean;
}

export const RULE_PACKS: readonly RulePack[] = [
  { name: 'tenantform-default', description: 'every rule of the catalogue', includes: () => true },
  {
    name: 'cis-aws',
    description: 'the rules that implement a CIS AWS Foundations Benchmark recommendation (see each rule\'s CIS reference)',
    includes: (rule) => rule.meta.references.cis !== undefined && rule.meta.references.cis !== '',
  },
];

export const DEFAULT_PACK = 'tenantform-default';

/** The rules of the named packs (their union, in catalogue order); TF-PCK-001 for a name no pack has. */
export function rulesOfPacks(rules: readonly Rule[], names: readonly string[]): Rule[] {
  const packs = names.map((name) => {
    const pack = RULE_PACKS.find((p) => p.name === name);
    if (pack === undefined) {
      throw new TenantformError({ code: 'TF-PCK-001', where: '--pack', problem: 'there is no rule pack of that name.', value: name, fix: `use one of: ${RULE_PACKS.map((p) => p.name).join(', ')}.` });
    }
    return pack;
  });
  return rules.filter((r) => packs.some((p) => p.includes(r)));
}
