/**
 * Groups findings by rule for reports people read: one heading per rule with
 * its title, fix and documentation link, then one line per resource. Order:
 * failures of error level, unknowns, warnings, then the rest.
 */
import { Finding, Status } from '../types';

export interface RuleGroup {
  readonly ruleId: string;
  readonly status: Status;
  /** `warning` failures sort and print apart from `error` ones. */
  readonly level: Finding['level'];
  readonly title: string;
  readonly remediation: string;
  readonly findings: readonly Finding[];
}

const RANK: Readonly<Record<string, number>> = { 'fail:error': 0, 'unknown:error': 1, 'unknown:warning': 1, 'fail:warning': 2, 'baselined:error': 3, 'baselined:warning': 3, 'suppressed:error': 4, 'suppressed:warning': 4, 'pass:error': 5, 'pass:warning': 5 };

function rankOf(status: Status, level: Finding['level']): number {
  return RANK[`${status}:${level}`] ?? 9;
}

/** Groups by (status, rule), each group's findings in stack then address order. Linear in the findings plus a sort of the groups. */
export function groupByRule(findings: readonly Finding[]): RuleGroup[] {
  const groups = new Map<string, { ruleId: string; status: Status; level: Finding['level']; title: string; remediation: string; findings: Finding[] }>();
  for (const f of findings) {
    // Unknowns of either level group together: they fail the gate alike.
    const level = f.status === 'unknown' ? 'error' : f.level;
    const key = `${f.status}|${level}|${f.ruleId}`;
    let g = groups.get(key);
    if (g === undefined) {
      g = { ruleId: f.ruleId, status: f.status, level, title: f.title, remediation: f.remediation, findings: [] };
      groups.set(key, g);
    }
    g.findings.push(f);
  }
  const byId = (a: string, b: string): number => a.localeCompare(b, 'en', { numeric: true });
  return [...groups.values()]
    .map((g) => ({ ...g, findings: g.findings.sort((a, b) => a.stack.localeCompare(b.stack) || a.address.localeCompare(b.address) || (a.finding ?? '').localeCompare(b.finding ?? '')) }))
    .sort((a, b) => rankOf(a.status, a.level) - rankOf(b.status, b.level) || byId(a.ruleId, b.ruleId));
}
