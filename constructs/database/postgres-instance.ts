import { BackupVault, DbInstance, SecretsmanagerSecretRotation } from '../../core/aws';
import { Construct, TerraformResource } from '../../core/cdktf';
import { suppress } from '../../core/suppressions';
import { environmentOf } from '../../core/environment-context';
import { describeConstruct, TenantformError } from '../../core/errors';
import { guardArns, validateProps } from '../../core/validation';
import { databaseBackup, DatabaseBackupOptions, ResolvedBackup } from './database-backup';
import { databaseFoundation } from './database-foundation';
import { inRange, PostgresCommonProps, resolveCommon } from './database-options';
import { RDS_FAMILIES, RDS_STORAGE_LIMITS } from './engine-limits';
import { buildRdsInstance } from './managed-postgres';
import { boundedName } from './names';
import { postgresFamily, sslDbParameterGroup } from './postgres-ssl';
import { PostgresInstancePropsSchema } from './postgres-instance.schema';

export interface PostgresInstanceProps extends PostgresCommonProps {
  /**
   * DB instance class, e.g. `db.m7g.large`.
   * @default 'db.t4g.medium'
   */
  readonly instanceClass?: string;
  /**
   * Allocated gp3 storage, 20-65,536.
   * @default 100
   */
  readonly storageGiB?: number;
  /**
   * Storage autoscaling ceiling, above storageGiB.
   * @default - twice storageGiB (capped at 65,536)
   */
  readonly maxStorageGiB?: number;
  /**
   * Days between rotations of the master password (1-365). Secrets Manager
   * rotates the RDS-managed secret itself; no rotation function is needed.
   * @default 30
   */
  readonly passwordRotationDays?: number;
  /**
   * Scheduled AWS Backup snapshots into a vault under the database key;
   * `false` keeps only RDS automated backups, which the gate reports for
   * production.
   * @default - daily at 03:00 UTC, kept 365 days, no cross-region copy
   */
  readonly backup?: DatabaseBackupOptions | false;
  /**
   * Read replicas in the same region, each in the database subnets, encrypted
   * with the same key and forcing TLS like the primary (0-5).
   * @default 0
   */
  readonly readReplicas?: number;
  /**
   * Instance class of the read replicas.
   * @default - the primary's class
   */
  readonly replicaInstanceClass?: string;
}

const MAX_REPLICAS = 5;
const BACKUP_RETENTION = { min: 1, max: 36_500 } as const;

/**
 * RDS for PostgreSQL in private database subnets: Multi-AZ in production,
 * gp3 storage with autoscaling, encrypted with a rotating customer-managed
 * key (its own unless one is given), TLS 1.2+ forced by a parameter group,
 * the master password kept in Secrets Manager and rotated on a schedule,
 * automated backups plus AWS Backup snapshots with long-term retention
 * (optionally copied to another region), optional read replicas, deletion
 * protection (always in production) and `prevent_destroy`. Its security
 * group admits the named client groups on the database port and nothing
 * else.
 */
export class PostgresInstance extends Construct {
  public readonly instance: DbInstance;
  public readonly replicas: readonly DbInstance[];
  public readonly securityGroupId: string;
  /** Host name of the primary. */
  public readonly endpoint: string;
  /** Host names of the read replicas. */
  public readonly replicaEndpoints: readonly string[];
  public readonly port: number;
  public readonly kmsKeyArn: string;
  /** ARN of the Secrets Manager secret holding the master password. */
  public readonly masterUserSecretArn: string;
  public readonly backupVault?: BackupVault;
  public readonly dataStores: readonly TerraformResource[];

  constructor(scope: Construct, id: string, props: PostgresInstanceProps) {
    super(scope, id);
    const where = describeConstruct('PostgresInstance', this.node);
    validateProps(PostgresInstancePropsSchema, props, where);
    const env = environmentOf(this, 'PostgresInstance');
    guardArns(props, env, where);
    const c = resolveCommon(props, env, where);
    const instanceClass = instanceClassOf(props.instanceClass ?? 'db.t4g.medium', 'instanceClass', where);
    const replicaClass = instanceClassOf(props.replicaInstanceClass ?? instanceClass, 'replicaInstanceClass', where);
    const storageGiB = props.storageGiB ?? 100;
    inRange('TF-DB-004', 'storageGiB', storageGiB, RDS_STORAGE_LIMITS.minSizeGiB, RDS_STORAGE_LIMITS.maxSizeGiB, where);
    const maxStorageGiB = props.maxStorageGiB ?? Math.min(storageGiB * 2, RDS_STORAGE_LIMITS.maxSizeGiB);
    inRange('TF-DB-004', 'maxStorageGiB', maxStorageGiB, storageGiB, RDS_STORAGE_LIMITS.maxSizeGiB, where);
    const rotationDays = props.passwordRotationDays ?? 30;
    inRange('TF-DB-005', 'passwordRotationDays', rotationDays, 1, 365, where);
    const replicaCount = props.readReplicas ?? 0;
    inRange('TF-DB-007', 'readReplicas', replicaCount, 0, MAX_REPLICAS, where);
    const backup = props.backup === false ? undefined : resolveBackup(props.backup ?? {}, env.region, where);
    const engineVersion = props.engineVersion ?? '16';
    const family = postgresFamily('postgres', engineVersion, where);
    const base = databaseFoundation(this, env, props, c, engineVersion, 'RDS');
    const { tags } = base;
    const sg = base.securityGroup;
    const subnets = base.subnetGroup;
    this.kmsKeyArn = base.kmsKeyArn;
    const parameters = sslDbParameterGroup(this, 'parameter-group', { name: boundedName(c.identifier, 255), family, description: `${c.identifier}: TLS 1.2+ only`, tags });
    const db = buildRdsInstance(this, { ...base.spec, parameterGroupName: parameters.name, instanceClass, storageGiB, maxStorageGiB });
    this.masterUserSecretArn = db.masterUserSecret.get(0).secretArn;
    // RDS manages the secret; Secrets Manager rotates it on this schedule without a rotation function.
    new SecretsmanagerSecretRotation(this, 'master-password-rotation', { secretId: this.masterUserSecretArn, rotationRules: { automaticallyAfterDays: rotationDays }, rotateImmediately: false });

    // Replicas are numbered, not labelled: they are interchangeable, and the highest goes first when the count drops.
    this.replicas = Array.from({ length: replicaCount }, (_, i) =>
      new DbInstance(this, `replica-${i + 1}`, {
        identifier: boundedName(`${c.identifier}-replica-${i + 1}`, 63),
        replicateSourceDb: db.identifier,
        instanceClass: replicaClass,
        storageType: 'gp3',
        maxAllocatedStorage: maxStorageGiB,
        storageEncrypted: true,
        kmsKeyId: this.kmsKeyArn,
        vpcSecurityGroupIds: [sg.id],
        parameterGroupName: parameters.name,
        port: c.port,
        iamDatabaseAuthenticationEnabled: true,
        publiclyAccessible: false,
        autoMinorVersionUpgrade: true,
        deletionProtection: c.deletionProtection,
        copyTagsToSnapshot: true,
        // A replica holds no data of its own: RDS refuses a final snapshot of a replica.
        skipFinalSnapshot: true,
        tags,
      }),
    );
    // Production always runs Multi-AZ (its default, and the gate's TF-RES rule); elsewhere single-AZ is the caller's documented choice.
    if (!c.multiAz) suppress(db, 'CKV_AWS_157', 'Multi-AZ is off by choice outside production (multiAz defaults to true in production, and the gate requires it there)');
    for (const replica of this.replicas) suppress(replica, 'CKV_AWS_157', 'a read replica scales reads; failover is the Multi-AZ primary\'s job');
    if (backup) this.backupVault = databaseBackup(this, env, c.identifier, this.kmsKeyArn, db.arn, backup, tags).vault;

    this.instance = db;
    this.securityGroupId = sg.id;
    this.endpoint = db.address;
    this.replicaEndpoints = this.replicas.map((r) => r.address);
    this.port = c.port;
    this.dataStores = [db, parameters, sg, subnets, ...(this.backupVault ? [this.backupVault] : [])];
  }
}

function instanceClassOf(value: string, name: string, where: string): string {
  const m = /^db\.([a-z0-9]+)\.([a-z0-9]+)$/.exec(value);
  const sizes = m ? RDS_FAMILIES[m[1]!] : undefined;
  if (!m || !sizes || !sizes.includes(m[2]!)) {
    throw new TenantformError({ code: 'TF-DB-004', where, problem: `${name} must be an offered DB instance class "db.<family>.<size>".`, value, fix: `use one of the families ${Object.keys(RDS_FAMILIES).map((f) => `db.${f}`).join(', ')} with a size it has, e.g. "db.m7g.large".` });
  }
  return value;
}

function resolveBackup(b: DatabaseBackupOptions, region: string, where: string): ResolvedBackup {
  const schedule = b.schedule ?? 'cron(0 3 * * ? *)';
  if (!/^cron\((\S+ ){5}\S+\)$/.test(schedule)) {
    throw new TenantformError({ code: 'TF-DB-006', where, problem: 'backup.schedule must be an AWS Backup cron expression with six fields.', value: schedule, fix: 'use e.g. "cron(0 3 * * ? *)" for daily at 03:00 UTC.' });
  }
  const retentionDays = b.retentionDays ?? 365;
  inRange('TF-DB-006', 'backup.retentionDays', retentionDays, BACKUP_RETENTION.min, BACKUP_RETENTION.max, where);
  if (b.copyTo === undefined) return { schedule, retentionDays };
  const vaultRegion = /^arn:aws[a-z-]*:backup:([a-z0-9-]+):\d{12}:backup-vault:.+$/.exec(b.copyTo.destinationVaultArn)?.[1];
  if (vaultRegion === undefined || vaultRegion === region) {
    throw new TenantformError({ code: 'TF-DB-008', where, problem: `backup.copyTo.destinationVaultArn must be a literal Backup vault ARN in another region than ${region} (a copy in the same region survives nothing a region loses).`, value: b.copyTo.destinationVaultArn, fix: 'create the vault (under a KMS key of that region) in a stack of the other region and pass its ARN.' });
  }
  if (b.copyTo.retentionDays !== undefined) inRange('TF-DB-006', 'backup.copyTo.retentionDays', b.copyTo.retentionDays, BACKUP_RETENTION.min, BACKUP_RETENTION.max, where);
  return { schedule, retentionDays, copyTo: b.copyTo };
}
