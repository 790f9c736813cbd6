import { BackupPlan, BackupSelection, BackupVault, IamRole, IamRolePolicyAttachment } from '../../core/aws';
import { Construct } from '../../core/cdktf';
import { Environment } from '../../core/environment';
import { awsManagedPolicyArn, partitionOf } from '../identity/arn';
import { serviceTrustPolicy } from '../iam/policy';
import { workloadBoundaryArn } from '../identity/workload-boundary';
import { boundedName } from './names';

/** A copy of every recovery point into a vault in another region (disaster recovery). */
export interface BackupCopyOptions {
  /** ARN of the destination vault, in another region (the vault and its KMS key live in that region's stack). */
  readonly destinationVaultArn: string;
  /**
   * Days the copies are kept.
   * @default - the plan's retentionDays
   */
  readonly retentionDays?: number;
}

/** Scheduled AWS Backup snapshots with long-term retention. */
export interface DatabaseBackupOptions {
  /**
   * When snapshots are taken, an AWS Backup `cron(...)` expression in UTC.
   * @default 'cron(0 3 * * ? *)' - daily at 03:00 UTC
   */
  readonly schedule?: string;
  /**
   * Days a snapshot is kept (1-36,500); beyond RDS's 35-day automated backups.
   * @default 365
   */
  readonly retentionDays?: number;
  /**
   * Copy every snapshot to a vault in another region.
   * @default - no copy
   */
  readonly copyTo?: BackupCopyOptions;
}

export interface ResolvedBackup {
  readonly schedule: string;
  readonly retentionDays: number;
  readonly copyTo?: BackupCopyOptions;
}

export interface BackupBuild {
  readonly vault: BackupVault;
  readonly plan: BackupPlan;
}

/**
 * A vault encrypted with the database's key, a plan, and a selection of the
 * database, run by a role that AWS Backup alone may assume (for this account)
 * with the AWS-managed backup policy, under the workload boundary. Recovery
 * points belong to the vault, so they outlive the database.
 */
export function databaseBackup(scope: Construct, env: Environment, name: string, kmsKeyArn: string, resourceArn: string, b: ResolvedBackup, tags: Record<string, string>): BackupBuild {
  const vault = new BackupVault(scope, 'backup-vault', { name: boundedName(name, 50), kmsKeyArn, tags });
  const plan = new BackupPlan(scope, 'backup-plan', {
    name: boundedName(name, 50),
    rule: [
      {
        ruleName: 'database-snapshots',
        targetVaultName: vault.name,
        schedule: b.schedule,
        startWindow: 60,
        completionWindow: 180,
        lifecycle: { deleteAfter: b.retentionDays },
        recoveryPointTags: tags,
        ...(b.copyTo ? { copyAction: [{ destinationVaultArn: b.copyTo.destinationVaultArn, lifecycle: { deleteAfter: b.copyTo.retentionDays ?? b.retentionDays } }] } : {}),
      },
    ],
    tags,
  });
  const role = new IamRole(scope, 'backup-role', {
    name: boundedName(`${name}-backup`, 64),
    description: `AWS Backup for ${name}`,
    assumeRolePolicy: serviceTrustPolicy('backup.amazonaws.com', env.accountId),
    permissionsBoundary: workloadBoundaryArn(env),
    tags,
  });
  new IamRolePolicyAttachment(scope, 'backup-role-policy', { role: role.name, policyArn: awsManagedPolicyArn(partitionOf(env.region), 'service-role/AWSBackupServiceRolePolicyForBackup') });
  new BackupSelection(scope, 'backup-selection', { name: 'database', planId: plan.id, iamRoleArn: role.arn, resources: [resourceArn] });
  return { vault, plan };
}
