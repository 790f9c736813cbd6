import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { App } from '../../../core/cdktf';
import { findProviderMirror, writeMirrorCliConfig } from '../../e2e/support/provider-mirror';
import { stacksOf } from './gate';

/** Terraform JSON of every stack of an app, keyed by stack name: what `terraform validate` is run on. */
export function stackJsonOf(app: App): Record<string, unknown> {
  return Object.fromEntries(stacksOf(app).map((s) => [s.node.id, s.toTerraform()]));
}

/**
 * Runs `terraform init -backend=false` (providers from the local mirror only)
 * and `terraform validate` on each module; returns the failures as text.
 */
export function terraformValidate(work: string, modules: readonly { readonly name: string; readonly json: unknown }[]): string[] {
  const cliConfig = writeMirrorCliConfig(join(work, 'cli'), findProviderMirror());
  const cache = join(work, 'plugin-cache');
  mkdirSync(cache, { recursive: true });
  const env = { ...process.env, TF_CLI_CONFIG_FILE: cliConfig, TF_PLUGIN_CACHE_DIR: cache, CHECKPOINT_DISABLE: '1' };
  const failures: string[] = [];
  modules.forEach((m, i) => {
    const dir = join(work, `m${i}`);
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'main.tf.json'), JSON.stringify(m.json));
    try {
      execFileSync('terraform', [`-chdir=${dir}`, 'init', '-backend=false', '-input=false', '-no-color'], { env, stdio: 'pipe' });
      execFileSync('terraform', [`-chdir=${dir}`, 'validate', '-no-color'], { env, stdio: 'pipe' });
    } catch (e) {
      const err = e as { stdout?: Buffer; stderr?: Buffer };
      failures.push(`${m.name}: ${String(err.stderr ?? '')}${String(err.stdout ?? '')}`.slice(0, 2000));
    }
  });
  return failures;
}
