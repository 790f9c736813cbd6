/**
 * Import cost of each public entry point from the built package, against
 * deep-importing the same provider classes directly, in the same run. The
 * provider seam (core/aws.ts) re-exports eagerly, so this is what shows
 * whether an entry point pays for provider classes it does not use: the
 * `providers` line counts the provider modules each entry loads.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { alternate, emit, median, round, runChild } from './support/measure';

interface Probe {
  ms: number;
  rssMiB: number;
  providerModules?: number;
}

const ROUNDS = 5;
const ENTRIES = ['constructs', 'stacks', 'compliance'] as const;
const root = join(__dirname, '..');
execFileSync('npm', ['run', '--silent', 'build'], { cwd: root, stdio: 'ignore' });
const dir = mkdtempSync(join(tmpdir(), 'tenantform-bench-'));
const probe = join(__dirname, 'support', 'import-probe.cjs');

try {
  for (const entry of ENTRIES) {
    const list = join(dir, `${entry}.json`);
    // The tenantform side must run first in each round: it writes the module list the baseline reads.
    const { a: ours, b: raw } = alternate<Probe>(
      ROUNDS,
      () => runChild<Probe>(probe, ['tenantform', list, `tenantform/${entry}`], root),
      () => runChild<Probe>(probe, ['baseline', list], root),
    );
    const ms = median(ours.map((p) => p.ms));
    const baseMs = median(raw.map((p) => p.ms));
    const rss = median(ours.map((p) => p.rssMiB));
    const baseRss = median(raw.map((p) => p.rssMiB));
    emit({ name: `import.tenantform-${entry}.time`, value: round(ms), unit: 'ms', baseline: round(baseMs), ratio: round(ms / baseMs) });
    emit({ name: `import.tenantform-${entry}.rss`, value: round(rss), unit: 'MiB', baseline: round(baseRss), ratio: round(rss / baseRss) });
    emit({ name: `import.tenantform-${entry}.providers`, value: ours[0]?.providerModules ?? -1, unit: 'modules' });
    if (entry === 'constructs') {
      // The schema library's own require, after the same provider classes: its share against deep-importing them (budget: 10%).
      const lib = median(Array.from({ length: ROUNDS }, () => runChild<Probe>(probe, ['schema-lib', list], root).ms));
      emit({ name: 'import.schema-lib.time', value: round(lib), unit: 'ms', baseline: round(baseMs), ratio: round(lib / baseMs, 3) });
    }
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
