import { DbInstance, RdsCluster, RdsClusterInstance } from '../../core/aws';
import { Construct } from '../../core/cdktf';
import { boundedName } from './names';

/**
 * The two managed PostgreSQL data stores, built directly in the caller's
 * scope under fixed construct IDs (`database`, `cluster`, `cluster-writer`,
 * `cluster-reader`), so TenantDatabase and the standalone constructs share one
 * definition and TenantDatabase keeps its Terraform addresses.
 *
 * Both: storage encrypted with the given key, a master password that Secrets
 * Manager creates and rotates (never in state or code), IAM authentication,
 * automated backups, a final snapshot, tags copied to snapshots, no public
 * access, and `prevent_destroy`.
 */
export interface ManagedPostgresSpec {
  /** RDS identifier (at most 63 characters). */
  readonly identifier: string;
  readonly kmsKeyArn: string;
  readonly securityGroupIds: readonly string[];
  readonly subnetGroupName: string;
  readonly port: number;
  readonly engineVersion: string;
  readonly backupRetentionDays: number;
  readonly deletionProtection: boolean;
  readonly multiAz: boolean;
  readonly masterUsername: string;
  /** Tags of the data store (and its snapshots). */
  readonly tags: Record<string, string>;
  /**
   * Parameter group (RDS) or cluster parameter group (Aurora) name.
   * @default - the engine's default group
   */
  readonly parameterGroupName?: string;
  /**
   * Name of a database created at launch.
   * @default - none
   */
  readonly databaseName?: string;
}

export interface RdsInstanceSpec extends ManagedPostgresSpec {
  readonly instanceClass: string;
  readonly storageGiB: number;
  /**
   * Storage autoscaling ceiling.
   * @default - no autoscaling
   */
  readonly maxStorageGiB?: number;
}

export interface AuroraClusterSpec extends ManagedPostgresSpec {
  readonly minCapacityAcu: number;
  readonly maxCapacityAcu: number;
}

function common(s: ManagedPostgresSpec) {
  return {
    storageEncrypted: true,
    kmsKeyId: s.kmsKeyArn,
    manageMasterUserPassword: true,
    masterUserSecretKmsKeyId: s.kmsKeyArn,
    iamDatabaseAuthenticationEnabled: true,
    backupRetentionPeriod: s.backupRetentionDays,
    deletionProtection: s.deletionProtection,
    copyTagsToSnapshot: true,
    skipFinalSnapshot: false,
    finalSnapshotIdentifier: `${s.identifier}-final`,
    vpcSecurityGroupIds: [...s.securityGroupIds],
    dbSubnetGroupName: s.subnetGroupName,
    port: s.port,
    tags: s.tags,
    lifecycle: { preventDestroy: true },
  };
}

/** RDS for PostgreSQL on gp3, under construct ID `database`. */
export function buildRdsInstance(scope: Construct, s: RdsInstanceSpec): DbInstance {
  return new DbInstance(scope, 'database', {
    ...common(s),
    identifier: s.identifier,
    engine: 'postgres',
    engineVersion: s.engineVersion,
    instanceClass: s.instanceClass,
    allocatedStorage: s.storageGiB,
    ...(s.maxStorageGiB !== undefined ? { maxAllocatedStorage: s.maxStorageGiB } : {}),
    storageType: 'gp3',
    multiAz: s.multiAz,
    username: s.masterUsername,
    publiclyAccessible: false,
    autoMinorVersionUpgrade: true,
    ...(s.parameterGroupName !== undefined ? { parameterGroupName: s.parameterGroupName } : {}),
    ...(s.databaseName !== undefined ? { dbName: s.databaseName } : {}),
  });
}

export interface AuroraCluster {
  readonly cluster: RdsCluster;
  /** The writer, and a reader in another AZ when `multiAz`. */
  readonly instances: readonly RdsClusterInstance[];
}

/** Aurora PostgreSQL Serverless v2, under construct IDs `cluster`, `cluster-writer` and `cluster-reader`. */
export function buildAuroraCluster(scope: Construct, s: AuroraClusterSpec): AuroraCluster {
  const cluster = new RdsCluster(scope, 'cluster', {
    ...common(s),
    clusterIdentifier: s.identifier,
    engine: 'aurora-postgresql',
    engineMode: 'provisioned',
    engineVersion: s.engineVersion,
    masterUsername: s.masterUsername,
    serverlessv2ScalingConfiguration: { minCapacity: s.minCapacityAcu, maxCapacity: s.maxCapacityAcu },
    ...(s.parameterGroupName !== undefined ? { dbClusterParameterGroupName: s.parameterGroupName } : {}),
    ...(s.databaseName !== undefined ? { databaseName: s.databaseName } : {}),
  });
  // Multi-AZ for Aurora means a reader in another AZ to fail over to.
  const roles = s.multiAz ? ['writer', 'reader'] : ['writer'];
  const instances = roles.map(
    (role) =>
      new RdsClusterInstance(scope, `cluster-${role}`, {
        identifier: boundedName(`${s.identifier}-${role}`, 63),
        clusterIdentifier: cluster.id,
        engine: 'aurora-postgresql',
        engineVersion: s.engineVersion,
        instanceClass: 'db.serverless',
        dbSubnetGroupName: s.subnetGroupName,
        publiclyAccessible: false,
        autoMinorVersionUpgrade: true,
        tags: s.tags,
      }),
  );
  return { cluster, instances };
}
