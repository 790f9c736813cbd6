/**
 * Import cost of `tenantform/constructs` from the built package, against
 * deep-importing the same provider classes directly, in the same run.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { alternate, emit, median, round, runChild } from './support/measure';

interface Probe {
  ms: number;
  rssMiB: number;
}

const ROUNDS = 5;
const root = join(__dirname, '..');
execFileSync('npm', ['run', '--silent', 'build'], { cwd: root, stdio: 'ignore' });
const list = join(mkdtempSync(join(tmpdir(), 'tenantform-bench-')), 'modules.json');
const probe = join(__dirname, 'support', 'import-probe.cjs');

// The tenantform side must run first in each round: it writes the module list the baseline reads.
const { a: ours, b: raw } = alternate<Probe>(
  ROUNDS,
  () => runChild<Probe>(probe, ['tenantform', list], root),
  () => runChild<Probe>(probe, ['baseline', list], root),
);
const ms = median(ours.map((p) => p.ms));
const baseMs = median(raw.map((p) => p.ms));
const rss = median(ours.map((p) => p.rssMiB));
const baseRss = median(raw.map((p) => p.rssMiB));
emit({ name: 'import.tenantform-constructs.time', value: round(ms), unit: 'ms', baseline: round(baseMs), ratio: round(ms / baseMs) });
emit({ name: 'import.tenantform-constructs.rss', value: round(rss), unit: 'MiB', baseline: round(baseRss), ratio: round(rss / baseRss) });
