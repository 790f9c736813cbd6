import { TenantformError } from '../../../core/errors';
import { Placement } from '../../platform-refs';
import { isDnsLabel } from '../edge/domain-names';

/** Upper bound on the pool: Elastic Load Balancing allows 50 ALBs per Region by default, shared with everything else. */
export const MAX_ALB_COUNT = 20;
/** Elastic Load Balancing default quota: rules per ALB, default rules excluded. */
export const DEFAULT_RULES_PER_ALB = 100;
/** Listener-rule priorities AWS accepts. */
export const MAX_RULE_PRIORITY = 50_000;
/** Labels that name platform endpoints, so no tenant may take them. */
export const RESERVED_TENANT_IDS: readonly string[] = ['gateway', 'www', 'api', 'status'];

export function validateAlbCount(count: number, where: string): number {
  if (!Number.isInteger(count) || count < 1 || count > MAX_ALB_COUNT) {
    throw new TenantformError({
      code: 'TF-PLT-004',
      where,
      problem: `albCount must be a whole number from 1 to ${MAX_ALB_COUNT}.`,
      value: count,
      fix: `use 2 (the default) or more for resilience; beyond ${MAX_ALB_COUNT} raise the Region's ALB quota and split environments instead.`,
    });
  }
  return count;
}

export function validateRulesPerAlb(rules: number, where: string): number {
  if (!Number.isInteger(rules) || rules < 1 || rules > 1000) {
    throw new TenantformError({
      code: 'TF-PLT-006',
      where,
      problem: 'rulesPerAlb must be a whole number from 1 to 1000 (the ceiling AWS grants on request).',
      value: rules,
      fix: `use ${DEFAULT_RULES_PER_ALB} (the default quota) unless AWS raised it for the account.`,
    });
  }
  return rules;
}

/**
 * Checks tenant placements against the pool: valid, unique tenant IDs; an ALB
 * index inside the pool; priorities AWS accepts and unique per listener; and
 * no ALB holding more tenant rules than its quota.
 */
export function validatePlacements(placements: readonly Placement[], albCount: number, rulesPerAlb: number, where: string): void {
  const ids = new Set<string>();
  const priorities = new Map<string, string>();
  const perAlb = new Map<number, number>();
  for (const p of placements) {
    if (!isDnsLabel(p.id) || RESERVED_TENANT_IDS.includes(p.id) || ids.has(p.id)) {
      throw new TenantformError({
        code: 'TF-PLT-010',
        where,
        problem: ids.has(p.id)
          ? 'tenant ID is placed twice.'
          : `tenant ID must be one lowercase DNS label (1-63 letters, digits, hyphens) and not one of ${RESERVED_TENANT_IDS.join(', ')}.`,
        value: p.id,
        fix: 'use the tenant ID from the lock file; each tenant appears once.',
      });
    }
    ids.add(p.id);
    if (!Number.isInteger(p.alb) || p.alb < 0 || p.alb >= albCount) {
      throw new TenantformError({
        code: 'TF-PLT-005',
        where,
        problem: `tenant "${p.id}" is placed on an ALB the pool does not have (pool indexes 0..${albCount - 1}).`,
        value: p.alb,
        fix: 'keep albCount at least as large as the highest placement index plus one; never shrink the pool under placed tenants.',
      });
    }
    const key = `${p.alb}:${p.priority}`;
    if (!Number.isInteger(p.priority) || p.priority < 1 || p.priority > MAX_RULE_PRIORITY || priorities.has(key)) {
      throw new TenantformError({
        code: 'TF-PLT-007',
        where,
        problem: priorities.has(key)
          ? `tenant "${p.id}" shares listener-rule priority ${p.priority} on ALB ${p.alb} with tenant "${priorities.get(key)}".`
          : `listener-rule priority of tenant "${p.id}" must be a whole number from 1 to ${MAX_RULE_PRIORITY}.`,
        value: p.priority,
        fix: 'take priorities from the placement lock file, which keeps them unique per ALB.',
      });
    }
    priorities.set(key, p.id);
    perAlb.set(p.alb, (perAlb.get(p.alb) ?? 0) + 1);
  }
  for (const [alb, count] of perAlb) {
    if (count > rulesPerAlb) {
      throw new TenantformError({
        code: 'TF-PLT-006',
        where,
        problem: `ALB ${alb} would hold ${count} tenant listener rules; its quota is ${rulesPerAlb}.`,
        value: count,
        fix: 'add an ALB to the pool (albCount) so new tenants land there, or raise the rules-per-ALB quota and set rulesPerAlb.',
      });
    }
  }
}
