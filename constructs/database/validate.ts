import { Environment, holdsCustomerData } from '../../core/environment';
import { ErrorCode, TenantformError } from '../../core/errors';
import { assertTenantId } from '../tenancy/tenant-id';
import { TENANT_ENGINES } from '../tenancy/tenants-file';
import { parseEcrImage } from './ecr-image';
import {
  AURORA_ACU_LIMITS,
  EC2_FAMILIES,
  GP3_LIMITS,
  RDS_FAMILIES,
  RDS_STORAGE_LIMITS,
  RETENTION_LIMITS,
  ROOT_VOLUME_LIMITS,
} from './engine-limits';
import { Ec2EbsDatabaseProps, ManagedDatabaseProps, TenantDatabaseProps } from './tenant-database-props';

/** Settings for ec2-ebs, checked and with defaults filled in. */
export interface Ec2EbsSettings {
  readonly instanceType: string;
  readonly arch: 'arm64' | 'x86_64';
  readonly storageGiB: number;
  readonly iops: number;
  readonly throughputMiBps: number;
  readonly backupRetentionDays: number;
  readonly backupSchedule: string;
  readonly port: number;
  readonly rootVolumeSizeGiB: number;
}

/** Settings shared by the managed engines. */
export interface ManagedSettings {
  readonly instanceClass: string;
  readonly storageGiB: number;
  readonly backupRetentionDays: number;
  readonly multiAz: boolean;
  readonly deletionProtection: boolean;
  readonly minCapacityAcu: number;
  readonly maxCapacityAcu: number;
  readonly engineVersion: string;
  readonly port: number;
}

/** The engine picks the props' shape, so it is checked first, with its own code. */
export function assertEngine(engine: unknown, where: string): void {
  if (!(TENANT_ENGINES as readonly unknown[]).includes(engine)) {
    throw new TenantformError({ code: 'TF-TEN-156', where, problem: 'engine is not a known engine.', value: engine, fix: `use one of ${TENANT_ENGINES.join(', ')}.` });
  }
}

/** Checks what every engine shares: tenant ID, engine, data class, placement, port, retention. */
export function validateCommon(props: TenantDatabaseProps, env: Environment, where: string): void {
  assertTenantId(props.tenantId, where);
  assertEngine(props.engine, where);
  if (!holdsCustomerData(env) && props.synthetic !== true) {
    throw new TenantformError({
      code: 'TF-TEN-141',
      where,
      problem: `environment "${env.name}" does not hold customer data, so its tenant databases must be declared synthetic.`,
      value: { environment: env.name, tenantId: props.tenantId, synthetic: props.synthetic },
      fix: 'set synthetic: true (in tenants.json or the props) and load generated data only; real customer data belongs in a customer-data environment.',
    });
  }
  // Settings of another engine, and a placement on a managed engine, are refused by the props schema (TF-TEN-131, TF-TEN-157).
  if (props.engine !== 'ec2-ebs') return validatePort(props, where);
  if (props.placement === undefined || props.placement === null || typeof props.placement !== 'object') {
    throw new TenantformError({
      code: 'TF-TEN-158',
      where,
      problem: 'an ec2-ebs tenant needs its placement on the ALB pool.',
      value: props.placement,
      fix: "pass the tenant's record from the lock (TenantFleet does this for you).",
    });
  }
  const placement = props.placement;
  if (placement.id !== props.tenantId) {
    throw new TenantformError({
      code: 'TF-TEN-153',
      where,
      problem: 'the placement belongs to another tenant.',
      value: { tenantId: props.tenantId, placement: props.placement },
      fix: "pass this tenant's own record from the lock.",
    });
  }
  if (!props.platform.albs.some((a) => a.index === placement.alb)) {
    throw new TenantformError({
      code: 'TF-TEN-153',
      where,
      problem: `the placement names ALB ${placement.alb}, which the platform's pool does not have.`,
      value: { placement, pool: props.platform.albs.map((a) => a.index) },
      fix: 'grow the platform pool to cover every ALB in the lock, or pass the matching platform refs.',
    });
  }
  validatePort(props, where);
}

function validatePort(props: TenantDatabaseProps, where: string): void {
  if (props.port !== undefined && (!Number.isInteger(props.port) || props.port < 1024 || props.port > 65535)) {
    throw new TenantformError({ code: 'TF-TEN-152', where, problem: 'port must be an integer in 1024-65535 (unprivileged).', value: props.port, fix: 'use the port the database listens on, e.g. 8080 or 5432.' });
  }
}

export function validateEc2Ebs(props: Ec2EbsDatabaseProps, where: string): Ec2EbsSettings {
  const instanceType = props.instanceType ?? 't4g.medium';
  const [family, size] = splitType(instanceType, undefined, where);
  const spec = EC2_FAMILIES[family];
  if (!spec) throw unknownFamily(instanceType, Object.keys(EC2_FAMILIES), where, '');
  if (!spec.sizes.includes(size)) throw unknownSize(instanceType, family, spec.sizes, where);

  const storageGiB = props.storageGiB ?? 100;
  range('TF-TEN-101', 'storageGiB (gp3 data volume)', storageGiB, GP3_LIMITS.minSizeGiB, GP3_LIMITS.maxSizeGiB, where);
  const iops = props.iops ?? GP3_LIMITS.minIops;
  range('TF-TEN-102', 'iops (gp3)', iops, GP3_LIMITS.minIops, GP3_LIMITS.maxIops, where);
  if (iops > storageGiB * GP3_LIMITS.maxIopsPerGiB) {
    throw new TenantformError({ code: 'TF-TEN-102', where, problem: `gp3 allows at most ${GP3_LIMITS.maxIopsPerGiB} IOPS per GiB.`, value: { iops, storageGiB }, fix: `lower iops to ${storageGiB * GP3_LIMITS.maxIopsPerGiB} or grow the volume to ${Math.ceil(iops / GP3_LIMITS.maxIopsPerGiB)} GiB.` });
  }
  const throughputMiBps = props.throughputMiBps ?? GP3_LIMITS.minThroughputMiBps;
  range('TF-TEN-103', 'throughputMiBps (gp3)', throughputMiBps, GP3_LIMITS.minThroughputMiBps, GP3_LIMITS.maxThroughputMiBps, where);
  if (throughputMiBps > iops * GP3_LIMITS.maxThroughputPerIops) {
    throw new TenantformError({ code: 'TF-TEN-103', where, problem: `gp3 allows at most ${GP3_LIMITS.maxThroughputPerIops} MiB/s per provisioned IOPS.`, value: { throughputMiBps, iops }, fix: `raise iops to ${Math.ceil(throughputMiBps / GP3_LIMITS.maxThroughputPerIops)} or lower throughputMiBps.` });
  }
  const rootVolumeSizeGiB = props.rootVolumeSizeGiB ?? 20;
  range('TF-TEN-105', 'rootVolumeSizeGiB', rootVolumeSizeGiB, ROOT_VOLUME_LIMITS.minSizeGiB, ROOT_VOLUME_LIMITS.maxSizeGiB, where);
  const backupRetentionDays = props.backupRetentionDays ?? 14;
  range('TF-TEN-111', 'backupRetentionDays (data volume snapshots)', backupRetentionDays, RETENTION_LIMITS.snapshots.min, RETENTION_LIMITS.snapshots.max, where);
  const backupSchedule = props.backupSchedule ?? 'cron(0 3 * * ? *)';
  if (!/^cron\((\S+ ){5}\S+\)$/.test(backupSchedule)) {
    throw new TenantformError({ code: 'TF-TEN-112', where, problem: 'backupSchedule must be an AWS Backup cron expression with six fields.', value: backupSchedule, fix: 'use e.g. "cron(0 3 * * ? *)" for daily at 03:00 UTC.' });
  }
  if (props.image === undefined || parseEcrImage(props.image) === undefined) {
    throw new TenantformError({
      code: 'TF-TEN-151',
      where,
      problem: 'ec2-ebs needs the database image as a private ECR image reference with a tag or digest.',
      value: props.image,
      fix: 'pass image: "<account>.dkr.ecr.<region>.amazonaws.com/<repository>:<tag>".',
    });
  }
  if (props.subnetIndex !== undefined && (!Number.isInteger(props.subnetIndex) || props.subnetIndex < 0 || props.subnetIndex >= props.platform.privateSubnetIds.length)) {
    throw new TenantformError({ code: 'TF-TEN-154', where, problem: `subnetIndex must pick one of the ${props.platform.privateSubnetIds.length} private subnets.`, value: props.subnetIndex, fix: `use 0-${props.platform.privateSubnetIds.length - 1}, or leave it unset.` });
  }
  if (props.platform.privateSubnetIds.length === 0) {
    throw new TenantformError({ code: 'TF-TEN-154', where, problem: 'ec2-ebs hosts live in private subnets, and the platform gives none.', value: props.platform.privateSubnetIds, fix: 'pass the private subnet IDs of the shared VPC.' });
  }
  return { instanceType, arch: spec.arch, storageGiB, iops, throughputMiBps, backupRetentionDays, backupSchedule, port: props.port ?? 8080, rootVolumeSizeGiB };
}

export function validateManaged(props: ManagedDatabaseProps, defaultMultiAz: boolean, where: string): ManagedSettings {
  const aurora = props.engine === 'aurora-postgres-serverless-v2';
  let instanceClass = 'db.serverless';
  if (props.engine === 'rds-postgres') {
    instanceClass = props.instanceType ?? 'db.t4g.medium';
    const [family, size] = splitType(instanceClass, 'db.', where);
    const sizes = RDS_FAMILIES[family];
    if (!sizes) throw unknownFamily(instanceClass, Object.keys(RDS_FAMILIES), where, 'db.');
    if (!sizes.includes(size)) throw unknownSize(instanceClass, `db.${family}`, sizes, where);
  }
  const storageGiB = (props.engine === 'rds-postgres' ? props.storageGiB : undefined) ?? 100;
  if (!aurora) range('TF-TEN-101', 'storageGiB (RDS gp3 storage)', storageGiB, RDS_STORAGE_LIMITS.minSizeGiB, RDS_STORAGE_LIMITS.maxSizeGiB, where);
  const minCapacityAcu = (props.engine === 'aurora-postgres-serverless-v2' ? props.minCapacityAcu : undefined) ?? 0.5;
  const maxCapacityAcu = (props.engine === 'aurora-postgres-serverless-v2' ? props.maxCapacityAcu : undefined) ?? 8;
  if (aurora) {
    for (const [name, value] of [['minCapacityAcu', minCapacityAcu], ['maxCapacityAcu', maxCapacityAcu]] as const) {
      range('TF-TEN-104', name, value, AURORA_ACU_LIMITS.min, AURORA_ACU_LIMITS.max, where, false);
      if (value % AURORA_ACU_LIMITS.step !== 0) {
        throw new TenantformError({ code: 'TF-TEN-104', where, problem: `${name} must be a multiple of ${AURORA_ACU_LIMITS.step} ACU.`, value, fix: 'round it to the nearest half ACU.' });
      }
    }
    if (minCapacityAcu > maxCapacityAcu || maxCapacityAcu < 1) {
      throw new TenantformError({ code: 'TF-TEN-104', where, problem: 'Aurora Serverless v2 needs minCapacityAcu <= maxCapacityAcu and maxCapacityAcu >= 1.', value: { minCapacityAcu, maxCapacityAcu }, fix: 'raise maxCapacityAcu or lower minCapacityAcu.' });
    }
  }
  const backupRetentionDays = props.backupRetentionDays ?? 14;
  range('TF-TEN-111', 'backupRetentionDays (automated backups)', backupRetentionDays, RETENTION_LIMITS.managed.min, RETENTION_LIMITS.managed.max, where);
  if (props.platform.isolatedSubnetIds.length < 2) {
    throw new TenantformError({ code: 'TF-TEN-154', where, problem: 'managed databases need isolated subnets in at least two AZs (an RDS subnet group requirement).', value: props.platform.isolatedSubnetIds, fix: 'pass the isolated subnet IDs of the shared VPC.' });
  }
  return {
    instanceClass,
    storageGiB,
    backupRetentionDays,
    multiAz: props.multiAz ?? defaultMultiAz,
    deletionProtection: props.deletionProtection ?? true,
    minCapacityAcu,
    maxCapacityAcu,
    engineVersion: props.engineVersion ?? (aurora ? '16.6' : '16'),
    port: props.port ?? 5432,
  };
}

function splitType(value: string, prefix: string | undefined, where: string): [string, string] {
  const re = prefix ? /^db\.([a-z0-9]+)\.([a-z0-9]+)$/ : /^([a-z0-9]+)\.([a-z0-9]+)$/;
  const m = typeof value === 'string' ? re.exec(value) : null;
  if (!m) {
    throw new TenantformError({
      code: 'TF-TEN-121',
      where,
      problem: `instance type must look like "${prefix ?? ''}<family>.<size>".`,
      value,
      fix: prefix ? 'use a DB instance class such as "db.m7g.large".' : 'use an EC2 instance type such as "m7g.large".',
    });
  }
  return [m[1]!, m[2]!];
}

function unknownFamily(value: string, families: readonly string[], where: string, prefix: string): TenantformError {
  return new TenantformError({
    code: 'TF-TEN-121',
    where,
    problem: 'instance family is not one offered for tenant databases.',
    value,
    fix: `use one of the families ${families.map((f) => `${prefix}${f}`).join(', ')}.`,
  });
}

function unknownSize(value: string, family: string, sizes: readonly string[], where: string): TenantformError {
  return new TenantformError({
    code: 'TF-TEN-122',
    where,
    problem: `family ${family} has no such size.`,
    value,
    fix: `use one of ${sizes.map((s) => `${family}.${s}`).join(', ')}.`,
  });
}

function range(code: ErrorCode, name: string, value: number, min: number, max: number, where: string, integer = true): void {
  if (typeof value !== 'number' || !Number.isFinite(value) || (integer && !Number.isInteger(value)) || value < min || value > max) {
    throw new TenantformError({
      code,
      where,
      problem: `${name} must be ${integer ? 'an integer ' : ''}between ${min} and ${max}.`,
      value,
      fix: `pick a value in ${min}-${max}.`,
    });
  }
}
