import { customerKeyRule } from '../../rule-helpers/customer-key-rule';

/** TF-ENC-7: SNS topics are encrypted with a customer-managed key. */
export const SnsTopicEncrypted = customerKeyRule(
  {
    id: 'TF-ENC-7',
    title: 'Ensure SNS topics are encrypted with a customer-managed KMS key',
    category: 'encryption',
    level: 'error',
    resourceTypes: ['aws_sns_topic'],
    remediation:
      'Set `kms_master_key_id` to a customer-managed key. Publishers such as CloudWatch alarms need `kms:GenerateDataKey*` and `kms:Decrypt` on it through the key policy; `alias/aws/sns` cannot grant that to other services.',
    references: { checkov: ['CKV_AWS_26'], cdkNag: ['AwsSolutions-SNS2'] },
  },
  'kms_master_key_id',
);
