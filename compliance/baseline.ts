/**
 * Gradual adoption: a baseline file records the findings a repository already
 * has, so the gate fails only on new ones. Entries are matched by stable keys
 * (rule, stack, construct path or else Terraform address, granular finding),
 * never by message text, so rewording a rule does not break a baseline.
 * Invariant rules (MFA, account separation) are never baselined.
 */
import { readFileSync } from 'node:fs';
import { TenantformError } from '../core/errors';
import { isInvariantRule } from '../core/suppressions';
import { Finding } from './types';

export interface BaselineEntry {
  readonly ruleId: string;
  readonly stack: string;
  /** The construct path when cdktf recorded one (stable across hash changes in addresses), else the address. */
  readonly path: string;
  readonly finding?: string;
}

export interface Baseline {
  readonly version: 1;
  readonly findings: readonly BaselineEntry[];
}

const BASELINE_VERSION = 1;

function entryOf(f: Finding): BaselineEntry {
  const path = f.constructPath ?? f.address;
  return f.finding === undefined ? { ruleId: f.ruleId, stack: f.stack, path } : { ruleId: f.ruleId, stack: f.stack, path, finding: f.finding };
}

function keyOf(e: BaselineEntry): string {
  return JSON.stringify([e.ruleId, e.stack, e.path, e.finding ?? null]);
}

/** Whether a finding may be recorded: a fail or unknown of a rule that is not an invariant. */
function baselinable(f: Finding): boolean {
  return (f.status === 'fail' || f.status === 'unknown') && !isInvariantRule(f.ruleId);
}

/** The baseline of a run's findings: every non-invariant fail and unknown, deduplicated and sorted. */
export function createBaseline(findings: readonly Finding[]): Baseline {
  const byKey = new Map<string, BaselineEntry>();
  for (const f of findings) if (baselinable(f)) byKey.set(keyOf(entryOf(f)), entryOf(f));
  const sorted = [...byKey.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([, e]) => e);
  return { version: BASELINE_VERSION, findings: sorted };
}

/** One entry per line, sorted, so a baseline diff shows exactly the findings that came or went. */
export function serializeBaseline(baseline: Baseline): string {
  const entries = baseline.findings.map((e) => `    ${JSON.stringify(e)}`);
  return `{\n  "version": ${baseline.version},\n  "findings": [${entries.length > 0 ? `\n${entries.join(',\n')}\n  ` : ''}]\n}\n`;
}

/** Reads a baseline file; TF-BSL-001 when it cannot be read, TF-BSL-002 when it is not a baseline. */
export function readBaseline(file: string): Baseline {
  const where = `tenantform check --baseline ${file}`;
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    throw new TenantformError({ code: 'TF-BSL-001', where, problem: `the baseline file cannot be read (${(e as Error).message}).`, value: file, fix: 'create it with `tenantform baseline create --output <file>`, or fix the path.' });
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (e) {
    throw new TenantformError({ code: 'TF-BSL-002', where, problem: `the baseline is not valid JSON (${(e as Error).message}).`, value: file, fix: 'recreate it with `tenantform baseline create`.' });
  }
  return parseBaseline(parsed, where);
}

export function parseBaseline(parsed: unknown, where: string): Baseline {
  const bad = (problem: string, value: unknown): never => {
    throw new TenantformError({ code: 'TF-BSL-002', where, problem, value, fix: 'recreate it with `tenantform baseline create`.' });
  };
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return bad('the baseline is not a JSON object.', parsed);
  const doc = parsed as Record<string, unknown>;
  if (doc.version !== BASELINE_VERSION) return bad(`the baseline version is not ${BASELINE_VERSION}.`, doc.version);
  if (!Array.isArray(doc.findings)) return bad('the baseline has no "findings" list.', doc.findings);
  const findings = doc.findings.map((e, i): BaselineEntry => {
    if (typeof e !== 'object' || e === null) return bad(`entry ${i} is not an object.`, e);
    const { ruleId, stack, path, finding } = e as Record<string, unknown>;
    if (typeof ruleId !== 'string' || typeof stack !== 'string' || typeof path !== 'string' || (finding !== undefined && typeof finding !== 'string')) {
      return bad(`entry ${i} needs string ruleId, stack and path (and an optional string finding).`, e);
    }
    return finding === undefined ? { ruleId, stack, path } : { ruleId, stack, path, finding };
  });
  return { version: BASELINE_VERSION, findings };
}

/**
 * Marks the fails and unknowns the baseline records as `baselined`, so they
 * no longer fail the gate; everything else is returned unchanged. An
 * invariant rule's entry (only possible by hand-editing) never applies.
 */
export function applyBaseline(findings: readonly Finding[], baseline: Baseline): Finding[] {
  const known = new Set(baseline.findings.map(keyOf));
  return findings.map((f) => (baselinable(f) && known.has(keyOf(entryOf(f))) ? { ...f, status: 'baselined' } : f));
}
