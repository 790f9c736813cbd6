/**
 * The tenantform gate against checkov on the same cdktf output of tenant-like
 * stacks, in one run: load + check with every rule, against one checkov scan
 * (`--framework terraform_json`) of the same files, including the mapping of
 * its results into findings. Needs checkov (`npm run setup:tools`).
 *
 * Both sides are measured cold, ROUNDS times each, alternating so machine
 * noise hits both alike: each gate sample is a fresh Node process (modules
 * imported, then load + check timed; the import is reported apart), each
 * checkov sample a fresh checkov process. The ratio is the median of the
 * checkov samples over the median of the gate samples of this run.
 *
 * BENCH_CHECKOV_STACKS sets the size (default 1,000), BENCH_CHECKOV_ROUNDS the
 * samples per side (default 3: checkov on 1,000 stacks takes about a minute).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { checkWithCheckov } from '../compliance/checkov';
import { emit, median, round, runChild } from './support/measure';
import { writeTenantLikeOutput } from './support/tenant-like-stacks';

const STACKS = Number(process.env.BENCH_CHECKOV_STACKS ?? 1000);
const ROUNDS = Number(process.env.BENCH_CHECKOV_ROUNDS ?? 3);

interface GateSample {
  readonly loadMs: number;
  readonly checkMs: number;
  readonly gateMs: number;
  readonly importMs: number;
}

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'tenantform-bench-checkov-'));
  try {
    writeTenantLikeOutput(dir, STACKS);
    const gate: GateSample[] = [];
    const checkov: number[] = [];
    for (let i = 0; i < ROUNDS; i++) {
      gate.push(runChild<GateSample>(join(__dirname, 'support', 'gate-cold-probe.ts'), [dir]));
      const c0 = performance.now();
      await checkWithCheckov([dir], { skipList: null });
      checkov.push(performance.now() - c0);
    }
    const gateMs = median(gate.map((g) => g.gateMs));
    const checkovMs = median(checkov);
    const name = `gate.${STACKS}-stacks`;
    emit({ name: `${name}.load`, value: round(median(gate.map((g) => g.loadMs))), unit: 'ms' });
    emit({ name: `${name}.check`, value: round(median(gate.map((g) => g.checkMs))), unit: 'ms' });
    emit({ name: `${name}.import`, value: round(median(gate.map((g) => g.importMs))), unit: 'ms' });
    emit({ name: `${name}.against-checkov`, value: round(gateMs), unit: 'ms', baseline: round(checkovMs), ratio: round(gateMs / checkovMs, 4) });
    // How many times faster the gate is than checkov on the same input (goal: >= 50), medians of ROUNDS cold samples each.
    emit({ name: `${name}.speedup-over-checkov`, value: round(checkovMs / gateMs), unit: 'x' });
    // The same with the gate's module import counted, for a reader who wants process-to-process.
    emit({ name: `${name}.speedup-over-checkov-with-import`, value: round(checkovMs / median(gate.map((g) => g.gateMs + g.importMs))), unit: 'x' });
    process.stderr.write(`gate samples (ms): ${gate.map((g) => round(g.gateMs)).join(', ')}; checkov samples (ms): ${checkov.map((c) => round(c)).join(', ')}\n`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((e: unknown) => {
  process.stderr.write(`${(e as Error).message}\n`);
  process.exitCode = 1;
});
