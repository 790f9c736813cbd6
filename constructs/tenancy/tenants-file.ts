import { bool, describeIssue, int, list, oneOf, opt, pathOf, str, strict, v } from '../../core/validation';
import { TenantformError } from '../../core/errors';
import { TENANT_ID_PATTERN } from './tenant-id';
import { TENANT_TIERS, TenantTier } from './tiers';

/** Database engines a tenant may ask for in tenants.json. */
export const TENANT_ENGINES = ['ec2-ebs', 'rds-postgres', 'aurora-postgres-serverless-v2'] as const;
export type TenantEngine = (typeof TENANT_ENGINES)[number];

/** Whether the tenant takes a slot on the ALB pool: only hosts behind an ALB do; managed engines have no HTTP route. */
export function needsAlbSlot(tenant: Pick<TenantIntent, 'engine'>): boolean {
  return (tenant.engine ?? 'ec2-ebs') === 'ec2-ebs';
}

/** One entry of tenants.json: the user's intent for one tenant. */
export interface TenantIntent {
  /** DNS label; the tenant's host is `<id>.<domain>`. */
  readonly id: string;
  /** Service tier; sets the API quota and throttle. */
  readonly tier: TenantTier;
  /**
   * Database engine.
   * @default 'ec2-ebs'
   */
  readonly engine?: TenantEngine;
  /**
   * Instance type (EC2 type for ec2-ebs, DB class for rds-postgres).
   * @default - the engine's default
   */
  readonly instanceType?: string;
  /**
   * Data storage size.
   * @default - the engine's default
   */
  readonly storageGiB?: number;
  /**
   * The tenant holds generated test data only. Required in environments that
   * do not hold customer data.
   * @default false
   */
  readonly synthetic?: boolean;
  /**
   * Tear the tenant down: the API key and host go, the usage plan and data
   * stores are kept out of Terraform's hands (see TenantDatabaseStack).
   * @default false
   */
  readonly decommission?: boolean;
}

// Unknown keys are typos more often than intent; the kit's strict objects reject them.
const tenantSchema = strict({
  id: v.pipe(str(), v.regex(TENANT_ID_PATTERN)),
  tier: oneOf(TENANT_TIERS),
  engine: opt(oneOf(TENANT_ENGINES)),
  instanceType: opt(v.pipe(str(), v.minLength(1))),
  storageGiB: opt(v.pipe(int(), v.minValue(1))),
  synthetic: opt(bool()),
  decommission: opt(bool()),
});

const tenantsSchema = list(tenantSchema);

/**
 * Parses and validates the contents of tenants.json. `source` names the file
 * in error messages. Throws TF-TEN-001 (shape), TF-TEN-002 (ID), TF-TEN-003
 * (duplicate ID) or TF-TEN-004 (tier).
 */
export function parseTenants(text: string, source: string): TenantIntent[] {
  const where = `tenants file ${source}`;
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (e) {
    throw new TenantformError({
      code: 'TF-TEN-001',
      where,
      problem: `is not valid JSON (${(e as Error).message}).`,
      value: text.slice(0, 80),
      fix: 'write a JSON array of { "id": "...", "tier": "..." } objects.',
    });
  }
  return validateTenants(raw, source);
}

/**
 * Validates tenants given as values (an array from code, or parsed JSON) with
 * the same rules and codes as tenants.json. Returns them as a fresh array.
 */
export function validateTenants(raw: unknown, source: string): TenantIntent[] {
  const where = `tenants file ${source}`;
  const parsed = v.safeParse(tenantsSchema, raw);
  if (!parsed.success) throw schemaError(parsed.issues[0], raw, where);
  const seen = new Set<string>();
  for (const tenant of parsed.output) {
    if (seen.has(tenant.id)) {
      throw new TenantformError({
        code: 'TF-TEN-003',
        where,
        problem: 'tenant IDs must be unique; this one appears more than once.',
        value: tenant.id,
        fix: 'remove the duplicate entry, or give the second tenant its own ID.',
      });
    }
    seen.add(tenant.id);
  }
  return parsed.output;
}

function schemaError(issue: v.BaseIssue<unknown>, raw: unknown, where: string): TenantformError {
  const path = pathOf(issue);
  const at = path.length === 0 ? 'the top level' : path.map((p) => (typeof p === 'number' ? `[${p}]` : `.${p}`)).join('');
  const value = valueAt(raw, path);
  // A missing field is a shape error; a present but wrong ID or tier gets its own code.
  const field = value === undefined ? undefined : path[1];
  if (path.length === 2 && field === 'id') {
    return new TenantformError({
      code: 'TF-TEN-002',
      where: `${where} ${at}`,
      problem: 'tenant ID must be a DNS label: 1-63 lowercase letters, digits or hyphens, starting with a letter and not ending with a hyphen.',
      value,
      fix: 'use an ID such as "acme" or "acme-eu"; it becomes the host name <id>.<domain>.',
    });
  }
  if (path.length === 2 && field === 'tier') {
    return new TenantformError({
      code: 'TF-TEN-004',
      where: `${where} ${at}`,
      problem: 'tier is not a known tier.',
      value,
      fix: `use one of ${TENANT_TIERS.map((t) => `"${t}"`).join(', ')}.`,
    });
  }
  return new TenantformError({
    code: 'TF-TEN-001',
    where: `${where} ${at}`,
    problem: `does not match the tenants.json schema: ${describeIssue(issue)}.`,
    value,
    fix: 'each entry is { "id", "tier" } plus optional "engine", "instanceType", "storageGiB", "synthetic", "decommission".',
  });
}

function valueAt(raw: unknown, path: readonly (string | number)[]): unknown {
  let cur: unknown = raw;
  for (const key of path) {
    if (cur === null || typeof cur !== 'object') return undefined;
    cur = (cur as Record<string | number, unknown>)[key];
  }
  return cur;
}
