/**
 * The tenantform gate against checkov on the same cdktf output of tenant-like
 * stacks, in one run: load + check with every rule, against one checkov scan
 * (`--framework terraform_json`) of the same files, including the mapping of
 * its results into findings. Needs checkov (`npm run setup:tools`).
 *
 * BENCH_CHECKOV_STACKS sets the size (default 1,000). Each side runs once:
 * checkov on 1,000 stacks takes minutes, so repeating it buys little accuracy.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { allRules, checkStacks, loadStacks } from '../compliance';
import { checkWithCheckov } from '../compliance/checkov';
import { emit, round } from './support/measure';
import { writeTenantLikeOutput } from './support/tenant-like-stacks';

const STACKS = Number(process.env.BENCH_CHECKOV_STACKS ?? 1000);

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'tenantform-bench-checkov-'));
  try {
    writeTenantLikeOutput(dir, STACKS);
    const g0 = performance.now();
    checkStacks(loadStacks([dir]), allRules);
    const gateMs = performance.now() - g0;

    const c0 = performance.now();
    await checkWithCheckov([dir], { skipList: null });
    const checkovMs = performance.now() - c0;

    emit({ name: `gate.${STACKS}-stacks.against-checkov`, value: round(gateMs), unit: 'ms', baseline: round(checkovMs), ratio: round(gateMs / checkovMs, 4) });
    // How many times faster the gate is than checkov on the same input (goal: >= 50).
    emit({ name: `gate.${STACKS}-stacks.speedup-over-checkov`, value: round(checkovMs / gateMs), unit: 'x' });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((e: unknown) => {
  process.stderr.write(`${(e as Error).message}\n`);
  process.exitCode = 1;
});
