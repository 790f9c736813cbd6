import { customerKeyRule } from '../../rule-helpers/customer-key-rule';

/** TF-ENC-6: SQS queues are encrypted with a customer-managed key. */
export const SqsQueueEncrypted = customerKeyRule(
  {
    id: 'TF-ENC-6',
    title: 'Ensure SQS queues are encrypted with a customer-managed KMS key',
    category: 'encryption',
    level: 'error',
    resourceTypes: ['aws_sqs_queue'],
    remediation:
      'Set `kms_master_key_id` to a customer-managed key whose policy lets the producers and consumers use it. SSE-SQS (`sqs_managed_sse_enabled`) encrypts, but with a key no policy of yours controls.',
    references: { checkov: ['CKV_AWS_27'], cdkNag: ['AwsSolutions-SQS2'] },
  },
  'kms_master_key_id',
);
