import { boolOf, checkEach, decide, defineRule, isSet, isUnresolved, pass, resourcesOf } from '../../rule-kit';
import { StackModel } from '../../types';
import { noteCustomerKey } from '../../rule-helpers/kms';
import { bareReference } from '../../rule-helpers/references';

/**
 * Finds the stack's `aws_db_instance` a replica copies, by bare reference or
 * by its literal identifier. Indexed once per stack so the rule stays linear.
 */
function replicaSources(stack: StackModel): (value: unknown) => string | undefined {
  const byIdentifier = new Map<string, string>();
  for (const d of resourcesOf(stack, 'aws_db_instance')) if (typeof d.values.identifier === 'string') byIdentifier.set(d.values.identifier, d.address);
  return (value) => {
    const ref = bareReference(value);
    if (ref !== undefined) return ref.address.startsWith('aws_db_instance.') && stack.resources.has(ref.address) ? ref.address : undefined;
    return typeof value === 'string' && !isUnresolved(value) ? byIdentifier.get(value) : undefined;
  };
}

/** TF-ENC-3: RDS instances and Aurora clusters are encrypted with a customer-managed key. */
export const RdsStorageEncrypted = defineRule(
  {
    id: 'TF-ENC-3',
    title: 'Ensure RDS instances and Aurora clusters are encrypted with a customer-managed KMS key',
    category: 'encryption',
    level: 'error',
    resourceTypes: ['aws_db_instance', 'aws_rds_cluster'],
    remediation:
      'Set `storage_encrypted = true` and `kms_key_id` to a customer-managed key. Encryption is fixed at creation: migrate an unencrypted database through an encrypted snapshot copy. A read replica without `kms_key_id` inherits its source, so its source must be in the same stack for the gate to judge it.',
    references: { cis: 'CIS AWS v5.0.0 2.2.1', checkov: ['CKV_AWS_16', 'CKV_AWS_96'], cdkNag: ['AwsSolutions-RDS2'] },
  },
  (stack) => {
    const replicaSource = replicaSources(stack);
    return checkEach(stack, ['aws_db_instance', 'aws_rds_cluster'], (db) => {
      if (db.type === 'aws_db_instance' && isSet(db.values.replicate_source_db) && !isSet(db.values.kms_key_id)) {
        // A same-region replica inherits its source's encryption; the source is judged on its own, when the gate can see it.
        const source = replicaSource(db.values.replicate_source_db);
        if (source !== undefined) return pass(db.address, `read replica inherits the encryption of ${source}`);
        return decide(db.address, [], ['a read replica of a database outside this stack inherits encryption the gate cannot see'], '');
      }
      const problems: string[] = [];
      const unknowns: string[] = [];
      // Aurora Serverless v1 clusters are always encrypted; the flag cannot be false there.
      const mode = db.values.engine_mode;
      if (db.type === 'aws_rds_cluster' && isUnresolved(mode)) unknowns.push('engine_mode is unresolved');
      const serverlessV1 = db.type === 'aws_rds_cluster' && mode === 'serverless';
      const encrypted = boolOf(db.values.storage_encrypted, serverlessV1);
      if (encrypted === 'unknown') unknowns.push('storage_encrypted is an unresolved expression');
      else if (!encrypted) problems.push('storage_encrypted is not true');
      noteCustomerKey(stack, db.values.kms_key_id, 'kms_key_id', problems, unknowns);
      return decide(db.address, problems, unknowns, 'storage encrypted with a customer-managed key');
    });
  },
);
