/**
 * Reads the gate's input from disk: a cdktf output directory (`manifest.json`
 * listing stacks), one stack directory (`cdk.tf.json`), a directory of
 * `*.tf.json` files (one Terraform module = one stack), or `*.tf.json` files
 * named directly (one stack each).
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { TenantformError } from '../../core/errors';
import { StackModel } from '../types';
import { isRecord } from '../values';
import { stackFromJson } from './build';

/** Where the loader found one stack's JSON, before it is parsed. */
export interface StackSource {
  readonly name: string;
  /** One file, or several files of one module that merge into one stack. */
  readonly files: readonly string[];
}

/** Finds the stacks under each path. Throws TF-CHK-001 for a path that does not exist or holds no Terraform JSON. */
export function discoverStacks(paths: readonly string[]): StackSource[] {
  const out: StackSource[] = [];
  for (const p of paths) out.push(...discoverOne(p));
  return out;
}

function discoverOne(path: string): StackSource[] {
  const where = `tenantform check ${path}`;
  if (!existsSync(path)) {
    throw new TenantformError({ code: 'TF-CHK-001', where, problem: 'the input path does not exist.', value: path, fix: 'pass a cdktf output directory (e.g. cdktf.out), a stack directory or *.tf.json files; run `cdktf synth` first.' });
  }
  if (statSync(path).isFile()) {
    if (!path.endsWith('.tf.json')) {
      throw new TenantformError({ code: 'TF-CHK-001', where, problem: 'input files must be Terraform JSON (*.tf.json).', value: path, fix: 'pass *.tf.json files or a directory that holds them.' });
    }
    return [{ name: stackNameOfFile(path), files: [path] }];
  }
  const manifest = join(path, 'manifest.json');
  if (existsSync(manifest)) return fromManifest(manifest, where);
  const stacksDir = join(path, 'stacks');
  if (existsSync(join(path, 'cdk.tf.json'))) return [{ name: basename(resolve(path)), files: [join(path, 'cdk.tf.json')] }];
  const tfJson = readdirSync(path).filter((f) => f.endsWith('.tf.json')).sort();
  if (tfJson.length > 0) return [{ name: basename(resolve(path)), files: tfJson.map((f) => join(path, f)) }];
  if (existsSync(stacksDir) && statSync(stacksDir).isDirectory()) {
    // A cdktf.out without its manifest: every stack directory under stacks/.
    return readdirSync(stacksDir).sort().filter((d) => existsSync(join(stacksDir, d, 'cdk.tf.json'))).map((d) => ({ name: d, files: [join(stacksDir, d, 'cdk.tf.json')] }));
  }
  throw new TenantformError({ code: 'TF-CHK-001', where, problem: 'the directory holds no manifest.json, cdk.tf.json or *.tf.json.', value: path, fix: 'run `cdktf synth` and pass its output directory (cdktf.out).' });
}

function fromManifest(manifest: string, where: string): StackSource[] {
  const parsed = readJson(manifest, where);
  const stacks = isRecord(parsed) ? parsed.stacks : undefined;
  if (!isRecord(stacks)) {
    throw new TenantformError({ code: 'TF-CHK-002', where, problem: 'manifest.json has no "stacks" object.', value: manifest, fix: 'regenerate it with `cdktf synth`.' });
  }
  return Object.entries(stacks).map(([name, entry]) => {
    const rel = isRecord(entry) && typeof entry.synthesizedStackPath === 'string' ? entry.synthesizedStackPath : join('stacks', name, 'cdk.tf.json');
    return { name: isRecord(entry) && typeof entry.name === 'string' ? entry.name : name, files: [join(dirname(manifest), rel)] };
  });
}

function stackNameOfFile(file: string): string {
  const base = basename(file, '.tf.json');
  return base === 'cdk' ? basename(dirname(resolve(file))) : base;
}

/** Reads and parses a JSON file; TF-CHK-002 when it is unreadable or not JSON. */
export function readJson(file: string, where = `tenantform check ${file}`): unknown {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    throw new TenantformError({ code: 'TF-CHK-002', where, problem: `the file cannot be read (${(e as Error).message}).`, value: file, fix: 'check the path and its permissions; run `cdktf synth` first.' });
  }
  try {
    return JSON.parse(text);
  } catch (e) {
    throw new TenantformError({ code: 'TF-CHK-002', where, problem: `the file is not valid JSON (${(e as Error).message}).`, value: file, fix: 'regenerate it with `cdktf synth`, or fix the JSON.' });
  }
}

/** Loads one discovered stack: parses and merges its files, then builds the model. */
export function loadStack(source: StackSource): StackModel {
  const docs = source.files.map((f) => readJson(f));
  const json = docs.length === 1 ? docs[0] : mergeModuleFiles(docs);
  return stackFromJson(json, source.name, source.files.length === 1 ? source.files[0]! : dirname(source.files[0]!));
}

/** Loads every stack under the given paths. */
export function loadStacks(paths: readonly string[]): StackModel[] {
  return discoverStacks(paths).map(loadStack);
}

/** Merges the top-level blocks of several files of one module, as Terraform does. */
function mergeModuleFiles(docs: readonly unknown[]): Record<string, unknown> {
  const out: Record<string, Record<string, unknown>> = {};
  for (const doc of docs) {
    if (!isRecord(doc)) continue;
    for (const [block, body] of Object.entries(doc)) {
      if (!isRecord(body)) continue;
      const target = (out[block] ??= {});
      for (const [k, v] of Object.entries(body)) {
        // resource/data are nested type → name; merge one level deeper so two files may add to one type.
        target[k] = isRecord(target[k]) && isRecord(v) ? { ...(target[k] as Record<string, unknown>), ...v } : v;
      }
    }
  }
  return out;
}
