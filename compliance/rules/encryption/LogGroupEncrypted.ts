import { customerKeyRule } from '../../rule-helpers/customer-key-rule';

/** TF-ENC-8: CloudWatch log groups are encrypted with a customer-managed key. */
export const LogGroupEncrypted = customerKeyRule(
  {
    id: 'TF-ENC-8',
    title: 'Ensure CloudWatch log groups are encrypted with a customer-managed KMS key',
    category: 'encryption',
    level: 'error',
    resourceTypes: ['aws_cloudwatch_log_group'],
    remediation:
      'Set `kms_key_id` to the ARN of a customer-managed key whose policy allows `logs.<region>.amazonaws.com`, scoped with a `kms:EncryptionContext:aws:logs:arn` condition to the log group.',
    references: { checkov: ['CKV_AWS_158'], cdkNag: ['NIST.800.53.R5-CloudWatchLogGroupEncrypted'] },
  },
  'kms_key_id',
);
