import { customerKeyRule } from '../../rule-helpers/customer-key-rule';

/** TF-ENC-11: CloudTrail trails encrypt log files with a customer-managed key. */
export const CloudTrailEncrypted = customerKeyRule(
  {
    id: 'TF-ENC-11',
    title: 'Ensure CloudTrail trails encrypt log files with a customer-managed KMS key',
    category: 'encryption',
    level: 'error',
    resourceTypes: ['aws_cloudtrail'],
    remediation:
      'Set `kms_key_id` to a customer-managed key whose policy lets `cloudtrail.amazonaws.com` generate data keys for this trail (condition on `aws:SourceArn`) and lets only the auditors decrypt.',
    references: { cis: 'CIS AWS v5.0.0 3.5', checkov: ['CKV_AWS_35'], cdkNag: ['NIST.800.53.R5-CloudTrailEncryptionEnabled'] },
  },
  'kms_key_id',
);
