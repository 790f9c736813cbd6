import { checkEach, decide, defineRule } from '../../rule-kit';
import { noteCustomerKey } from '../../rule-helpers/kms';

/** TF-ENC-42: AWS Backup vaults encrypt recovery points with a customer-managed key. */
export const BackupVaultEncrypted = defineRule(
  {
    id: 'TF-ENC-42',
    title: 'Ensure AWS Backup vaults encrypt recovery points with a customer-managed KMS key',
    category: 'encryption',
    level: 'error',
    resourceTypes: ['aws_backup_vault'],
    remediation: 'Set `kms_key_arn` to a customer-managed key. Without it the vault uses the AWS-managed backup key, whose policy you cannot scope and which cannot be shared for cross-account restores. The key is fixed at creation.',
    references: { checkov: ['CKV_AWS_166'], cdkNag: [] },
  },
  (stack) =>
    checkEach(stack, ['aws_backup_vault'], (v) => {
      const problems: string[] = [];
      const unknowns: string[] = [];
      noteCustomerKey(stack, v.values.kms_key_arn, 'kms_key_arn', problems, unknowns);
      return decide(v.address, problems, unknowns, 'recovery points are encrypted with a customer-managed key');
    }),
);
