/**
 * How reports name a finding's place in the input: a path relative to the
 * working directory when the file lies under it (so CI logs and annotations
 * match the repository), with forward slashes, and `:line:column` when the
 * loader recorded them (editors and terminals open `file:line:column`).
 */
import { isAbsolute, relative, sep } from 'node:path';
import { Finding } from '../types';

export function displayPath(file: string, cwd: string = process.cwd()): string {
  // Reports name the same few files for thousands of findings: each is worked out once.
  const key = `${cwd}\u0000${file}`;
  let shown = SHOWN.get(key);
  if (shown === undefined) {
    const rel = relative(cwd, file);
    shown = (rel === '' || rel.startsWith('..') || isAbsolute(rel) ? file : rel).split(sep).join('/');
    if (SHOWN.size >= MAX_REMEMBERED) SHOWN.clear();
    SHOWN.set(key, shown);
  }
  return shown;
}

const SHOWN = new Map<string, string>();
const MAX_REMEMBERED = 10_000;

/** `file:line:column` (or `file:line`) of a finding whose line is known, else undefined. */
export function lineReference(f: Finding, cwd: string = process.cwd()): string | undefined {
  const l = f.location;
  if (l?.line === undefined) return undefined;
  return `${displayPath(l.file, cwd)}:${l.line}${l.column !== undefined ? `:${l.column}` : ''}`;
}
