/**
 * Gate throughput: 1,000 tenant-like stacks (bench/support/tenant-like-stacks.ts)
 * written to a temp dir as a cdktf output, then loaded and checked with every rule. Prints JSON lines {"name","value","unit"}.
 * Target: <= 1 s for load + check. Run: npx tsx bench/gate.bench.ts
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { allRules, checkStacks, loadStacks } from '../compliance';
import { writeTenantLikeOutput } from './support/tenant-like-stacks';

const STACKS = Number(process.env.GATE_BENCH_STACKS ?? 1000);

const dir = mkdtempSync(join(tmpdir(), 'tenantform-bench-'));
try {
  writeTenantLikeOutput(dir, STACKS);

  const t0 = performance.now();
  const stacks = loadStacks([dir]);
  const t1 = performance.now();
  const findings = checkStacks(stacks, allRules);
  const t2 = performance.now();
  const line = (name: string, value: number, unit: string) => process.stdout.write(`${JSON.stringify({ name, value: Math.round(value * 10) / 10, unit })}\n`);
  line(`gate.load.${STACKS}-stacks`, t1 - t0, 'ms');
  line(`gate.check.${STACKS}-stacks`, t2 - t1, 'ms');
  line(`gate.${STACKS}-stacks`, t2 - t0, 'ms');
  line(`gate.findings.${STACKS}-stacks`, findings.length, 'count');
  if (process.env.GATE_BENCH_PER_RULE) {
    for (const rule of allRules) {
      const t = performance.now();
      checkStacks(stacks, [rule]);
      line(`gate.rule.${rule.meta.id}.${STACKS}-stacks`, performance.now() - t, 'ms');
    }
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
