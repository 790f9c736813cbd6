import { boolOf, checkEach, decide, defineRule, isSet } from '../../rule-kit';

/** TF-LP-41: RDS master passwords live in Secrets Manager, which rotates them. */
export const RdsMasterPasswordRotated = defineRule(
  {
    id: 'TF-LP-41',
    title: 'Ensure RDS and Aurora master passwords are managed and rotated by Secrets Manager, not written in Terraform',
    category: 'least-privilege',
    level: 'error',
    resourceTypes: ['aws_db_instance', 'aws_rds_cluster'],
    remediation:
      'Set `manage_master_user_password = true` (RDS keeps the password in Secrets Manager and rotates it, every 7 days unless an `aws_secretsmanager_secret_rotation` on `master_user_secret[0].secret_arn` sets another schedule) and remove `password` / `master_password`. A password in Terraform sits in state and plans, and nothing rotates it.',
    references: { checkov: ['CKV_AWS_149', 'CKV2_AWS_57'], cdkNag: ['AwsSolutions-SMG4'] },
  },
  (stack) =>
    checkEach(stack, ['aws_db_instance', 'aws_rds_cluster'], (db) => {
      const passwordAttribute = db.type === 'aws_rds_cluster' ? 'master_password' : 'password';
      // Replicas and cluster members have no master user of their own.
      if (db.type === 'aws_db_instance' && isSet(db.values.replicate_source_db)) return decide(db.address, [], [], 'a read replica shares its source\'s master user');
      if (db.type === 'aws_rds_cluster' && (isSet(db.values.replication_source_identifier) || isSet(db.values.global_cluster_identifier)) && !isSet(db.values.master_username)) {
        return decide(db.address, [], [], 'a secondary cluster shares its source\'s master user');
      }
      const managed = boolOf(db.values.manage_master_user_password, false);
      if (managed === 'unknown') return decide(db.address, [], ['manage_master_user_password is unresolved'], '');
      if (managed) return decide(db.address, [], [], 'Secrets Manager holds and rotates the master password');
      if (isSet(db.values[passwordAttribute]) || isSet(db.values[`${passwordAttribute}_wo`])) return decide(db.address, [`${passwordAttribute} is set in Terraform and nothing rotates it`], [], '');
      if (isSet(db.values.snapshot_identifier)) return decide(db.address, [], ['restored from a snapshot: the master password is the snapshot\'s, and nothing here rotates it'], '');
      return decide(db.address, ['manage_master_user_password is not true, so no managed, rotated secret holds the master password'], [], '');
    }),
);
