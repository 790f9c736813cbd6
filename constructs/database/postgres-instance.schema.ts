import { arn, int, literal, opt, Schema, str, strict, union } from '../../core/validation';
import { postgresCommonEntries } from './aurora-postgres-cluster.schema';
import type { BackupCopyOptions, DatabaseBackupOptions } from './database-backup';
import type { PostgresInstanceProps } from './postgres-instance';

export const BackupCopyOptionsSchema = strict({ destinationVaultArn: arn(), retentionDays: opt(int()) }) satisfies Schema<BackupCopyOptions>;
export const DatabaseBackupOptionsSchema = strict({ schedule: opt(str()), retentionDays: opt(int()), copyTo: opt(BackupCopyOptionsSchema) }) satisfies Schema<DatabaseBackupOptions>;

export const PostgresInstancePropsSchema = strict({
  ...postgresCommonEntries,
  instanceClass: opt(str()),
  storageGiB: opt(int()),
  maxStorageGiB: opt(int()),
  passwordRotationDays: opt(int()),
  backup: opt(union([literal(false), DatabaseBackupOptionsSchema])),
  readReplicas: opt(int()),
  replicaInstanceClass: opt(str()),
}) satisfies Schema<PostgresInstanceProps>;
