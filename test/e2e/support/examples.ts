import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

export const REPO_ROOT = resolve(__dirname, '..', '..', '..');
const EXAMPLES_DIR = join(REPO_ROOT, 'examples');

/** Every example app: a folder under examples/ with its own cdktf.json. */
export function exampleNames(): string[] {
  return readdirSync(EXAMPLES_DIR, { withFileTypes: true })
    .filter((d) => d.isDirectory() && existsSync(join(EXAMPLES_DIR, d.name, 'cdktf.json')))
    .map((d) => d.name)
    .sort();
}

export interface SynthesizedStack {
  readonly name: string;
  /** Absolute path of `<outdir>/stacks/<name>`: where terraform runs. */
  readonly directory: string;
  /** Stacks this one reads outputs from (cdktf cross-stack references). */
  readonly dependencies: readonly string[];
  /** The cdk.tf.json document. */
  readonly json: TerraformJson;
}

export interface TerraformJson {
  readonly provider?: Record<string, ReadonlyArray<Record<string, unknown>>>;
  readonly resource?: Record<string, Record<string, Record<string, unknown>>>;
  readonly data?: Record<string, Record<string, Record<string, unknown>>>;
  readonly terraform?: { readonly backend?: Record<string, unknown> };
}

interface Manifest {
  readonly stacks: Record<string, { readonly name: string; readonly workingDirectory: string; readonly dependencies: readonly string[] }>;
}

/**
 * Synthesizes one example into `outdir` by running the app command from its
 * cdktf.json, with local state so it can be applied against an emulator.
 * Runs synchronously: jest needs the stack list to name the tests.
 */
export function synthesizeExample(example: string, outdir: string): SynthesizedStack[] {
  const dir = join(EXAMPLES_DIR, example);
  const config = JSON.parse(readFileSync(join(dir, 'cdktf.json'), 'utf8')) as { app: string };
  execFileSync('sh', ['-c', config.app], {
    cwd: dir,
    env: { ...process.env, CDKTF_OUTDIR: outdir, TENANTFORM_LOCAL_STATE: '1', CHECKPOINT_DISABLE: '1' },
    stdio: ['ignore', 'pipe', 'pipe'],
    timeout: 5 * 60_000,
  });
  return readSynthesizedStacks(outdir);
}

/** The stacks of a cdktf output directory, dependencies before dependents. */
export function readSynthesizedStacks(outdir: string): SynthesizedStack[] {
  const manifest = JSON.parse(readFileSync(join(outdir, 'manifest.json'), 'utf8')) as Manifest;
  const stacks = Object.values(manifest.stacks).map((s) => ({
    name: s.name,
    directory: join(outdir, s.workingDirectory),
    dependencies: [...s.dependencies],
    json: JSON.parse(readFileSync(join(outdir, s.workingDirectory, 'cdk.tf.json'), 'utf8')) as TerraformJson,
  }));
  return dependencyOrder(stacks);
}

function dependencyOrder(stacks: SynthesizedStack[]): SynthesizedStack[] {
  const byName = new Map(stacks.map((s) => [s.name, s]));
  const ordered: SynthesizedStack[] = [];
  const seen = new Set<string>();
  const visit = (s: SynthesizedStack): void => {
    if (seen.has(s.name)) return;
    seen.add(s.name);
    for (const d of s.dependencies) {
      const dep = byName.get(d);
      if (dep !== undefined) visit(dep);
    }
    ordered.push(s);
  };
  [...stacks].sort((a, b) => a.name.localeCompare(b.name)).forEach(visit);
  return ordered;
}

/** The one account the stack's AWS providers are pinned to; the e2e tier refuses stacks pinned to none or several. */
export function pinnedAccount(stack: SynthesizedStack): string {
  const accounts = new Set<string>();
  for (const p of stack.json.provider?.aws ?? []) {
    for (const a of (p.allowed_account_ids as string[] | undefined) ?? []) accounts.add(a);
  }
  if (accounts.size !== 1) {
    throw new Error(`stack ${stack.name} pins ${accounts.size} accounts (${[...accounts].join(', ')}); expected exactly one`);
  }
  return [...accounts][0] as string;
}

/** A stack as far as its place among the others goes. */
export interface StackNode {
  readonly name: string;
  /** Stacks this one reads outputs from. */
  readonly dependencies: readonly string[];
}

/** The stacks `name` reads from, directly or not, among `stacks` (a dependency on a stack not given is left out). */
export function upstreamOf(stacks: readonly StackNode[], name: string): Set<string> {
  const byName = new Map(stacks.map((s) => [s.name, s]));
  const upstream = new Set<string>();
  const visit = (n: string): void => {
    for (const d of byName.get(n)?.dependencies ?? []) {
      if (!upstream.has(d) && byName.has(d)) {
        upstream.add(d);
        visit(d);
      }
    }
  };
  visit(name);
  return upstream;
}

/**
 * The stacks whose names match `pattern` (a regular expression, from
 * TENANTFORM_E2E_STACKS when a developer runs part of an example), with every
 * stack they read from, directly or not, in the given order. No pattern: all.
 */
export function selectStacks(stacks: readonly SynthesizedStack[], pattern: string | undefined): SynthesizedStack[] {
  if (pattern === undefined || pattern === '') return [...stacks];
  let wanted: RegExp;
  try {
    wanted = new RegExp(pattern);
  } catch (error) {
    throw new Error(`TENANTFORM_E2E_STACKS is not a regular expression: ${JSON.stringify(pattern)} (${(error as Error).message})`);
  }
  const keep = new Set<string>();
  for (const s of stacks) {
    if (!wanted.test(s.name)) continue;
    keep.add(s.name);
    for (const d of upstreamOf(stacks, s.name)) keep.add(d);
  }
  if (keep.size === 0) throw new Error(`TENANTFORM_E2E_STACKS=${JSON.stringify(pattern)} matches none of ${stacks.map((s) => s.name).join(', ')}`);
  return stacks.filter((s) => keep.has(s.name));
}
