import { TenantformError } from '../../core/errors';
import { MAX_ALB_COUNT } from '../platform/alb-pool/quotas';
import { Placement } from '../platform-refs';

/**
 * AWS default quotas that bound how many tenants one ALB can serve. Each
 * tenant adds one listener rule and one target group to its ALB.
 * Source: "Quotas for your Application Load Balancers" (Elastic Load Balancing
 * user guide): 100 rules per ALB excluding default rules (adjustable), 100
 * target groups per ALB (not adjustable). Rule priorities range 1-50,000.
 */
export const ALB_DEFAULT_QUOTAS = {
  rulesPerListener: 100,
  targetGroupsPerAlb: 100,
} as const;

/** Highest listener-rule priority AWS accepts. */
export const MAX_RULE_PRIORITY = 50_000;

export interface PlacementOptions {
  /** Number of ALBs in the pool; placements use indexes 0..albCount-1. */
  readonly albCount: number;
  /**
   * Listener rules one ALB may hold (raise it after a quota increase).
   * @default 100
   */
  readonly rulesPerListener?: number;
  /**
   * Target groups one ALB may hold. AWS does not raise this quota.
   * @default 100
   */
  readonly targetGroupsPerAlb?: number;
}

const WHERE = 'placeTenants';

/**
 * Places tenants on the ALB pool. Pure and deterministic.
 *
 * - Tenants in `lock` keep their ALB and priority (an existing tenant never moves).
 * - Lock entries for tenants no longer in `tenantIds` are dropped.
 * - New tenants are placed in ID order (so reordering the intent changes
 *   nothing), each on the ALB with the fewest tenants, ties to the lowest
 *   index, with the lowest priority not held on that listener.
 *
 * Returns the new lock, sorted by tenant ID.
 */
export function placeTenants(
  tenantIds: readonly string[],
  lock: readonly Placement[],
  options: PlacementOptions,
): Placement[] {
  const capacity = capacityOf(options);
  const albCount = options.albCount;
  const wanted = new Set(tenantIds);
  const counts = new Array<number>(albCount).fill(0);
  const used: Set<number>[] = Array.from({ length: albCount }, () => new Set<number>());
  const placed = new Map<string, Placement>();

  for (const entry of lock) {
    if (!wanted.has(entry.id)) continue;
    if (placed.has(entry.id)) {
      throw lockError(`tenant "${entry.id}" appears twice in the lock.`, entry, 'delete one of the two entries; keep the one that matches the deployed listener rule.');
    }
    if (!Number.isInteger(entry.alb) || entry.alb < 0) {
      throw lockError('ALB index must be a non-negative integer.', entry, 'restore the lock entry from version control.');
    }
    if (entry.alb >= albCount) {
      throw new TenantformError({
        code: 'TF-TEN-007',
        where: WHERE,
        problem: `the lock places a tenant on ALB ${entry.alb}, but the pool has only ${albCount} ALB(s); tenants never move, so the pool cannot shrink below them.`,
        value: entry,
        fix: `keep at least ${entry.alb + 1} ALBs in the pool (albCount).`,
      });
    }
    if (!Number.isInteger(entry.priority) || entry.priority < 1 || entry.priority > MAX_RULE_PRIORITY) {
      throw lockError(`priority must be an integer in 1-${MAX_RULE_PRIORITY}.`, entry, 'restore the lock entry from version control.');
    }
    if (used[entry.alb]!.has(entry.priority)) {
      throw lockError(`priority ${entry.priority} is held twice on ALB ${entry.alb}.`, entry, 'restore the lock from version control; priorities must be unique per listener.');
    }
    used[entry.alb]!.add(entry.priority);
    counts[entry.alb]!++;
    placed.set(entry.id, { id: entry.id, alb: entry.alb, priority: entry.priority });
  }

  const fresh = [...wanted].filter((id) => !placed.has(id)).sort(compareIds);
  // Per-ALB cursor: priorities below it are known to be taken, so each
  // listener is scanned at most once over the whole call.
  const cursor = new Array<number>(albCount).fill(1);
  for (const id of fresh) {
    const alb = fewestTenants(counts);
    if (counts[alb]! >= capacity) {
      throw new TenantformError({
        code: 'TF-TEN-008',
        where: WHERE,
        problem: `the ALB pool is full: all ${albCount} ALB(s) hold ${capacity} tenants (one listener rule and one target group each), so tenant "${id}" cannot be placed.`,
        value: { albCount, capacityPerAlb: capacity, tenants: tenantIds.length },
        fix: `grow the pool: add an ALB to the shared platform and raise albCount to at least ${Math.ceil(wanted.size / capacity)}.`,
      });
    }
    let priority = cursor[alb]!;
    while (used[alb]!.has(priority)) priority++;
    if (priority > MAX_RULE_PRIORITY) {
      throw new TenantformError({
        code: 'TF-TEN-008',
        where: WHERE,
        problem: `ALB ${alb} has no listener-rule priority left for tenant "${id}".`,
        value: { alb, priority },
        fix: 'grow the pool: add an ALB to the shared platform and raise albCount.',
      });
    }
    used[alb]!.add(priority);
    cursor[alb] = priority + 1;
    counts[alb]!++;
    placed.set(id, { id, alb, priority });
  }
  return [...placed.values()].sort((a, b) => compareIds(a.id, b.id));
}

function capacityOf(options: PlacementOptions): number {
  const { albCount } = options;
  const rules = options.rulesPerListener ?? ALB_DEFAULT_QUOTAS.rulesPerListener;
  const groups = options.targetGroupsPerAlb ?? ALB_DEFAULT_QUOTAS.targetGroupsPerAlb;
  for (const [name, value] of [['albCount', albCount], ['rulesPerListener', rules], ['targetGroupsPerAlb', groups]] as const) {
    // The pool size also sizes arrays here: an unbounded one (2**53) would end in a RangeError, not a coded error.
    const max = name === 'albCount' ? MAX_ALB_COUNT : MAX_RULE_PRIORITY;
    if (!Number.isInteger(value) || value < 1 || value > max) {
      throw new TenantformError({
        code: 'TF-TEN-009',
        where: WHERE,
        problem: `${name} must be a whole number from 1 to ${max}.`,
        value,
        fix: name === 'albCount' ? 'pass the number of ALBs in the shared platform pool.' : 'pass the quota from Service Quotas, or leave it unset for the AWS default.',
      });
    }
  }
  return Math.min(rules, groups);
}

/** Index of the ALB with the fewest tenants; ties go to the lowest index. */
function fewestTenants(counts: readonly number[]): number {
  let best = 0;
  for (let i = 1; i < counts.length; i++) if (counts[i]! < counts[best]!) best = i;
  return best;
}

/** Code-point order: locale-independent, so every machine writes the same lock. */
export function compareIds(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function lockError(problem: string, entry: Placement, fix: string): TenantformError {
  return new TenantformError({ code: 'TF-TEN-006', where: WHERE, problem: `the lock is inconsistent: ${problem}`, value: entry, fix });
}
