import { spawn } from 'node:child_process';

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

  validate(): Promise<TerraformResult> {
    return this.must(['validate', '-no-color']);
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

  destroy(targets: readonly string[] = []): Promise<TerraformResult> {
    return this.must(['destroy', '-input=false', '-no-color', '-auto-approve', ...targetArgs(targets)]);
  }
}

function targetArgs(targets: readonly string[]): string[] {
  return targets.map((t) => `-target=${t}`);
}

/** The end of a long terraform log: the error is always there. */
export function tail(text: string, lines = 60): string {
  return text.trimEnd().split('\n').slice(-lines).join('\n');
}

/** The resource lines of a plan that wants changes, so a failing no-change assertion says what drifted. */
export function plannedChanges(planOutput: string): string[] {
  return planOutput
    .split('\n')
    .filter((l) => /^\s+# \S+ (will be|must be)/.test(l))
    .map((l) => l.trim());
}
