import { arn, bool, dict, int, list, num, opt, ref, Schema, str, strict } from '../../core/validation';
import type { AuroraPostgresClusterProps } from './aurora-postgres-cluster';
import type { PostgresCommonProps } from './database-options';

export const postgresCommonEntries = {
  name: str(),
  vpcId: ref(),
  subnetIds: list(ref()),
  allowedSecurityGroups: dict(ref()),
  kmsKeyArn: opt(arn()),
  engineVersion: opt(str()),
  multiAz: opt(bool()),
  deletionProtection: opt(bool()),
  backupRetentionDays: opt(int()),
  port: opt(int()),
  databaseName: opt(str()),
};

export const PostgresCommonPropsSchema = strict(postgresCommonEntries) satisfies Schema<PostgresCommonProps>;

// ACUs come in half steps; TF-DB-004 checks the step.
export const AuroraPostgresClusterPropsSchema = strict({ ...postgresCommonEntries, minCapacityAcu: opt(num()), maxCapacityAcu: opt(num()) }) satisfies Schema<AuroraPostgresClusterProps>;
