/**
 * Which stacks a commit changed, and in what order to deploy them. A fleet of
 * thousands of tenant stacks must not plan and apply every stack on every
 * commit: this compares two `cdktf synth` outputs and groups the stacks that
 * need a deploy into waves, each wave depending only on earlier ones, so CI
 * can run a wave as a parallel job matrix.
 *
 * A stack needs a deploy when it is new or its Terraform JSON changed
 * (cdktf's own top-level `"//"` metadata, such as its version, is ignored).
 * Its dependents need one too when what they read from it may have changed:
 * the stack is new, or its `output` declarations changed. Configuration that
 * leaves the outputs as declared (a tenant's instance size, a tag) does not
 * pull in every stack that reads the producer. A change that replaces a
 * resource behind an unchanged output can still change the output's value:
 * use `dependents: 'all'` for such commits, or a scheduled full run.
 */
import { readFileSync } from 'node:fs';
import { TenantformError } from '../../core/errors';
import { ManifestStack, readManifest } from './manifest';

/** When to add the stacks that depend on a changed stack. */
export type DependentsMode = 'outputs' | 'all' | 'none';

export interface PlanWavesOptions {
  /** @default 'outputs' */
  readonly dependents?: DependentsMode;
}

export interface DeployWaves {
  /** Stacks whose JSON changed or that are new, sorted. */
  readonly changed: readonly string[];
  /** Stacks added only because they depend on a changed stack, sorted. */
  readonly dependents: readonly string[];
  /** Stacks in the base output that the head no longer has: destroy them (see the README's decommission steps). */
  readonly removed: readonly string[];
  /** The stacks to deploy, wave by wave; every stack's dependencies are in earlier waves or need no deploy. */
  readonly waves: readonly (readonly string[])[];
}

/** Compares two cdktf output directories. Linear in the number of stacks and dependency edges, plus one read of each stack's JSON. */
export function planWaves(baseDir: string, headDir: string, options: PlanWavesOptions = {}): DeployWaves {
  const base = readManifest(baseDir, '--base');
  const head = readManifest(headDir, '--head');
  const mode = options.dependents ?? 'outputs';
  const changed = new Set<string>();
  const outputsChanged = new Set<string>();
  for (const stack of head.values()) {
    const before = base.get(stack.name);
    if (before === undefined) {
      changed.add(stack.name);
      outputsChanged.add(stack.name);
      continue;
    }
    const diff = compareStacks(before.file, stack.file);
    if (diff !== 'same') changed.add(stack.name);
    if (diff === 'outputs') outputsChanged.add(stack.name);
  }
  const dependents = mode === 'none' ? new Set<string>() : dependentsOf(head, mode === 'all' ? changed : outputsChanged, changed);
  const selected = new Set([...changed, ...dependents]);
  return {
    changed: [...changed].sort(),
    dependents: [...dependents].sort(),
    removed: [...base.keys()].filter((name) => !head.has(name)).sort(),
    waves: layer(head, selected),
  };
}

type Difference = 'same' | 'config' | 'outputs';

/** Byte-equal files are the same (cdktf writes deterministically); otherwise compare what Terraform reads. */
function compareStacks(beforeFile: string, afterFile: string): Difference {
  const a = readFileSync(beforeFile);
  const b = readFileSync(afterFile);
  if (a.equals(b)) return 'same';
  const before = parseStack(beforeFile, a);
  const after = parseStack(afterFile, b);
  if (JSON.stringify(before.output ?? null) !== JSON.stringify(after.output ?? null)) return 'outputs';
  const strip = (doc: Record<string, unknown>): string => JSON.stringify({ ...doc, '//': undefined });
  return strip(before) === strip(after) ? 'same' : 'config';
}

function parseStack(file: string, bytes: Buffer): Record<string, unknown> {
  try {
    const doc = JSON.parse(bytes.toString('utf8')) as unknown;
    if (typeof doc === 'object' && doc !== null && !Array.isArray(doc)) return doc as Record<string, unknown>;
  } catch {
    // Reported below with the file's name.
  }
  throw new TenantformError({ code: 'TF-WAV-002', where: 'tenantform plan-waves', problem: 'a stack file is not a Terraform JSON object.', value: file, fix: 'regenerate both outputs with `cdktf synth`.' });
}

/** Every stack that depends, directly or through others, on one of `sources`, excluding those already changed. */
function dependentsOf(head: ReadonlyMap<string, ManifestStack>, sources: ReadonlySet<string>, changed: ReadonlySet<string>): Set<string> {
  const readers = new Map<string, string[]>();
  for (const s of head.values()) for (const d of s.dependencies) (readers.get(d) ?? readers.set(d, []).get(d)!).push(s.name);
  const out = new Set<string>();
  const queue = [...sources];
  for (let i = 0; i < queue.length; i++) {
    for (const reader of readers.get(queue[i]!) ?? []) {
      if (out.has(reader) || sources.has(reader)) continue;
      out.add(reader);
      queue.push(reader);
    }
  }
  for (const name of changed) out.delete(name);
  return out;
}

/**
 * Groups the selected stacks by depth in the whole dependency graph (a stack
 * is one deeper than its deepest dependency), so an unselected stack in the
 * middle of a chain still orders the two ends. Empty depths are dropped.
 */
function layer(head: ReadonlyMap<string, ManifestStack>, selected: ReadonlySet<string>): string[][] {
  const depth = new Map<string, number>();
  const visiting = new Set<string>();
  const depthOf = (name: string): number => {
    const known = depth.get(name);
    if (known !== undefined) return known;
    if (visiting.has(name)) {
      throw new TenantformError({ code: 'TF-WAV-003', where: 'tenantform plan-waves', problem: 'the stacks depend on each other in a cycle.', value: [...visiting], fix: 'break the cycle of cross-stack references; cdktf cannot deploy it either.' });
    }
    visiting.add(name);
    // Iterative over dependencies; recursion depth is the longest dependency chain, which cdktf apps keep short.
    let d = 0;
    for (const dep of head.get(name)?.dependencies ?? []) if (head.has(dep)) d = Math.max(d, depthOf(dep) + 1);
    visiting.delete(name);
    depth.set(name, d);
    return d;
  };
  const byDepth = new Map<number, string[]>();
  for (const name of selected) {
    const d = depthOf(name);
    (byDepth.get(d) ?? byDepth.set(d, []).get(d)!).push(name);
  }
  return [...byDepth.entries()].sort(([a], [b]) => a - b).map(([, names]) => names.sort());
}
