/**
 * ERRORS.md from the error catalogue, and the scan that ties the catalogue to
 * the source. Error codes have three digits (`TF-VPC-003`); rule IDs have
 * fewer (`TF-ENC-4`), so the two never collide.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { ERROR_AREAS, ERROR_CODES } from '../core/error-codes';

/** Folders whose modules raise errors; tests only assert on them. */
export const SOURCE_FOLDERS: readonly string[] = ['core', 'constructs', 'stacks', 'compliance', 'bin', 'examples', 'scripts'];
/** The catalogue itself names every code, so it proves no use. */
const CATALOGUE_FILE = 'core/error-codes.ts';

/** Every quoted error-code literal in `text`, in single, double or back quotes. */
export function errorCodeLiterals(text: string): string[] {
  return [...text.matchAll(/['"`](TF-[A-Z]{2,5}-\d{3})['"`]/g)].map((m) => m[1] as string);
}

/** Code → the source files (relative to `root`) that quote it. */
export function errorCodeUses(root: string): Map<string, string[]> {
  const uses = new Map<string, string[]>();
  for (const folder of SOURCE_FOLDERS) {
    for (const entry of readdirSync(join(root, folder), { recursive: true, withFileTypes: true })) {
      if (!entry.isFile() || !entry.name.endsWith('.ts')) continue;
      const file = relative(root, join(entry.parentPath, entry.name)).split(sep).join('/');
      if (file === CATALOGUE_FILE || file.split('/').includes('node_modules') || file.split('/').includes('cdktf.out')) continue;
      for (const code of errorCodeLiterals(readFileSync(join(root, file), 'utf8'))) uses.set(code, [...(uses.get(code) ?? []), file]);
    }
  }
  return uses;
}

/** The text of ERRORS.md. */
export function renderErrorsDoc(codes: Readonly<Record<string, string>> = ERROR_CODES, areas: Readonly<Record<string, string>> = ERROR_AREAS): string {
  const lines = [
    '# tenantform error codes',
    '',
    '<!-- Generated from core/error-codes.ts by `npm run errors:doc`; do not edit by hand. -->',
    '',
    'Every input tenantform rejects raises a `TenantformError` whose message starts with one of these codes, then names where, shows the value and says the fix. Codes are stable. Rule IDs in findings (`TF-ENC-4`) are a different namespace: see RULES.md.',
    '',
  ];
  for (const [area, title] of Object.entries(areas)) {
    const entries = Object.entries(codes).filter(([code]) => code.startsWith(`TF-${area}-`)).sort(([a], [b]) => a.localeCompare(b));
    if (entries.length === 0) continue;
    lines.push(`## ${title} (TF-${area})`, '', '| Code | Problem |', '| --- | --- |');
    for (const [code, problem] of entries) lines.push(`| <a id="${code.toLowerCase()}"></a>\`${code}\` | ${problem.replace(/\|/g, '\\|')} |`);
    lines.push('');
  }
  return lines.join('\n');
}
