import * as fs from 'fs';
import { describeIssue, formatPath, int, list, literal, pathOf, str, strict, v } from '../../core/validation';
import { TenantformError } from '../../core/errors';
import { Placement } from '../platform-refs';
import { compareIds, placeTenants, PlacementOptions } from './placement';
import { needsAlbSlot, parseTenants, TenantIntent } from './tenants-file';

/** Version of the lock format; bumped only with a migration. */
export const LOCK_FILE_VERSION = 1;

/** The parsed tenants.lock.json. */
export interface TenantLock {
  readonly lockfileVersion: typeof LOCK_FILE_VERSION;
  /** One record per live tenant, sorted by tenant ID. */
  readonly placements: readonly Placement[];
}

const lockSchema = strict({
  lockfileVersion: literal(LOCK_FILE_VERSION),
  placements: list(strict({ id: v.pipe(str(), v.minLength(1)), alb: v.pipe(int(), v.minValue(0)), priority: v.pipe(int(), v.minValue(1)) })),
});

/** Parses lock-file text; TF-TEN-005 when it is not a valid lock. */
export function parseLock(text: string, source: string): TenantLock {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (e) {
    throw lockFileError(source, `is not valid JSON (${(e as Error).message})`, text.slice(0, 80));
  }
  const parsed = v.safeParse(lockSchema, raw);
  if (!parsed.success) {
    const issue = parsed.issues[0];
    const path = pathOf(issue);
    throw lockFileError(source, `does not match the lock schema at ${path.length === 0 ? 'the top level' : formatPath(path)}: ${describeIssue(issue)}`, raw);
  }
  return parsed.output;
}

/**
 * The lock as text: stable key order (id, alb, priority), tenants sorted by
 * ID, two-space indent and a trailing newline, so the same placements always
 * produce the same bytes and diffs show only real changes.
 */
export function formatLock(placements: readonly Placement[]): string {
  const sorted = [...placements].sort((a, b) => compareIds(a.id, b.id));
  const lock: TenantLock = {
    lockfileVersion: LOCK_FILE_VERSION,
    placements: sorted.map((p) => ({ id: p.id, alb: p.alb, priority: p.priority })),
  };
  return `${JSON.stringify(lock, null, 2)}\n`;
}

/** Reads a lock file; a missing file is an empty lock (the first synth). */
export function readLock(lockPath: string): TenantLock {
  if (!fs.existsSync(lockPath)) return { lockfileVersion: LOCK_FILE_VERSION, placements: [] };
  return parseLock(fs.readFileSync(lockPath, 'utf8'), lockPath);
}

/** Reads and validates tenants.json. */
export function readTenants(tenantsPath: string): TenantIntent[] {
  let text: string;
  try {
    text = fs.readFileSync(tenantsPath, 'utf8');
  } catch (e) {
    throw new TenantformError({
      code: 'TF-TEN-001',
      where: `tenants file ${tenantsPath}`,
      problem: `cannot be read (${(e as Error).message}).`,
      value: tenantsPath,
      fix: 'create it with a JSON array of { "id": "...", "tier": "..." } objects.',
    });
  }
  return parseTenants(text, tenantsPath);
}

export interface SyncTenantLockOptions extends Omit<PlacementOptions, 'albCount'> {
  /**
   * `write` updates the lock file; `check` throws TF-TEN-010 when the lock is
   * out of date instead (for CI, like `npm ci`).
   * @default 'write'
   */
  readonly mode?: 'write' | 'check';
}

/** The tenants and where each one lives, ready for building stacks. */
export interface SyncedTenants {
  readonly tenants: readonly TenantIntent[];
  /** Placement per tenant ID, for the tenants that take an ALB slot (see `needsAlbSlot`). */
  readonly placements: ReadonlyMap<string, Placement>;
  /** Whether the lock file was (or, for a plan not yet committed, would be) rewritten. */
  readonly lockChanged: boolean;
}

/** A lock update computed but not yet written: commit it once everything built from it has been validated. */
export interface TenantLockPlan extends SyncedTenants {
  readonly lockPath: string;
  /** The lock's new text. */
  readonly text: string;
}

/**
 * Places the tenants against the current lock without writing anything. Only
 * tenants that take an ALB slot are placed; the rest keep no lock entry.
 * In `check` mode an out-of-date lock throws TF-TEN-010 (for CI, like `npm ci`).
 */
export function planTenantLock(
  tenants: readonly TenantIntent[],
  lockPath: string,
  albCount: number,
  options: SyncTenantLockOptions = {},
): TenantLockPlan {
  const current = fs.existsSync(lockPath) ? fs.readFileSync(lockPath, 'utf8') : undefined;
  const lock = current === undefined ? { placements: [] } : parseLock(current, lockPath);
  const placements = placeTenants(
    tenants.filter(needsAlbSlot).map((t) => t.id),
    lock.placements,
    { albCount, rulesPerListener: options.rulesPerListener, targetGroupsPerAlb: options.targetGroupsPerAlb },
  );
  const text = formatLock(placements);
  const lockChanged = text !== current;
  if (lockChanged && options.mode === 'check') {
    throw new TenantformError({
      code: 'TF-TEN-010',
      where: `tenant lock ${lockPath}`,
      problem: 'the lock is out of date with the tenants and this run may not write it (frozen lock).',
      value: { tenants: tenants.length, locked: lock.placements.length },
      fix: 'run the synth locally without TENANTFORM_FROZEN_LOCK and commit the updated lock file.',
    });
  }
  return { tenants, placements: new Map(placements.map((p) => [p.id, p])), lockChanged, lockPath, text };
}

/**
 * Writes a planned lock when it changed: to a temporary file beside it, then
 * renamed over it, so a crash never leaves a half-written lock.
 */
export function commitTenantLock(plan: TenantLockPlan): void {
  if (!plan.lockChanged) return;
  const temp = `${plan.lockPath}.${process.pid}.tmp`;
  try {
    fs.writeFileSync(temp, plan.text);
    fs.renameSync(temp, plan.lockPath);
  } catch (e) {
    fs.rmSync(temp, { force: true });
    throw new TenantformError({
      code: 'TF-TEN-011',
      where: `tenant lock ${plan.lockPath}`,
      problem: `the lock cannot be written (${(e as Error).message}).`,
      value: plan.lockPath,
      fix: 'check that the folder exists and is writable.',
    });
  }
}

/**
 * The synth-time step for a tenants.json file: reads it and the lock, places
 * new tenants, drops removed ones, and writes the lock when (and only when)
 * it changed. `TenantFleet` does the same but writes only after its stacks
 * are built.
 */
export function syncTenantLock(
  tenantsPath: string,
  lockPath: string,
  albCount: number,
  options: SyncTenantLockOptions = {},
): SyncedTenants {
  const plan = planTenantLock(readTenants(tenantsPath), lockPath, albCount, options);
  commitTenantLock(plan);
  return { tenants: plan.tenants, placements: plan.placements, lockChanged: plan.lockChanged };
}

function lockFileError(source: string, problem: string, value: unknown): TenantformError {
  return new TenantformError({
    code: 'TF-TEN-005',
    where: `tenant lock ${source}`,
    problem: `${problem}.`,
    value,
    fix: 'restore the lock from version control, or delete it to place every tenant afresh (this moves deployed tenants).',
  });
}
