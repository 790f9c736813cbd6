import { mkdtempSync, rmSync, mkdirSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cases, controls } from './test/compliance/red-team/cases/language.cases';
import { writeModule } from './test/compliance/red-team/support/red-team-case';
import { findProviderMirror, writeMirrorCliConfig } from './test/e2e/support/provider-mirror';
const root = mkdtempSync(join(tmpdir(), 'h2-validate-'));
try {
  const cfg = writeMirrorCliConfig(root, findProviderMirror());
  const cache = join(root, 'cache'); mkdirSync(cache);
  const env = { ...process.env, TF_CLI_CONFIG_FILE: cfg, TF_PLUGIN_CACHE_DIR: cache, CHECKPOINT_DISABLE: '1' };
  for (const c of [...cases, ...controls]) {
    const dir = join(root, c.id.replace(/\W+/g, '_'));
    writeModule(dir, c.files);
    const init = spawnSync('terraform', [`-chdir=${dir}`, 'init', '-backend=false', '-input=false', '-no-color'], { env, encoding: 'utf8' });
    if (init.status !== 0) { console.log(`INIT-FAIL ${c.id}: ${init.stderr.slice(0, 400)}`); continue; }
    const v = spawnSync('terraform', [`-chdir=${dir}`, 'validate', '-no-color'], { env, encoding: 'utf8' });
    console.log(`${v.status === 0 ? 'valid' : 'INVALID'} ${c.id}${v.status === 0 ? '' : ': ' + (v.stdout + v.stderr).replace(/\s+/g, ' ').slice(0, 500)}`);
  }
} finally { rmSync(root, { recursive: true, force: true }); }
