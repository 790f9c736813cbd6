import { Finding, Rule } from '../types';

/**
 * Rule descriptors for the checkov checks seen in a run, so reports that list
 * rules (SARIF's driver.rules, the text summary's rule count) describe them
 * like our own. Their check never runs: checkov did the checking.
 */
export function checkovRules(findings: readonly Finding[]): Rule[] {
  const byId = new Map<string, Rule>();
  for (const f of findings) {
    if (!/^CKV2?_/.test(f.ruleId) || byId.has(f.ruleId)) continue;
    byId.set(f.ruleId, {
      meta: {
        id: f.ruleId,
        title: f.title,
        category: f.category,
        level: f.level,
        resourceTypes: ['*'],
        remediation: f.remediation,
        references: { checkov: [f.ruleId] },
        invariant: false,
      },
      check: () => [],
    });
  }
  return [...byId.values()].sort((a, b) => a.meta.id.localeCompare(b.meta.id));
}
