/**
 * A throwaway cdktf project for the cdktf deploy e2e test, and the real
 * cdktf CLI run in it. The project holds cdktf.json (whose app is main.ts
 * beside this file, run by tsx against the repo's sources, as examples/ do),
 * tenants.json and the lock; state goes to `.tenantform-state/emulator/`
 * beside its cdktf.out (pointAtEmulator's default).
 */
import { spawn } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { TenantIntent } from '../../../../constructs/tenancy/tenants-file';
import { readSynthesizedStacks, REPO_ROOT, SynthesizedStack } from '../examples';
import { applyScope } from '../apply-scope';
import { FROZEN_LOCK_ENV } from '../../../../stacks/tenant-fleet';

/**
 * The user's shell: this repository's CI freezes tenant locks
 * (TENANTFORM_FROZEN_LOCK), but the test app is a user adding tenants, whose
 * synth must write its own lock.
 */
function userEnvironment(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  const out = { ...env };
  delete out[FROZEN_LOCK_ENV];
  return out;
}

/** Longest any one cdktf command may take: a platform deploy against moto takes a few minutes. */
const COMMAND_TIMEOUT_MS = 12 * 60_000;

export interface CdktfResult {
  readonly args: readonly string[];
  readonly code: number;
  readonly output: string;
  readonly ms: number;
}

export class CdktfProject {
  readonly outdir: string;

  constructor(
    readonly directory: string,
    /** Environment of every cdktf command (CLI config, emulator endpoint). */
    private readonly env: NodeJS.ProcessEnv,
  ) {
    this.outdir = join(directory, 'cdktf.out');
    mkdirSync(directory, { recursive: true });
    const tsx = require.resolve('tsx/cli');
    const app = [process.execPath, tsx, '--tsconfig', join(REPO_ROOT, 'tsconfig.json'), join(__dirname, 'main.ts')].map((a) => JSON.stringify(a)).join(' ');
    writeFileSync(join(directory, 'cdktf.json'), `${JSON.stringify({ language: 'typescript', app, output: 'cdktf.out', terraformProviders: [], terraformModules: [] }, null, 2)}\n`);
  }

  writeTenants(tenants: readonly TenantIntent[]): void {
    writeFileSync(join(this.directory, 'tenants.json'), `${JSON.stringify(tenants, null, 2)}\n`);
  }

  stacks(): SynthesizedStack[] {
    return readSynthesizedStacks(this.outdir);
  }

  /** Runs the repo's cdktf CLI in the project; never throws on a non-zero exit (the test asserts it). */
  cdktf(args: readonly string[], extraEnv: NodeJS.ProcessEnv = {}): Promise<CdktfResult> {
    const started = Date.now();
    return new Promise((resolve, reject) => {
      const child = spawn(join(REPO_ROOT, 'node_modules', '.bin', 'cdktf'), [...args], {
        cwd: this.directory,
        env: userEnvironment({ ...process.env, ...this.env, ...extraEnv }),
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      let output = '';
      child.stdout.on('data', (d: Buffer) => (output += d.toString()));
      child.stderr.on('data', (d: Buffer) => (output += d.toString()));
      const timer = setTimeout(() => child.kill('SIGKILL'), COMMAND_TIMEOUT_MS);
      child.on('error', (e) => {
        clearTimeout(timer);
        reject(new Error(`cannot run cdktf: ${e.message}`));
      });
      child.on('close', (code, signal) => {
        clearTimeout(timer);
        resolve({ args, code: code ?? (signal ? 128 : 1), output, ms: Date.now() - started });
      });
    });
  }
}

/** The override file the harness writes beside a targeted stack's JSON (Terraform merges every `*_override.tf.json`). */
export const TARGETED_OUTPUTS_OVERRIDE = 'targeted_outputs_override.tf.json';

/**
 * `TF_CLI_ARGS_<command>` (Terraform appends it to that command's arguments)
 * holding `-target` for every resource of `stacks` the emulator can hold
 * (support/apply-scope.ts: all but the moto-gaps types and whatever refers to
 * them). cdktf deploy runs `terraform apply` and cdktf diff `terraform plan`
 * with the process environment, so this is how the real CLI leaves the gaps
 * out; one command covers several stacks, so the targets are their union,
 * and an address left out in one stack but kept in another is refused.
 * Empty when every resource of every stack can be held.
 *
 * A targeted apply skips every output that depends on no targeted resource,
 * a literal included, and cdktf 0.21's deploy summary then crashes on the
 * missing output ("Cannot convert undefined or null to object"). So each
 * literal output of a targeted stack is given, through an override file
 * beside the stack's own JSON (which stays as synthesized), the same value
 * by way of one resource the apply creates anyway:
 * `[jsondecode("<the literal>"), <resource>][0]`. (An override may not set
 * an output's depends_on.) Call it after `cdktf synth` and deploy with
 * `--skip-synth`, which keeps the file.
 */
export function emulatorTargets(stacks: readonly SynthesizedStack[], command: 'apply' | 'plan'): { env: NodeJS.ProcessEnv; excluded: Map<string, string[]> } {
  const kept = new Map<string, string>();
  const excluded = new Map<string, string[]>();
  let complete = true;
  for (const stack of stacks) {
    const scope = applyScope(stack);
    const left = [...scope.excluded.keys()];
    if (left.length > 0) excluded.set(stack.name, left);
    complete &&= scope.complete;
    const all = Object.entries(stack.json.resource ?? {}).flatMap(([type, byName]) => Object.keys(byName).map((name) => `${type}.${name}`));
    for (const address of scope.complete ? all : scope.targets) kept.set(address, stack.name);
    anchorLiteralOutputs(stack, scope.complete ? undefined : scope.targets[0]);
  }
  for (const [stack, left] of excluded) {
    const clash = left.filter((a) => kept.has(a));
    if (clash.length > 0) throw new Error(`${stack} leaves out ${clash.join(', ')}, which ${clash.map((a) => kept.get(a)).join(', ')} applies: deploy them in separate commands`);
  }
  if (complete) return { env: {}, excluded };
  return { env: { [`TF_CLI_ARGS_${command}`]: [...kept.keys()].sort().map((a) => `-target=${a}`).join(' ') }, excluded };
}

function anchorLiteralOutputs(stack: SynthesizedStack, anchor: string | undefined): void {
  const file = join(stack.directory, TARGETED_OUTPUTS_OVERRIDE);
  const outputs = (stack.json as { output?: Record<string, { value?: unknown }> }).output ?? {};
  const literals = Object.entries(outputs).filter(([, o]) => !/[$%]\{/.test(JSON.stringify(o.value ?? null)));
  if (anchor === undefined || literals.length === 0) {
    rmSync(file, { force: true });
    return;
  }
  const anchored = (value: unknown) => `\${[jsondecode(${JSON.stringify(JSON.stringify(value ?? null))}), ${anchor}][0]}`;
  writeFileSync(file, `${JSON.stringify({ output: Object.fromEntries(literals.map(([name, o]) => [name, { value: anchored(o.value) }])) }, null, 2)}\n`);
}
