import { spawn } from 'node:child_process';
import { appendFileSync } from 'node:fs';
import { basename } from 'node:path';

/** Longest any single terraform command may take before the tier gives up on it. */
const COMMAND_TIMEOUT_MS = 8 * 60_000;

export interface TerraformResult {
  readonly args: readonly string[];
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/**
 * Runs terraform in one stack directory, the way `cdktf deploy` does, with a
 * fixed environment (CLI config, emulator endpoint) and a hard time limit.
 */
export class Terraform {
  constructor(
    readonly directory: string,
    private readonly env: NodeJS.ProcessEnv,
  ) {}

  run(args: readonly string[]): Promise<TerraformResult> {
    const started = Date.now();
    return new Promise((resolve, reject) => {
      const child = spawn('terraform', [...args], {
        cwd: this.directory,
        env: { ...process.env, TF_IN_AUTOMATION: '1', TF_INPUT: '0', CHECKPOINT_DISABLE: '1', ...this.env },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      let stdout = '';
      let stderr = '';
      child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
      child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
      const timer = setTimeout(() => child.kill('SIGKILL'), COMMAND_TIMEOUT_MS);
      child.on('error', (e) => {
        clearTimeout(timer);
        reject(new Error(`cannot run terraform (is Terraform >= 1.5 on PATH?): ${e.message}`));
      });
      child.on('close', (code, signal) => {
        clearTimeout(timer);
        recordTiming(this.directory, args, Date.now() - started, stdout);
        resolve({ args, code: code ?? (signal ? 128 : 1), stdout, stderr });
      });
    });
  }

  /** Runs and throws with terraform's own output unless the exit code is one of `okCodes`. */
  async must(args: readonly string[], okCodes: readonly number[] = [0]): Promise<TerraformResult> {
    const result = await this.run(args);
    if (!okCodes.includes(result.code)) {
      throw new Error(
        `terraform ${args.join(' ')} exited ${result.code} in ${this.directory}\n${tail(result.stderr || result.stdout)}`,
      );
    }
    return result;
  }

  init(): Promise<TerraformResult> {
    return this.must(['init', '-input=false', '-no-color']);
  }

  /** `plan -detailed-exitcode`: 0 = no changes, 2 = changes; anything else throws. */
  async plan(targets: readonly string[] = [], out?: string): Promise<{ changes: boolean; result: TerraformResult }> {
    const args = ['plan', '-input=false', '-no-color', '-detailed-exitcode', ...targetArgs(targets)];
    if (out !== undefined) args.push(`-out=${out}`);
    const result = await this.must(args, [0, 2]);
    return { changes: result.code === 2, result };
  }

  applyPlan(planFile: string): Promise<TerraformResult> {
    return this.must(['apply', '-input=false', '-no-color', '-auto-approve', planFile]);
  }

  /**
   * Destroys everything the state holds. `refresh: false` skips reading every
   * resource back first: right when a plan has just refreshed the state, and
   * it spares the emulator one read of every resource.
   */
  destroy(options: { readonly refresh?: boolean } = {}): Promise<TerraformResult> {
    return this.must(['destroy', '-input=false', '-no-color', '-auto-approve', ...(options.refresh === false ? ['-refresh=false'] : [])]);
  }
}

/**
 * With TENANTFORM_E2E_TIMINGS=<file>, every command's wall time is appended
 * there as one line (ms, stack, subcommand, target count): where the tier's
 * minutes go, without a timed test.
 */
function recordTiming(directory: string, args: readonly string[], ms: number, stdout: string): void {
  const file = process.env.TENANTFORM_E2E_TIMINGS;
  if (file === undefined || file === '') return;
  const targets = args.filter((a) => a.startsWith('-target=')).length;
  // Resources that took 10 s or more, as terraform reports them ("Creation complete after 1m2s").
  const slow = stdout.split('\n').filter((l) => /complete after (\d+m|[1-9]\d+s)/.test(l)).map((l) => `\t\t${l.trim()}`);
  appendFileSync(file, [`${ms}\t${basename(directory)}\t${args[0] ?? ''}\t${targets}`, ...slow].join('\n') + '\n');
}

function targetArgs(targets: readonly string[]): string[] {
  return targets.map((t) => `-target=${t}`);
}

/** The end of a long terraform log: the error is always there. */
export function tail(text: string, lines = 60): string {
  return text.trimEnd().split('\n').slice(-lines).join('\n');
}

/**
 * What a plan that wants changes would change, so a failing no-change
 * assertion says what drifted: each resource's header line, then its
 * attribute lines that differ (`~`, `+`, `-`), leaving out values that are
 * only "(known after apply)", which say nothing about the cause.
 */
export function plannedChanges(planOutput: string): string[] {
  const changes: string[] = [];
  let inResource = false;
  for (const line of planOutput.split('\n')) {
    if (/^\s+# \S+ (will be|must be)/.test(line)) {
      changes.push(line.trim());
      inResource = true;
    } else if (/^\s*(Plan:|No changes|Changes to Outputs:)/.test(line)) {
      inResource = false;
    } else if (inResource && /^\s+[~+-] /.test(line) && !/\(known after apply\)\s*$/.test(line)) {
      changes.push(`    ${line.trim()}`);
    }
  }
  return changes;
}
