import { boolOf, checkEach, decide, defineRule } from '../../rule-kit';
import { noteCustomerKey } from '../../rule-helpers/kms';

/** TF-ENC-1: EBS volumes are encrypted with a customer-managed key. */
export const EbsVolumeEncrypted = defineRule(
  {
    id: 'TF-ENC-1',
    title: 'Ensure EBS volumes are encrypted with a customer-managed KMS key',
    category: 'encryption',
    level: 'error',
    resourceTypes: ['aws_ebs_volume'],
    remediation:
      'Set `encrypted = true` and `kms_key_id` to a customer-managed key (for tenant data, the environment key). An existing unencrypted volume cannot be encrypted in place: snapshot it, copy the snapshot with encryption, and restore.',
    references: { cis: 'CIS AWS v5.0.0 5.1.1', checkov: ['CKV_AWS_3', 'CKV_AWS_189'], cdkNag: ['AwsSolutions-EC26'] },
  },
  (stack) =>
    checkEach(stack, ['aws_ebs_volume'], (v) => {
      const problems: string[] = [];
      const unknowns: string[] = [];
      const encrypted = boolOf(v.values.encrypted, false);
      if (encrypted === 'unknown') unknowns.push('encrypted is an unresolved expression');
      else if (!encrypted) problems.push('encrypted is not true');
      noteCustomerKey(stack, v.values.kms_key_id, 'kms_key_id', problems, unknowns);
      return decide(v.address, problems, unknowns, 'encrypted with a customer-managed key');
    }),
);
