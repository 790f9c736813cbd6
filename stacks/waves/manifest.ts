/**
 * Reads a cdktf output directory's manifest.json: the stacks it holds, where
 * each one's Terraform JSON is, and which stacks each depends on.
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { TenantformError } from '../../core/errors';

export interface ManifestStack {
  readonly name: string;
  /** Absolute path of the stack's cdk.tf.json. */
  readonly file: string;
  /** Names of the stacks it reads outputs from (cdktf's cross-stack references). */
  readonly dependencies: readonly string[];
}

/** The stacks of one `cdktf synth` output, by name. TF-WAV-001 when the manifest is missing or malformed. */
export function readManifest(outdir: string, flag: string): ReadonlyMap<string, ManifestStack> {
  const file = join(outdir, 'manifest.json');
  const where = `tenantform plan-waves ${flag} ${outdir}`;
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(file, 'utf8'));
  } catch (e) {
    throw new TenantformError({ code: 'TF-WAV-001', where, problem: `the cdktf manifest cannot be read (${(e as Error).message}).`, value: file, fix: 'pass the output directory of `cdktf synth` (the folder that holds manifest.json).' });
  }
  const stacks = (parsed as { stacks?: unknown } | null)?.stacks;
  if (typeof stacks !== 'object' || stacks === null || Array.isArray(stacks)) {
    throw new TenantformError({ code: 'TF-WAV-001', where, problem: 'manifest.json has no "stacks" object.', value: file, fix: 'regenerate it with `cdktf synth`.' });
  }
  const out = new Map<string, ManifestStack>();
  for (const [key, entry] of Object.entries(stacks as Record<string, unknown>)) {
    const e = (entry ?? {}) as { name?: unknown; synthesizedStackPath?: unknown; dependencies?: unknown };
    const name = typeof e.name === 'string' ? e.name : key;
    const rel = typeof e.synthesizedStackPath === 'string' ? e.synthesizedStackPath : join('stacks', name, 'cdk.tf.json');
    const deps = Array.isArray(e.dependencies) ? e.dependencies.filter((d): d is string => typeof d === 'string') : [];
    out.set(name, { name, file: join(dirname(file), rel), dependencies: deps });
  }
  return out;
}
