import { spawn } from 'node:child_process';
import { TenantformError } from '../../core/errors';
import { findCheckov } from './locate';
import { CheckovReport, parseCheckovOutput } from './raw';

/** A full scan of a large output takes minutes; past this something is wrong. */
const CHECKOV_TIMEOUT_MS = 30 * 60_000;

export interface RawRun {
  readonly reports: CheckovReport[];
  readonly version?: string;
}

/**
 * Runs checkov once over Terraform JSON files with `--framework
 * terraform_json`, offline: no platform download, no guideline mapping call
 * (BC_SKIP_MAPPING), so a run on an air-gapped CI neither hangs nor differs.
 * checkov exits 1 when a check fails; only other codes or non-JSON output
 * count as errors (TF-CKV-001 when it cannot start, TF-CKV-002 otherwise).
 */
export function runCheckovRaw(files: readonly string[], binary: string = findCheckov()): Promise<RawRun> {
  const where = `tenantform checkov (${binary})`;
  const args = ['--framework', 'terraform_json', '--output', 'json', '--compact', '--skip-download', '--skip-results-upload'];
  for (const f of files) args.push('--file', f);
  return new Promise((resolve, reject) => {
    const child = spawn(binary, args, {
      env: { ...process.env, BC_SKIP_MAPPING: 'TRUE', CHECKOV_NO_OUTPUT_COLOR: 'TRUE', LOG_LEVEL: 'ERROR' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    const timer = setTimeout(() => child.kill('SIGKILL'), CHECKOV_TIMEOUT_MS);
    child.on('error', (e) => {
      clearTimeout(timer);
      reject(new TenantformError({ code: 'TF-CKV-001', where, problem: `checkov cannot be started (${e.message}).`, value: binary, fix: 'install checkov (for example `pipx install checkov` or `pip install checkov` in a virtualenv) so `checkov` is on PATH, or set TENANTFORM_CHECKOV to its executable; inside the tenantform repository, `npm run setup:tools` does this.' }));
    });
    child.on('close', (code) => {
      clearTimeout(timer);
      if (code !== 0 && code !== 1) {
        reject(new TenantformError({ code: 'TF-CKV-002', where, problem: `checkov exited with ${code}.`, value: stderr.trim().split('\n').slice(-5).join('\n'), fix: 'run the same checkov command by hand to see its error.' }));
        return;
      }
      try {
        const reports = parseCheckovOutput(stdout);
        resolve({ reports, version: reports[0]?.summary.checkov_version });
      } catch (e) {
        reject(new TenantformError({ code: 'TF-CKV-002', where, problem: (e as Error).message, value: stderr.trim().split('\n').slice(-5).join('\n'), fix: 'check that the checkov in use is 3.x.' }));
      }
    });
  });
}
