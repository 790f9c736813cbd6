/**
 * `npm run bench`: runs every `bench/*.bench.ts` in its own process and
 * passes through its JSON lines, one figure per line. A bench that prints a
 * malformed line or exits non-zero fails the whole run.
 */
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';

const only = process.argv[2];
const files = readdirSync(__dirname)
  .filter((f) => f.endsWith('.bench.ts'))
  .filter((f) => only === undefined || f.includes(only))
  .sort();
let failed = false;
for (const file of files) {
  const result = spawnSync(process.execPath, ['--import', 'tsx', join(__dirname, file)], {
    encoding: 'utf8',
    env: { ...process.env, CHECKPOINT_DISABLE: '1' },
    maxBuffer: 64 * 1024 * 1024,
  });
  for (const line of result.stdout.split('\n').filter((l) => l.trim() !== '')) {
    try {
      const parsed = JSON.parse(line) as { name?: unknown; value?: unknown; unit?: unknown };
      if (typeof parsed.name !== 'string' || typeof parsed.value !== 'number' || typeof parsed.unit !== 'string') throw new Error('missing name/value/unit');
      process.stdout.write(`${line}\n`);
    } catch (e) {
      process.stderr.write(`bench ${file}: malformed line ${JSON.stringify(line)}: ${(e as Error).message}\n`);
      failed = true;
    }
  }
  if (result.status !== 0) {
    process.stderr.write(`bench ${file} exited ${result.status}\n${result.stderr}\n`);
    failed = true;
  }
}
process.exitCode = failed ? 1 : 0;
