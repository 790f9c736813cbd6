import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { findProviderMirror, writeMirrorCliConfig } from './test/e2e/support/provider-mirror';
import { writeModule } from './test/compliance/red-team/support/red-team-case';
import { cases, controls } from './test/compliance/red-team/cases/network-exposure.cases';

const root = mkdtempSync(join(tmpdir(), 'h5-validate-'));
const cfg = writeMirrorCliConfig(root, findProviderMirror());
let bad = 0;
for (const c of [...cases, ...controls]) {
  const dir = join(root, c.id.replace(/[^A-Za-z0-9_-]+/g, '_'));
  writeModule(dir, c.files);
  const env = { ...process.env, TF_CLI_CONFIG_FILE: cfg, CHECKPOINT_DISABLE: '1', TF_IN_AUTOMATION: '1' };
  const init = spawnSync('terraform', [`-chdir=${dir}`, 'init', '-backend=false', '-input=false', '-no-color'], { env, encoding: 'utf8' });
  if (init.status !== 0) { console.log('INIT FAIL', c.id, init.stderr.slice(0, 800)); bad++; continue; }
  const v = spawnSync('terraform', [`-chdir=${dir}`, 'validate', '-no-color'], { env, encoding: 'utf8' });
  if (v.status !== 0) { console.log('INVALID', c.id, (v.stdout + v.stderr).slice(0, 1500)); bad++; } else console.log('ok', c.id);
}
rmSync(root, { recursive: true, force: true });
console.log('bad', bad);
