import { Placement, TenantPlatformRefs } from '../platform-refs';
import { TenantEngine } from '../tenancy/tenants-file';

export { TenantEngine };

/** Settings of one tenant's database. The same props serve every engine. */
export interface TenantDatabaseProps {
  /** The tenant's ID, a DNS label; tags every resource. */
  readonly tenantId: string;
  /**
   * `ec2-ebs`: a container on an immutable EC2 host with a dedicated EBS data
   * volume (the reference engine). `rds-postgres` and
   * `aurora-postgres-serverless-v2`: managed PostgreSQL in the isolated subnets.
   */
  readonly engine: TenantEngine;
  /** What the shared platform provides: network, KMS key, ALB pool, routing tier. */
  readonly platform: TenantPlatformRefs;
  /**
   * The tenant's record from the lock: its ALB (whose security group may reach
   * the host). `ec2-ebs` only: managed engines speak the PostgreSQL protocol,
   * which no HTTP route carries, so they take no ALB slot.
   * @default - none; required for `ec2-ebs`
   */
  readonly placement?: Placement;
  /**
   * The tenant holds generated test data only. Required where the environment
   * does not hold customer data; in one that does, data is always classed as
   * customer data.
   * @default false
   */
  readonly synthetic?: boolean;
  /**
   * EC2 instance type (`ec2-ebs`, e.g. `m7g.large`) or DB instance class
   * (`rds-postgres`, e.g. `db.m7g.large`). Not used by Aurora Serverless v2.
   * @default 't4g.medium' for ec2-ebs, 'db.t4g.medium' for rds-postgres
   */
  readonly instanceType?: string;
  /**
   * Size of the data volume (`ec2-ebs`, gp3 1-65,536) or allocated storage
   * (`rds-postgres`, 20-65,536). Aurora storage grows on its own.
   * @default 100
   */
  readonly storageGiB?: number;
  /**
   * Provisioned IOPS of the gp3 data volume (`ec2-ebs` only); at most 500 per GiB.
   * @default 3000
   */
  readonly iops?: number;
  /**
   * Throughput of the gp3 data volume (`ec2-ebs` only); at most 0.25 MiB/s per IOPS.
   * @default 125
   */
  readonly throughputMiBps?: number;
  /**
   * How long backups are kept: snapshots of the data volume (`ec2-ebs`,
   * 1-3650) or automated backups (managed engines, 1-35).
   * @default 14
   */
  readonly backupRetentionDays?: number;
  /**
   * When AWS Backup snapshots the data volume (`ec2-ebs` only), as an AWS
   * Backup `cron(...)` expression in UTC.
   * @default 'cron(0 3 * * ? *)' - daily at 03:00 UTC
   */
  readonly backupSchedule?: string;
  /**
   * Keep a standby in a second AZ (managed engines only; an EBS volume lives in one AZ).
   * @default - true in the `prod` environment, false elsewhere
   */
  readonly multiAz?: boolean;
  /**
   * Refuse API deletion of the database (managed engines only).
   * @default true
   */
  readonly deletionProtection?: boolean;
  /**
   * Aurora Serverless v2 capacity range, in ACUs (0-256, steps of 0.5).
   * @default 0.5
   */
  readonly minCapacityAcu?: number;
  /** @default 8 */
  readonly maxCapacityAcu?: number;
  /**
   * PostgreSQL version (managed engines only).
   * @default '16' for rds-postgres, '16.6' for Aurora
   */
  readonly engineVersion?: string;
  /**
   * The database container image in ECR, `<account>.dkr.ecr.<region>.amazonaws.com/<repo>:<tag>`
   * (`ec2-ebs` only, required there). The host may pull from this repository only.
   */
  readonly image?: string;
  /**
   * Port the database listens on.
   * @default 8080 for ec2-ebs, 5432 for managed engines
   */
  readonly port?: number;
  /**
   * Pin the host's machine image (`ec2-ebs`). Changing it replaces the host.
   * @default - the latest Amazon Linux 2023 for the instance's architecture,
   * read once; later releases do not replace a running host
   */
  readonly amiId?: string;
  /**
   * Size of the host's encrypted root volume (`ec2-ebs`, 8-1024).
   * @default 20
   */
  readonly rootVolumeSizeGiB?: number;
  /**
   * Which private subnet (and so AZ) the host and its volume live in (`ec2-ebs`).
   * Changing it replaces the data volume, so it is fixed for a tenant's life.
   * @default - derived from the tenant ID alone, spreading tenants over the AZs
   */
  readonly subnetIndex?: number;
  /**
   * How the host reaches the image registry (`ec2-ebs`): `nat` also allows
   * HTTPS to the internet through the NAT; `endpoints-only` allows HTTPS to the
   * VPC interface endpoints only (needs ECR and S3 endpoints).
   * @default 'nat'
   */
  readonly registryEgress?: 'nat' | 'endpoints-only';
}
