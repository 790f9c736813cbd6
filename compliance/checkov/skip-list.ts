import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { TenantformError } from '../../core/errors';
import { MIN_REASON_LENGTH } from '../../core/suppressions';

/**
 * One reviewed exception to a checkov check, for every resource it matches.
 * Per-resource exceptions belong in the resource itself
 * (`suppress(resource, 'CKV_AWS_…', reason)`); this list is for checks that
 * misread a construct everywhere it is used.
 */
export interface SkipEntry {
  /** checkov check ID, e.g. `CKV_AWS_231`. */
  readonly checkId: string;
  /** Limit the entry to these Terraform resource types; all types when absent. */
  readonly resourceTypes?: readonly string[];
  /** Limit the entry to stacks whose name matches one of these patterns (`*` = any characters); all stacks when absent. */
  readonly stacks?: readonly string[];
  /** Why the failure is acceptable; at least 10 characters. */
  readonly reason: string;
  /** What change would let the entry be deleted. */
  readonly removeWhen?: string;
}

/** The skip list shipped with tenantform and applied unless the caller opts out. */
export const DEFAULT_SKIP_LIST = join(__dirname, 'skip-list.json');

const KEYS = new Set(['checkId', 'resourceTypes', 'stacks', 'reason', 'removeWhen']);

/** Reads and validates a skip list file. Throws TF-CKV-003 on any malformed entry. */
export function loadSkipList(file: string = DEFAULT_SKIP_LIST): SkipEntry[] {
  const where = `tenantform checkov skip list ${file}`;
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(file, 'utf8'));
  } catch (e) {
    throw new TenantformError({ code: 'TF-CKV-003', where, problem: `the skip list cannot be read as JSON (${(e as Error).message}).`, value: file, fix: 'fix the file or pass --no-skip-list.' });
  }
  const entries = (parsed as { entries?: unknown }).entries;
  if (!Array.isArray(entries)) {
    throw new TenantformError({ code: 'TF-CKV-003', where, problem: 'the skip list needs an "entries" array.', value: parsed, fix: 'write { "entries": [ { "checkId": "CKV_…", "reason": "…" } ] }.' });
  }
  return entries.map((entry: unknown, i) => validateEntry(entry, `${where} entry ${i}`));
}

export function validateEntry(entry: unknown, where: string): SkipEntry {
  const e = entry as Partial<SkipEntry> & Record<string, unknown>;
  const extra = typeof entry === 'object' && entry !== null ? Object.keys(entry).filter((k) => !KEYS.has(k)) : [];
  if (typeof entry !== 'object' || entry === null || extra.length > 0) {
    throw new TenantformError({ code: 'TF-CKV-003', where, problem: `an entry is an object with only ${[...KEYS].join(', ')}.`, value: entry, fix: 'remove the unknown keys.' });
  }
  if (typeof e.checkId !== 'string' || !/^CKV2?_[A-Z0-9_]+$/.test(e.checkId)) {
    throw new TenantformError({ code: 'TF-CKV-003', where, problem: 'checkId must be a checkov check ID (CKV_… or CKV2_…).', value: e.checkId, fix: 'copy the ID from the checkov finding.' });
  }
  if (typeof e.reason !== 'string' || e.reason.trim().length < MIN_REASON_LENGTH) {
    throw new TenantformError({ code: 'TF-CKV-003', where, problem: `every skip needs a reason of at least ${MIN_REASON_LENGTH} characters.`, value: e.reason, fix: 'say why the failure is acceptable wherever it matches.' });
  }
  if (e.resourceTypes !== undefined && (!Array.isArray(e.resourceTypes) || e.resourceTypes.some((t) => typeof t !== 'string'))) {
    throw new TenantformError({ code: 'TF-CKV-003', where, problem: 'resourceTypes must be a list of Terraform resource types.', value: e.resourceTypes, fix: 'e.g. ["aws_network_acl"], or leave it out.' });
  }
  if (e.stacks !== undefined && (!Array.isArray(e.stacks) || e.stacks.some((t) => typeof t !== 'string'))) {
    throw new TenantformError({ code: 'TF-CKV-003', where, problem: 'stacks must be a list of stack name patterns.', value: e.stacks, fix: 'e.g. ["dev-*"], or leave it out.' });
  }
  return e as SkipEntry;
}

function globMatches(pattern: string, value: string): boolean {
  const source = pattern.split('*').map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&')).join('.*');
  return new RegExp(`^${source}$`).test(value);
}

/** The entry that covers a failure of `checkId` on a resource of `resourceType` in `stack`, if any. */
export function matchSkip(list: readonly SkipEntry[], checkId: string, resourceType: string, stack = ''): SkipEntry | undefined {
  return list.find(
    (e) =>
      e.checkId === checkId &&
      (e.resourceTypes === undefined || e.resourceTypes.includes(resourceType)) &&
      (e.stacks === undefined || e.stacks.some((p) => globMatches(p, stack))),
  );
}
