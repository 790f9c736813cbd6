import { Rule, RuleOutcome } from '../../types';
import { requireCustomerKey } from '../_shared/kms';
import { decide, pass } from '../_shared/outcomes';
import { boolOf, isSet, resourcesOf } from '../_shared/values';

/** TF-ENC-3: RDS instances and Aurora clusters are encrypted with a customer-managed key. */
export const RdsStorageEncrypted: Rule = {
  meta: {
    id: 'TF-ENC-3',
    title: 'Ensure RDS instances and Aurora clusters are encrypted with a customer-managed KMS key',
    category: 'encryption',
    level: 'error',
    resourceTypes: ['aws_db_instance', 'aws_rds_cluster'],
    remediation:
      'Set `storage_encrypted = true` and `kms_key_id` to a customer-managed key. Encryption is fixed at creation: migrate an unencrypted database through an encrypted snapshot copy.',
    references: { cis: 'CIS AWS v5.0.0 3.2.1', checkov: ['CKV_AWS_16', 'CKV_AWS_96'], cdkNag: ['AwsSolutions-RDS2'] },
    invariant: false,
  },
  check(stack) {
    const outcomes: RuleOutcome[] = [];
    for (const db of resourcesOf(stack, 'aws_db_instance', 'aws_rds_cluster')) {
      if (db.type === 'aws_db_instance' && isSet(db.values.replicate_source_db) && !isSet(db.values.kms_key_id)) {
        // A same-region replica inherits its source's encryption; the source is checked on its own.
        outcomes.push(pass(db.address, 'read replica inherits the encryption of its source'));
        continue;
      }
      const problems: string[] = [];
      const unknowns: string[] = [];
      // Aurora Serverless v1 clusters are always encrypted; the flag cannot be false there.
      const serverlessV1 = db.type === 'aws_rds_cluster' && db.values.engine_mode === 'serverless';
      const encrypted = boolOf(db.values.storage_encrypted, serverlessV1);
      if (encrypted === 'unknown') unknowns.push('storage_encrypted is an unresolved expression');
      else if (!encrypted) problems.push('storage_encrypted is not true');
      const key = requireCustomerKey(stack, db.values.kms_key_id, 'kms_key_id');
      if (key.problem) problems.push(key.problem);
      if (key.unknown) unknowns.push(key.unknown);
      outcomes.push(decide(db.address, problems, unknowns, 'storage encrypted with a customer-managed key'));
    }
    return outcomes;
  },
};
