/**
 * Compares two synth output folders (cdktf and cdktn runs of the same app)
 * and lists every difference except the runtime's version stamp.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';

export interface SynthDifference {
  /** File relative to the output folder, with `/` separators. */
  readonly file: string;
  /** JSON path inside the file, `$` for the whole file. */
  readonly path: string;
  readonly cdktf: string;
  readonly cdktn: string;
}

/**
 * The only place a stack's output may differ: the version the runtime stamps,
 * `//.metadata.version` in its cdk.tf.json. Both sides must still carry it as
 * a string. manifest.json (not a stack) stamps a top-level `version` too, and
 * its annotations carry stack traces, which name the folder each copy was
 * installed in; their messages and levels are still compared.
 */
function isVersionStamp(file: string, path: readonly string[]): boolean {
  if (file === 'manifest.json') return path.length === 1 && path[0] === 'version';
  return /^stacks\/[^/]+\/cdk\.tf\.json$/.test(file) && path.length === 3 && path[0] === '//' && path[1] === 'metadata' && path[2] === 'version';
}

function isStackTrace(file: string, path: readonly string[]): boolean {
  return file === 'manifest.json' && path.length === 5 && path[0] === 'stacks' && path[2] === 'annotations' && path[4] === 'stacktrace';
}

function listFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => relative(dir, join(e.parentPath, e.name)).split(sep).join('/'))
    .sort();
}

function show(value: unknown): string {
  if (value === undefined) return '(absent)';
  const text = JSON.stringify(value);
  return text.length > 200 ? `${text.slice(0, 200)}…` : text;
}

function pathText(path: readonly string[]): string {
  return path.length === 0 ? '$' : `$${path.map((p) => `[${JSON.stringify(p)}]`).join('')}`;
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function diffValues(file: string, path: string[], a: unknown, b: unknown, out: SynthDifference[]): void {
  if (isStackTrace(file, path)) return;
  if (isVersionStamp(file, path)) {
    if (typeof a !== 'string' || typeof b !== 'string') out.push({ file, path: pathText(path), cdktf: show(a), cdktn: show(b) });
    return;
  }
  if (Array.isArray(a) && Array.isArray(b)) {
    for (let i = 0; i < Math.max(a.length, b.length); i++) diffValues(file, [...path, String(i)], a[i], b[i], out);
    return;
  }
  if (isObject(a) && isObject(b)) {
    const keysA = Object.keys(a);
    const keysB = Object.keys(b);
    for (const k of new Set([...keysA, ...keysB])) diffValues(file, [...path, k], a[k], b[k], out);
    const common = keysA.filter((k) => k in b);
    const commonB = keysB.filter((k) => k in a);
    // Key order changes no Terraform semantics but would change the file; report it too.
    if (common.join('\u0000') !== commonB.join('\u0000')) out.push({ file, path: `${pathText(path)} (key order)`, cdktf: show(common), cdktn: show(commonB) });
    return;
  }
  if (a !== b || typeof a !== typeof b) out.push({ file, path: pathText(path), cdktf: show(a), cdktn: show(b) });
}

/** Every difference between the two output folders, in file order. */
export function diffSynthOutputs(cdktfDir: string, cdktnDir: string): SynthDifference[] {
  const out: SynthDifference[] = [];
  const filesA = new Set(listFiles(cdktfDir));
  const filesB = new Set(listFiles(cdktnDir));
  for (const file of [...new Set([...filesA, ...filesB])].sort()) {
    if (!filesA.has(file) || !filesB.has(file)) {
      out.push({ file, path: '$', cdktf: filesA.has(file) ? '(present)' : '(absent)', cdktn: filesB.has(file) ? '(present)' : '(absent)' });
      continue;
    }
    const textA = readFileSync(join(cdktfDir, file), 'utf8');
    const textB = readFileSync(join(cdktnDir, file), 'utf8');
    if (file.endsWith('.json')) {
      diffValues(file, [], JSON.parse(textA), JSON.parse(textB), out);
    } else if (textA !== textB) {
      out.push({ file, path: '$', cdktf: `${textA.length} chars`, cdktn: `${textB.length} chars` });
    }
  }
  return out;
}
