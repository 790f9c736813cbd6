/**
 * Reads the gate's input from disk: a cdktf output directory (`manifest.json`
 * listing stacks), one Terraform module folder (every `*.tf.json` in it, with
 * its override files), a `stacks/` folder of such modules, or `*.tf.json`
 * files named directly (one stack each). Folders are read as Terraform reads
 * them (see terraform-json/README.md); anything the gate cannot read in full
 * is refused with a coded error, never skipped.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { TenantformError } from '../../core/errors';
import { StackModel } from '../types';
import { stackFromJson } from './build';
import { collectBlocks, mergeModule, ModuleDocument, parseTerraformJson, TerraformConfig } from './terraform-json';
import { hasTerraformFiles, isOverrideFileName, lexical, readModuleFolder, refuseHcl, unreadable } from './terraform-json/folder';

/** Where the loader found one stack, before it is parsed. */
export interface StackSource {
  readonly name: string;
  /** Every file of the stack, in the order Terraform reads them: primary files, then override files. */
  readonly files: readonly string[];
}

/** Finds the stacks under each path. Throws a coded TenantformError (TF-CHK-0xx) for input it cannot read in full. */
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
  let isFile: boolean;
  try {
    isFile = statSync(path).isFile();
  } catch (e) {
    throw unreadable(path, e);
  }
  if (isFile) {
    if (!path.endsWith('.tf.json')) {
      throw new TenantformError({ code: 'TF-CHK-004', where, problem: 'input files must be Terraform JSON (*.tf.json); config mode does not read HCL.', value: path, fix: 'pass *.tf.json files or a folder that holds them; for *.tf use plan mode (`tenantform check --plan plan.json`).' });
    }
    refuseOverridesBeside(path);
    return [{ name: stackNameOfFile(path), files: [path] }];
  }
  const manifest = join(path, 'manifest.json');
  if (existsSync(manifest)) return fromManifest(manifest, where);
  const own = moduleSource(path, basename(resolve(path)));
  if (own !== undefined) return [own];
  const stacksDir = join(path, 'stacks');
  if (existsSync(stacksDir) && statSync(stacksDir).isDirectory()) {
    // A cdktf.out without its manifest: every stack folder under stacks/.
    const found = readModuleFolderNames(stacksDir).flatMap((d) => moduleSource(join(stacksDir, d), d) ?? []);
    if (found.length > 0) return found;
  }
  throw new TenantformError({ code: 'TF-CHK-005', where, problem: 'the input yields zero stacks: the folder holds no manifest.json and no *.tf.json files, here or under stacks/.', value: path, fix: 'run `cdktf synth` and pass its output directory (cdktf.out), or a folder holding *.tf.json files.' });
}

function readModuleFolderNames(dir: string): string[] {
  try {
    return readdirSync(dir).filter((d) => statSync(join(dir, d)).isDirectory()).sort(lexical);
  } catch (e) {
    throw unreadable(dir, e);
  }
}

/** The stack of one module folder, or undefined when the folder holds no Terraform files; TF-CHK-007 when it holds HCL. */
function moduleSource(dir: string, name: string): StackSource | undefined {
  const folder = readModuleFolder(dir);
  if (!hasTerraformFiles(folder)) return undefined;
  if (folder.hcl.length > 0) refuseHcl(folder);
  return { name, files: [...folder.primaries, ...folder.overrides] };
}

function fromManifest(manifest: string, where: string): StackSource[] {
  const parsed = readJson(manifest, where);
  const stacks = isPlainObject(parsed) ? parsed.stacks : undefined;
  if (!isPlainObject(stacks)) {
    throw new TenantformError({ code: 'TF-CHK-006', where, problem: 'manifest.json has no "stacks" object.', value: manifest, fix: 'regenerate it with `cdktf synth`.' });
  }
  const entries = Object.entries(stacks);
  if (entries.length === 0) {
    throw new TenantformError({ code: 'TF-CHK-005', where, problem: 'manifest.json lists zero stacks, so there is nothing to check.', value: manifest, fix: 'synthesize an app that defines at least one stack (`cdktf synth`).' });
  }
  return entries.map(([key, entry]) => {
    if (!isPlainObject(entry)) {
      throw new TenantformError({ code: 'TF-CHK-006', where, problem: `manifest.json's stack "${key}" is not an object.`, value: entry, fix: 'regenerate it with `cdktf synth`.' });
    }
    const rel = typeof entry.synthesizedStackPath === 'string' ? entry.synthesizedStackPath : join('stacks', key, 'cdk.tf.json');
    const file = join(dirname(manifest), rel);
    if (!existsSync(file)) throw unreadable(file, new Error(`manifest.json lists stack "${key}" at ${rel}, which does not exist`));
    const name = typeof entry.name === 'string' ? entry.name : key;
    // The stack is the whole folder of its synthesized file, as Terraform would read it in `cdktf deploy`.
    return moduleSource(dirname(file), name) ?? { name, files: [file] };
  });
}

/**
 * A named file is read alone, but Terraform would merge the override files
 * beside it into it (or, if it is one, apply it to the others): reading it
 * alone could judge a configuration Terraform never applies.
 */
function refuseOverridesBeside(file: string): void {
  const folder = readModuleFolder(dirname(file));
  const overrides = isOverrideFileName(basename(file)) ? [file] : folder.overrides;
  if (overrides.length === 0) return;
  throw new TenantformError({
    code: 'TF-CHK-015',
    where: `tenantform check ${file}`,
    problem: 'the file is named on its own, but its folder has override files that Terraform merges into the module, so the file alone is not what Terraform applies.',
    value: overrides,
    fix: `pass the folder instead (tenantform check ${dirname(file)}), which reads every file and override as Terraform does.`,
  });
}

function stackNameOfFile(file: string): string {
  const base = basename(file, '.tf.json');
  return base === 'cdk' ? basename(dirname(resolve(file))) : base;
}

/** Reads and parses a plain JSON file (manifest.json); TF-CHK-003 when unreadable, TF-CHK-002 when not JSON. */
export function readJson(file: string, where = `tenantform check ${file}`): unknown {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    throw unreadable(file, e);
  }
  try {
    return JSON.parse(text);
  } catch (e) {
    throw new TenantformError({ code: 'TF-CHK-002', where, problem: `the file is not valid JSON (${(e as Error).message}).`, value: file, fix: 'regenerate it with `cdktf synth`, or fix the JSON.' });
  }
}

/** Reads, parses and merges one stack's files into its canonical configuration (overrides applied). */
export function loadConfig(source: StackSource): TerraformConfig {
  const primaries: ModuleDocument[] = [];
  const overrides: ModuleDocument[] = [];
  for (const file of source.files) {
    let text: string;
    try {
      text = readFileSync(file, 'utf8');
    } catch (e) {
      throw unreadable(file, e);
    }
    const doc = { file, blocks: collectBlocks(parseTerraformJson(text, file), file) };
    (isOverrideFileName(basename(file)) ? overrides : primaries).push(doc);
  }
  return mergeModule(primaries, overrides);
}

/** Loads one discovered stack: parses and merges its files, then builds the model. */
export function loadStack(source: StackSource): StackModel {
  const config = loadConfig(source);
  return stackFromJson(config, source.name, source.files.length === 1 ? source.files[0]! : dirname(source.files[0]!));
}

/** Loads every stack under the given paths. */
export function loadStacks(paths: readonly string[]): StackModel[] {
  return discoverStacks(paths).map(loadStack);
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
