/**
 * Renders RULES.md from rule metadata, so the rule catalogue is written once,
 * in the rule files, and the document can never drift from them (a test
 * compares the committed file with this output).
 */
import { Category, Rule } from './types';

const CATEGORY_TITLES: Readonly<Record<Category, string>> = {
  mfa: 'MFA',
  'least-privilege': 'Least privilege',
  encryption: 'Encryption',
  'account-separation': 'Account separation',
  'network-exposure': 'Network exposure',
  logging: 'Logging',
  resilience: 'Resilience',
};

function cell(s: string): string {
  return s.replace(/\|/g, '\\|').replace(/\n/g, ' ');
}

export function renderRulesDoc(rules: readonly Rule[]): string {
  const lines: string[] = [
    '# tenantform compliance rules',
    '',
    '<!-- Generated from the rule files by `npm run rules:doc`. Do not edit by hand. -->',
    '',
    `${rules.length} rules. \`error\` failures fail the gate; \`warning\` failures fail it only with \`--fail-on warning\`; an \`unknown\` (a value the JSON cannot tell) always fails it unless suppressed. Invariant rules cannot be suppressed.`,
    '',
  ];
  const categories = [...new Set(rules.map((r) => r.meta.category))];
  for (const category of categories) {
    lines.push(`## ${CATEGORY_TITLES[category]} (\`${category}\`)`, '');
    lines.push('| ID | Level | Title | Resource types | References |', '|---|---|---|---|---|');
    for (const r of rules.filter((x) => x.meta.category === category)) {
      const m = r.meta;
      const refs = [m.references.cis, ...(m.references.checkov ?? []), ...(m.references.cdkNag ?? [])].filter((x): x is string => Boolean(x));
      lines.push(`| ${m.id} | ${m.level}${m.invariant ? ' (invariant)' : ''} | ${cell(m.title)} | ${m.resourceTypes.map((t) => `\`${t}\``).join(', ')} | ${cell(refs.join(', ') || '-')} |`);
    }
    lines.push('');
    for (const r of rules.filter((x) => x.meta.category === category)) {
      lines.push(`### ${r.meta.id}`, '', `**${cell(r.meta.title)}**`, '', `Remediation: ${r.meta.remediation}`, '');
    }
  }
  return `${lines.join('\n').trimEnd()}\n`;
}
