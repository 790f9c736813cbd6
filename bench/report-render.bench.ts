/**
 * Report rendering must not cost more than the check it reports: for the
 * findings of 1,000 tenant-like stacks, each format's render time against the
 * check itself, measured in the same run (ratio = render / check).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { allRules, checkStacks, loadStacks, summarize } from '../compliance';
import { FORMATS, formatReport } from '../compliance/report';
import { emit, median, round } from './support/measure';
import { writeTenantLikeOutput } from './support/tenant-like-stacks';

const STACKS = 1000;
const ROUNDS = 5;

const dir = mkdtempSync(join(tmpdir(), 'tenantform-bench-render-'));
try {
  writeTenantLikeOutput(dir, STACKS);
  const stacks = loadStacks([dir]);
  const time = (fn: () => unknown): number => {
    const start = performance.now();
    fn();
    return performance.now() - start;
  };
  let findings = checkStacks(stacks, allRules);
  const check = median(Array.from({ length: ROUNDS }, () => time(() => (findings = checkStacks(stacks, allRules)))));
  const input = { findings, summary: summarize(findings, stacks.length, allRules.length), rules: allRules, sources: Object.fromEntries(stacks.map((s) => [s.name, s.source])) };
  for (const format of FORMATS) {
    // Verbose text lists every passing check too: the largest text a user can ask for.
    const render = median(Array.from({ length: ROUNDS }, () => time(() => formatReport(format, input, { color: false, verbose: true }))));
    emit({ name: `report.render.${format}.${STACKS}-stacks`, value: round(render), unit: 'ms', baseline: round(check), ratio: round(render / check) });
  }
  emit({ name: `report.findings.${STACKS}-stacks`, value: findings.length, unit: 'count' });
} finally {
  rmSync(dir, { recursive: true, force: true });
}
