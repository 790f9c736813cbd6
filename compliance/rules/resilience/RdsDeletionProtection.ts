import { boolOf, checkEach, decide, defineRule, isSet } from '../../rule-kit';
import { isProd } from '../../rule-helpers/posture';

/** TF-RES-2: production databases cannot be deleted by accident. */
export const RdsDeletionProtection = defineRule(
  {
    id: 'TF-RES-2',
    title: 'Ensure production RDS instances and Aurora clusters have deletion protection enabled',
    category: 'resilience',
    level: 'error',
    resourceTypes: ['aws_db_instance', 'aws_rds_cluster'],
    remediation: 'Set `deletion_protection = true` in prod; a destroy or replacement then fails instead of deleting the database.',
    references: { checkov: ['CKV_AWS_293', 'CKV_AWS_139'], cdkNag: ['AwsSolutions-RDS10'] },
  },
  (stack) => {
    const prod = isProd(stack);
    if (prod === false) return [];
    return checkEach(stack, ['aws_db_instance', 'aws_rds_cluster'], (db) => {
      if (db.type === 'aws_db_instance' && isSet(db.values.replicate_source_db)) return [];
      if (prod === 'unknown') return decide(db.address, [], ['the stack declares no environment'], '');
      const on = boolOf(db.values.deletion_protection, false);
      if (on === 'unknown') return decide(db.address, [], ['deletion_protection is unresolved'], '');
      return decide(db.address, on ? [] : ['deletion_protection is not true in prod'], [], 'deletion protection on');
    });
  },
);
