import { checkEach, decide, defineRule, isSet, numberOf } from '../../rule-kit';

const MIN_DAYS = 7;

/** TF-RES-1: databases keep at least a week of automated backups. */
export const RdsBackupRetention = defineRule(
  {
    id: 'TF-RES-1',
    title: `Ensure RDS instances and Aurora clusters keep automated backups for at least ${MIN_DAYS} days`,
    category: 'resilience',
    level: 'error',
    resourceTypes: ['aws_db_instance', 'aws_rds_cluster'],
    remediation: `Set \`backup_retention_period\` to ${MIN_DAYS} or more (the API default is 1 day, and 0 disables backups and point-in-time recovery).`,
    references: { checkov: ['CKV_AWS_133'], cdkNag: ['AwsSolutions-RDS13'] },
  },
  (stack) =>
    checkEach(stack, ['aws_db_instance', 'aws_rds_cluster'], (db) => {
      // Read replicas take no backups of their own; their source is checked.
      if (db.type === 'aws_db_instance' && isSet(db.values.replicate_source_db)) return [];
      const days = numberOf(db.values.backup_retention_period);
      if (days === 'unknown') return decide(db.address, [], ['backup_retention_period is unresolved'], '');
      const value = days ?? 1;
      return decide(db.address, value >= MIN_DAYS ? [] : [`backup_retention_period is ${value} day(s)`], [], `${value} days of backups`);
    }),
);
