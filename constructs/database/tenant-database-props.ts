import { Placement, TenantPlatformRefs } from '../platform-refs';
import { TenantEngine } from '../tenancy/tenants-file';

export { TenantEngine };

/** What every engine takes. */
interface TenantDatabaseCommonProps {
  /** The tenant's ID, a DNS label; tags every resource. */
  readonly tenantId: string;
  /** What the shared platform provides: network, KMS key, ALB pool, routing tier. */
  readonly platform: TenantPlatformRefs;
  /**
   * The tenant holds generated test data only. Required where the environment
   * does not hold customer data; in one that does, data is always classed as
   * customer data.
   * @default false
   */
  readonly synthetic?: boolean;
  /**
   * How long backups are kept: snapshots of the data volume (`ec2-ebs`,
   * 1-3650) or automated backups (managed engines, 1-35).
   * @default 14
   */
  readonly backupRetentionDays?: number;
  /**
   * Port the database listens on.
   * @default 8080 for ec2-ebs, 5432 for managed engines
   */
  readonly port?: number;
}

/** A container on an immutable EC2 host with a dedicated EBS data volume (the reference engine). */
export interface Ec2EbsDatabaseProps extends TenantDatabaseCommonProps {
  readonly engine: 'ec2-ebs';
  /**
   * The tenant's record from the lock: its ALB (whose security group may reach the host).
   * @default - none; required (TF-TEN-158 without it)
   */
  readonly placement?: Placement;
  /**
   * EC2 instance type, e.g. `m7g.large`.
   * @default 't4g.medium'
   */
  readonly instanceType?: string;
  /**
   * Size of the gp3 data volume, 1-65,536.
   * @default 100
   */
  readonly storageGiB?: number;
  /**
   * Provisioned IOPS of the gp3 data volume; at most 500 per GiB.
   * @default 3000
   */
  readonly iops?: number;
  /**
   * Throughput of the gp3 data volume; at most 0.25 MiB/s per IOPS.
   * @default 125
   */
  readonly throughputMiBps?: number;
  /**
   * When AWS Backup snapshots the data volume, as an AWS Backup `cron(...)` expression in UTC.
   * @default 'cron(0 3 * * ? *)' - daily at 03:00 UTC
   */
  readonly backupSchedule?: string;
  /**
   * The database container image in ECR, `<account>.dkr.ecr.<region>.amazonaws.com/<repo>:<tag>`
   * (required). The host may pull from this repository only.
   */
  readonly image?: string;
  /**
   * Pin the host's machine image. Changing it replaces the host.
   * @default - the latest Amazon Linux 2023 for the instance's architecture,
   * read once; later releases do not replace a running host
   */
  readonly amiId?: string;
  /**
   * Size of the host's encrypted root volume, 8-1024.
   * @default 20
   */
  readonly rootVolumeSizeGiB?: number;
  /**
   * Which private subnet (and so AZ) the host and its volume live in.
   * Changing it replaces the data volume, so it is fixed for a tenant's life.
   * @default - derived from the tenant ID alone, spreading tenants over the AZs
   */
  readonly subnetIndex?: number;
  /**
   * How the host reaches the image registry: `nat` also allows HTTPS to the
   * internet through the NAT; `endpoints-only` allows HTTPS to the VPC
   * interface endpoints only (needs ECR and S3 endpoints).
   * @default 'nat'
   */
  readonly registryEgress?: 'nat' | 'endpoints-only';
}

/**
 * What both managed PostgreSQL engines take. They speak the PostgreSQL
 * protocol, which no HTTP route carries, so they take no ALB placement.
 */
interface ManagedDatabaseCommonProps extends TenantDatabaseCommonProps {
  /**
   * Keep a standby in a second AZ.
   * @default - true in a production environment, false elsewhere
   */
  readonly multiAz?: boolean;
  /**
   * Refuse API deletion of the database.
   * @default true
   */
  readonly deletionProtection?: boolean;
  /**
   * PostgreSQL version.
   * @default '16' for rds-postgres, '16.6' for Aurora
   */
  readonly engineVersion?: string;
}

/** Managed RDS for PostgreSQL in the isolated subnets. */
export interface RdsPostgresDatabaseProps extends ManagedDatabaseCommonProps {
  readonly engine: 'rds-postgres';
  /**
   * DB instance class, e.g. `db.m7g.large`.
   * @default 'db.t4g.medium'
   */
  readonly instanceType?: string;
  /**
   * Allocated storage, 20-65,536.
   * @default 100
   */
  readonly storageGiB?: number;
}

/** Aurora PostgreSQL Serverless v2 in the isolated subnets; storage grows on its own. */
export interface AuroraServerlessDatabaseProps extends ManagedDatabaseCommonProps {
  readonly engine: 'aurora-postgres-serverless-v2';
  /**
   * Lower end of the capacity range, in ACUs (0-256, steps of 0.5).
   * @default 0.5
   */
  readonly minCapacityAcu?: number;
  /**
   * Upper end of the capacity range, in ACUs (1-256, steps of 0.5).
   * @default 8
   */
  readonly maxCapacityAcu?: number;
}

/**
 * Settings of one tenant's database, keyed by `engine`: a setting that does
 * not apply to the engine is a compile-time error (and TF-TEN-131 at run
 * time, for JavaScript and values read from JSON).
 */
export type TenantDatabaseProps = Ec2EbsDatabaseProps | RdsPostgresDatabaseProps | AuroraServerlessDatabaseProps;

/** The managed engines' props. */
export type ManagedDatabaseProps = RdsPostgresDatabaseProps | AuroraServerlessDatabaseProps;

/** The props of one engine. */
export type DatabasePropsOf<E extends TenantEngine> = Extract<TenantDatabaseProps, { readonly engine: E }>;

/** What a stack passes through for one engine: its props without what the stack decides (tenant, engine, platform, placement, data class). */
export type DatabaseSettingsOf<E extends TenantEngine> = Omit<DatabasePropsOf<E>, 'tenantId' | 'engine' | 'platform' | 'placement' | 'synthetic'>;

/** Settings for any one engine (the engine comes from the tenant; a setting of another engine is TF-TEN-131). */
export type AnyDatabaseSettings = DatabaseSettingsOf<'ec2-ebs'> | DatabaseSettingsOf<'rds-postgres'> | DatabaseSettingsOf<'aurora-postgres-serverless-v2'>;
