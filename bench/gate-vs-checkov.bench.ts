/**
 * The tenantform gate against checkov on the same cdktf output of tenant-like
 * stacks, in one run: load + check with every rule, against one checkov scan
 * (`--framework terraform_json`) of the same files, including the mapping of
 * its results into findings. Needs checkov (`npm run setup:tools`).
 *
 * Both sides are measured cold, ROUNDS times each, alternating so machine
 * noise hits both alike: each gate sample is a fresh Node process running the
 * built package (dist/, as the `tenantform` bin does; no TypeScript loader),
 * modules imported, then load + check timed (the import is reported apart); each
 * checkov sample a fresh checkov process. The ratio is the median of the
 * checkov samples over the median of the gate samples of this run. The same
 * ratio is also given in CPU time (Linux: checkov's from the kernel's
 * accounting of waited-for children), which a busy machine disturbs less.
 *
 * BENCH_CHECKOV_STACKS sets the size (default 1,000), BENCH_CHECKOV_ROUNDS the
 * samples per side (default 3: checkov on 1,000 stacks takes about a minute).
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
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
  readonly cpuMs: number;
  readonly importMs: number;
}

/** CPU time of this process's finished, waited-for children (Linux /proc), in ms; undefined elsewhere. */
function childrenCpuMs(): number | undefined {
  if (!existsSync('/proc/self/stat')) return undefined;
  // Fields after the parenthesised command name; cutime and cstime are fields 16 and 17 of stat(5), in clock ticks (USER_HZ, 100 on Linux).
  const fields = readFileSync('/proc/self/stat', 'utf8').split(') ')[1]!.split(' ');
  return ((Number(fields[13]) + Number(fields[14])) * 1000) / 100;
}

function ownCpuMs(): number {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
}

async function main(): Promise<void> {
  // The gate side runs what users run: the compiled package, built from the current source.
  execFileSync('npm', ['run', '--silent', 'build'], { cwd: join(__dirname, '..'), stdio: 'ignore' });
  const dir = mkdtempSync(join(tmpdir(), 'tenantform-bench-checkov-'));
  try {
    writeTenantLikeOutput(dir, STACKS);
    const gate: GateSample[] = [];
    const checkov: number[] = [];
    const checkovCpu: number[] = [];
    for (let i = 0; i < ROUNDS; i++) {
      gate.push(runChild<GateSample>(join(__dirname, 'support', 'gate-cold-probe.cjs'), [dir]));
      const children0 = childrenCpuMs();
      const own0 = ownCpuMs();
      const c0 = performance.now();
      await checkWithCheckov([dir], { skipList: null });
      checkov.push(performance.now() - c0);
      const children1 = childrenCpuMs();
      if (children0 !== undefined && children1 !== undefined) checkovCpu.push(children1 - children0 + ownCpuMs() - own0);
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
    if (checkovCpu.length === ROUNDS) {
      const gateCpu = median(gate.map((g) => g.cpuMs));
      const checkovCpuMs = median(checkovCpu);
      emit({ name: `${name}.cpu-against-checkov`, value: round(gateCpu), unit: 'ms', baseline: round(checkovCpuMs), ratio: round(gateCpu / checkovCpuMs, 4) });
      emit({ name: `${name}.cpu-speedup-over-checkov`, value: round(checkovCpuMs / gateCpu), unit: 'x' });
    }
    process.stderr.write(`gate samples (ms): ${gate.map((g) => round(g.gateMs)).join(', ')}; checkov samples (ms): ${checkov.map((c) => round(c)).join(', ')}; gate CPU (ms): ${gate.map((g) => round(g.cpuMs)).join(', ')}; checkov CPU (ms): ${checkovCpu.map((c) => round(c)).join(', ')}\n`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((e: unknown) => {
  process.stderr.write(`${(e as Error).message}\n`);
  process.exitCode = 1;
});
