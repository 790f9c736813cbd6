import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cases, controls } from './test/compliance/red-team/cases/syntax.cases';
import { writeModule } from './test/compliance/red-team/support/red-team-case';
import { findProviderMirror, writeMirrorCliConfig } from './test/e2e/support/provider-mirror';
const root = mkdtempSync(join(tmpdir(), 'h1-tfv-'));
const cfg = writeMirrorCliConfig(root, findProviderMirror());
const env = { ...process.env, TF_CLI_CONFIG_FILE: cfg, TF_PLUGIN_CACHE_DIR: join(root, 'cache'), CHECKPOINT_DISABLE: '1' };
execFileSync('mkdir', ['-p', join(root, 'cache')]);
const only = process.argv[2];
for (const c of [...cases, ...controls]) {
  if (only && !c.id.includes(only)) continue;
  const dir = join(root, c.id.replace(/\//g, '_'));
  writeModule(dir, c.files);
  try {
    execFileSync('terraform', [`-chdir=${dir}`, 'init', '-backend=false', '-input=false', '-no-color'], { env, stdio: 'pipe' });
    execFileSync('terraform', [`-chdir=${dir}`, 'validate', '-no-color'], { env, stdio: 'pipe' });
    console.log('valid  ', c.id);
  } catch (e) {
    const err = e as { stdout?: Buffer; stderr?: Buffer };
    console.log('INVALID', c.id, (err.stderr?.toString() ?? '').replace(/\s+/g, ' ').slice(0, 300));
  }
}
rmSync(root, { recursive: true, force: true });
