import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';

/**
 * Where checkov is found, in order: TENANTFORM_CHECKOV, the project venv that
 * `scripts/setup-python-tools.sh` creates (relative to the working directory,
 * then to this package), then `checkov` on PATH.
 */
export function findCheckov(env: NodeJS.ProcessEnv = process.env, cwd: string = process.cwd()): string {
  const explicit = env.TENANTFORM_CHECKOV;
  if (explicit !== undefined && explicit !== '') return explicit;
  const packageRoot = resolve(__dirname, '..', '..');
  for (const root of [cwd, packageRoot]) {
    const venv = join(root, '.venv', 'checkov', 'bin', 'checkov');
    if (existsSync(venv)) return venv;
  }
  return 'checkov';
}
