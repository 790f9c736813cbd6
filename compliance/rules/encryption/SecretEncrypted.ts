import { customerKeyRule } from '../../rule-helpers/customer-key-rule';

/** TF-ENC-9: Secrets Manager secrets use a customer-managed key. */
export const SecretEncrypted = customerKeyRule(
  {
    id: 'TF-ENC-9',
    title: 'Ensure Secrets Manager secrets are encrypted with a customer-managed KMS key',
    category: 'encryption',
    level: 'error',
    resourceTypes: ['aws_secretsmanager_secret'],
    remediation:
      'Set `kms_key_id` to a customer-managed key. Without it the secret uses `aws/secretsmanager`, which cannot be shared across accounts and whose use no key policy of yours restricts.',
    references: { checkov: ['CKV_AWS_149'], cdkNag: ['NIST.800.53.R5-SecretsManagerUsingKMSKey'] },
  },
  'kms_key_id',
);
