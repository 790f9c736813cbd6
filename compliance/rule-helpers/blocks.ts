import { isRecord, isUnresolved } from './values';

/**
 * Nested blocks, or `'unknown'` when Terraform would compute them: a block
 * written as an expression (a variable, a `dynamic` expansion the config
 * reader left unevaluated) or a list holding anything but objects. Object and
 * array forms mean the same (Terraform's JSON syntax accepts both).
 */
export function nestedBlocks(value: unknown): Record<string, unknown>[] | 'unknown' {
  if (value === undefined || value === null) return [];
  if (isRecord(value)) return [value];
  if (Array.isArray(value)) return value.every(isRecord) ? value : 'unknown';
  return isUnresolved(value) || typeof value !== 'object' ? 'unknown' : [];
}

/** The single nested block of a one-block attribute: `{}` when absent, `'unknown'` when computed or repeated ambiguously. */
export function nestedBlock(value: unknown): Record<string, unknown> | 'unknown' {
  const list = nestedBlocks(value);
  if (list === 'unknown') return 'unknown';
  return list[0] ?? {};
}
