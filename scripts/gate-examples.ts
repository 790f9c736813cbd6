/**
 * The compliance gate over every example: synthesizes each `examples/<name>/`
 * that has a cdktf.json into a temporary directory (running the app command
 * its cdktf.json names, as `cdktf synth` would) and runs `tenantform check`
 * on the output. Exits non-zero when any example fails or cannot synthesize.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * Examples that are weak on purpose and would fail the gate. Each is checked
 * by its own test, which lists exactly the findings it must produce.
 */
const EXPECTED_TO_FAIL: readonly string[] = [
  'free-tier-ids', // source document 001 as described, weaknesses included (test/examples/free-tier-ids)
];

const root = join(__dirname, '..');
const examples = readdirSync(join(root, 'examples'), { withFileTypes: true })
  .filter((d) => d.isDirectory() && existsSync(join(root, 'examples', d.name, 'cdktf.json')))
  .map((d) => d.name)
  .sort();

let failed = 0;
for (const name of examples) {
  if (EXPECTED_TO_FAIL.includes(name)) {
    process.stdout.write(`skip ${name} (expected to fail; covered by its own test)\n`);
    continue;
  }
  const dir = join(root, 'examples', name);
  const config = JSON.parse(readFileSync(join(dir, 'cdktf.json'), 'utf8')) as { app: string };
  const outdir = mkdtempSync(join(tmpdir(), `tenantform-gate-${name}-`));
  try {
    const synth = spawnSync(config.app, { cwd: dir, shell: true, stdio: ['ignore', 'inherit', 'inherit'], env: { ...process.env, CDKTF_OUTDIR: outdir, CHECKPOINT_DISABLE: '1' } });
    if (synth.status !== 0) {
      process.stderr.write(`FAIL ${name}: synth exited with ${synth.status}\n`);
      failed++;
      continue;
    }
    const check = spawnSync(process.execPath, [require.resolve('tsx/cli'), join(root, 'bin', 'tenantform.ts'), 'check', outdir, ...process.argv.slice(2)], { stdio: 'inherit' });
    process.stdout.write(`${check.status === 0 ? 'ok' : 'FAIL'} ${name}\n`);
    if (check.status !== 0) failed++;
  } finally {
    rmSync(outdir, { recursive: true, force: true });
  }
}
process.exitCode = failed > 0 ? 1 : 0;
