/**
 * Which files of a folder make up its Terraform module, in the order Terraform
 * reads them: every `*.tf.json` and `*.tf` file in the folder itself, primary
 * files in lexical order, then override files in lexical order.
 */
import { Dirent, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { TenantformError } from '../../../core/errors';

export interface ModuleFolder {
  readonly dir: string;
  /** Primary `*.tf.json` files, lexical order. */
  readonly primaries: readonly string[];
  /** `override.tf.json` and `*_override.tf.json`, lexical order. */
  readonly overrides: readonly string[];
  /** `*.tf` files (primary or override), which config mode does not read. */
  readonly hcl: readonly string[];
}

/** True for a file name Terraform reads as configuration (JSON or HCL). */
export function isTerraformFileName(name: string): boolean {
  return (name.endsWith('.tf.json') || name.endsWith('.tf')) && !isIgnoredFileName(name);
}

/** Terraform skips hidden files and editor backups: `.x`, `x~`, `#x#`. */
export function isIgnoredFileName(name: string): boolean {
  return name.startsWith('.') || name.endsWith('~') || (name.startsWith('#') && name.endsWith('#'));
}

/** `override.tf(.json)` or `<anything>_override.tf(.json)`. */
export function isOverrideFileName(name: string): boolean {
  const stem = name.endsWith('.tf.json') ? name.slice(0, -'.tf.json'.length) : name.endsWith('.tf') ? name.slice(0, -'.tf'.length) : undefined;
  return stem !== undefined && (stem === 'override' || stem.endsWith('_override'));
}

/** Go's sort.Strings order (byte-wise for the ASCII names Terraform files have), not the locale's. */
export function lexical(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** The Terraform files of `dir`. Throws TF-CHK-003 when the folder or one of its entries cannot be read. */
export function readModuleFolder(dir: string): ModuleFolder {
  let entries: Dirent[];
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch (e) {
    throw unreadable(dir, e);
  }
  const primaries: string[] = [];
  const overrides: string[] = [];
  const hcl: string[] = [];
  for (const entry of entries.filter((e) => isTerraformFileName(e.name) && !e.isDirectory()).sort((a, b) => lexical(a.name, b.name))) {
    const name = entry.name;
    const path = join(dir, name);
    let kind: 'file' | 'dir' | 'other';
    // The directory entry already says "regular file"; only links (and unknown types) need the stat that follows them.
    if (entry.isFile()) kind = 'file';
    else {
      try {
        const st = statSync(path);
        kind = st.isFile() ? 'file' : st.isDirectory() ? 'dir' : 'other';
      } catch (e) {
        throw unreadable(path, e);
      }
    }
    // A folder named like a file (x.tf.json/) is not configuration; Terraform skips it too.
    if (kind === 'dir') continue;
    if (kind === 'other') throw unreadable(path, new Error('not a regular file'));
    if (name.endsWith('.tf')) hcl.push(path);
    else if (isOverrideFileName(name)) overrides.push(path);
    else primaries.push(path);
  }
  return { dir, primaries, overrides, hcl };
}

/** True when the folder holds at least one file Terraform would read. */
export function hasTerraformFiles(folder: ModuleFolder): boolean {
  return folder.primaries.length + folder.overrides.length + folder.hcl.length > 0;
}

/** TF-CHK-007: the folder has HCL files, which the gate cannot read, so it reads none of the folder. */
export function refuseHcl(folder: ModuleFolder): never {
  throw new TenantformError({
    code: 'TF-CHK-007',
    where: `tenantform check ${folder.dir}`,
    problem: `the folder holds Terraform native-syntax (HCL) files, which config mode does not read; checking only the JSON files would judge part of the module.`,
    value: folder.hcl,
    fix: 'check the plan instead (`terraform plan -out plan.tfplan && terraform show -json plan.tfplan > plan.json && tenantform check --plan plan.json`), or convert the *.tf files to *.tf.json.',
  });
}

export function unreadable(path: string, e: unknown): TenantformError {
  return new TenantformError({
    code: 'TF-CHK-003',
    where: `tenantform check ${path}`,
    problem: `the path cannot be read (${e instanceof Error ? e.message : String(e)}).`,
    value: path,
    fix: 'check the path and its permissions; run `cdktf synth` first.',
  });
}
