/**
 * The emulator fixes' own tests (test/e2e/emulator-fixes/tests), under the
 * same interpreter and moto the tier's servers run: each shows moto's answer
 * as released and the corrected one.
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { findMotoPython } from './support/moto';

const FIXES = join(__dirname, 'emulator-fixes');

it('every emulator fix corrects what its test shows moto answering', () => {
  const run = spawnSync(findMotoPython(), ['-m', 'unittest', 'discover', '-s', 'tests', '-t', '.'], { cwd: FIXES, encoding: 'utf8', timeout: 5 * 60_000 });
  if (run.error !== undefined) throw new Error(`cannot run ${findMotoPython()}: ${run.error.message}. Run scripts/setup-python-tools.sh or set TENANTFORM_MOTO_PYTHON.`);
  // unittest reports on stderr; its last lines say how many ran and whether all passed.
  const report = run.stderr.trimEnd().split('\n').slice(-40).join('\n');
  expect({ code: run.status, report }).toEqual({ code: 0, report: expect.stringMatching(/Ran \d+ tests?[\s\S]*\nOK$/) });
});
