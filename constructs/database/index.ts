export { TenantDatabase } from './tenant-database';
export { TenantDatabaseProps, TenantEngine } from './tenant-database-props';
export { GP3_LIMITS, RDS_STORAGE_LIMITS, AURORA_ACU_LIMITS, RETENTION_LIMITS, EC2_FAMILIES, RDS_FAMILIES } from './engine-limits';
export { AuroraPostgresCluster, AuroraPostgresClusterProps } from './aurora-postgres-cluster';
export { PostgresInstance, PostgresInstanceProps } from './postgres-instance';
export { PostgresCommonProps } from './database-options';
export { DatabaseBackupOptions, BackupCopyOptions } from './database-backup';
