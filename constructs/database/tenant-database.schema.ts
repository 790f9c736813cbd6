import { TenantformError } from '../../core/errors';
import { bool, byKey, int, literal, num, oneOf, opt, Schema, str, strict, UnknownKeyHook, v, ref } from '../../core/validation';
import { PlacementSchema, TenantPlatformRefsSchema } from '../platform-refs.schema';
import type { TenantEngine } from '../tenancy/tenants-file';
import type {
  AuroraServerlessDatabaseProps,
  DatabaseSettingsOf,
  Ec2EbsDatabaseProps,
  RdsPostgresDatabaseProps,
  TenantDatabaseProps,
} from './tenant-database-props';

/** Settings per engine: what a stack may pass through for it. */
const ec2EbsSettings = {
  backupRetentionDays: opt(int()),
  port: opt(int()),
  instanceType: opt(str()),
  storageGiB: opt(int()),
  iops: opt(int()),
  throughputMiBps: opt(int()),
  backupSchedule: opt(str()),
  image: opt(str()),
  amiId: opt(ref()),
  rootVolumeSizeGiB: opt(int()),
  subnetIndex: opt(int()),
  registryEgress: opt(oneOf(['nat', 'endpoints-only'] as const)),
};
const managedSettings = { backupRetentionDays: opt(int()), port: opt(int()), multiAz: opt(bool()), deletionProtection: opt(bool()), engineVersion: opt(str()) };
const rdsSettings = { ...managedSettings, instanceType: opt(str()), storageGiB: opt(int()) };
// ACUs come in half steps; TF-TEN-104 checks the step.
const auroraSettings = { ...managedSettings, minCapacityAcu: opt(num()), maxCapacityAcu: opt(num()) };

const common = { tenantId: ref(), platform: TenantPlatformRefsSchema, synthetic: opt(bool()) };

export const Ec2EbsDatabasePropsSchema = strict({ ...common, ...ec2EbsSettings, engine: literal('ec2-ebs'), placement: opt(PlacementSchema) }) satisfies Schema<Ec2EbsDatabaseProps>;
export const RdsPostgresDatabasePropsSchema = strict({ ...common, ...rdsSettings, engine: literal('rds-postgres') }) satisfies Schema<RdsPostgresDatabaseProps>;
export const AuroraServerlessDatabasePropsSchema = strict({ ...common, ...auroraSettings, engine: literal('aurora-postgres-serverless-v2') }) satisfies Schema<AuroraServerlessDatabaseProps>;

export const TenantDatabasePropsSchema = byKey('engine', [Ec2EbsDatabasePropsSchema, RdsPostgresDatabasePropsSchema, AuroraServerlessDatabasePropsSchema]) satisfies Schema<TenantDatabaseProps>;

const SETTINGS = {
  'ec2-ebs': strict(ec2EbsSettings) satisfies Schema<DatabaseSettingsOf<'ec2-ebs'>>,
  'rds-postgres': strict(rdsSettings) satisfies Schema<DatabaseSettingsOf<'rds-postgres'>>,
  'aurora-postgres-serverless-v2': strict(auroraSettings) satisfies Schema<DatabaseSettingsOf<'aurora-postgres-serverless-v2'>>,
} as const;

/** The settings schema of one engine (for stacks, where the engine comes from the tenant). */
export function databaseSettingsSchema(engine: TenantEngine): v.GenericSchema {
  return SETTINGS[engine] ?? SETTINGS['ec2-ebs'];
}

/** Which engines each engine-specific setting applies to; derived from the schemas, so there is no table to keep. */
function enginesOf(key: string): TenantEngine[] {
  return (Object.keys(SETTINGS) as TenantEngine[]).filter((e) => key in SETTINGS[e].entries);
}

/**
 * A key of another engine is a setting that does not apply (TF-TEN-131),
 * and a placement on a managed engine has its own code (TF-TEN-157): both
 * say more than "unknown key".
 */
export function engineKeyHook(where: string, engineAt: (root: unknown, path: readonly (string | number)[]) => unknown): UnknownKeyHook {
  return (path, key, value, root) => {
    const engine = engineAt(root, path);
    if (key === 'placement' && engine !== 'ec2-ebs') {
      return new TenantformError({
        code: 'TF-TEN-157',
        where,
        problem: `engine ${String(engine)} has no ALB route, so it takes no placement.`,
        value: { engine, placement: value },
        fix: 'leave placement out for managed engines (TenantFleet does); clients reach the database inside the VPC (see the README, "Tenants of managed engines").',
      });
    }
    const engines = enginesOf(key);
    if (engines.length === 0) return undefined;
    return new TenantformError({
      code: 'TF-TEN-131',
      where,
      problem: `${key} does not apply to engine ${String(engine)} (only to ${engines.join(', ')}).`,
      value: { [key]: value },
      fix: `remove ${key}, or choose an engine it applies to.`,
    });
  };
}
