import { checkEach, decide, defineRule, isUnresolved, show } from '../../rule-kit';
import { nestedBlock, nestedBlocks } from '../../rule-helpers/blocks';
import { keyKind } from '../../rule-helpers/kms';
import { companionIndex } from '../../rule-helpers/links';

const KMS_ALGORITHMS = ['aws:kms', 'aws:kms:dsse'];

/**
 * The `apply_server_side_encryption_by_default` blocks of a list of `rule`
 * values (standalone configuration, or inline in the bucket as provider v3
 * wrote it). `'unknown'` when one of them is computed.
 */
function defaultsOf(ruleValues: readonly unknown[]): Record<string, unknown>[] | 'unknown' {
  const out: Record<string, unknown>[] = [];
  for (const value of ruleValues) {
    const rules = nestedBlocks(value);
    if (rules === 'unknown') return 'unknown';
    for (const rule of rules) {
      const byDefault = nestedBlock(rule.apply_server_side_encryption_by_default);
      if (byDefault === 'unknown') return 'unknown';
      if (Object.keys(byDefault).length > 0) out.push(byDefault);
    }
  }
  return out;
}

/** TF-ENC-4: S3 buckets default to SSE-KMS with a customer-managed key. */
export const S3BucketKmsEncrypted = defineRule(
  {
    id: 'TF-ENC-4',
    title: 'Ensure S3 buckets use SSE-KMS default encryption with a customer-managed key',
    category: 'encryption',
    level: 'error',
    resourceTypes: ['aws_s3_bucket', 'aws_s3_bucket_server_side_encryption_configuration'],
    remediation:
      'Add an `aws_s3_bucket_server_side_encryption_configuration` for the bucket with `sse_algorithm = "aws:kms"`, `kms_master_key_id` set to a customer-managed key and `bucket_key_enabled = true`. S3 default SSE-S3 encryption leaves key access outside IAM/KMS control. Buckets that receive ALB access logs can only use SSE-S3; suppress this rule on them with that reason.',
    references: { checkov: ['CKV_AWS_145'], cdkNag: ['NIST.800.53.R5-S3DefaultEncryptionKMS'] },
  },
  (stack) => {
    const configsOf = companionIndex(stack, ['aws_s3_bucket'], ['aws_s3_bucket_server_side_encryption_configuration'], 'bucket', ['bucket']);
    return checkEach(stack, ['aws_s3_bucket'], (bucket) => {
      const { matches, ambiguous } = configsOf(bucket);
      const inline = nestedBlock(bucket.values.server_side_encryption_configuration);
      if (inline === 'unknown') return decide(bucket.address, [], ['server_side_encryption_configuration is unresolved'], '');
      const rules = defaultsOf([...matches.map((c) => c.values.rule), inline.rule]);
      if (rules === 'unknown') return decide(bucket.address, [], ['an encryption rule of the bucket is unresolved'], '');
      if (rules.length === 0) {
        return ambiguous
          ? decide(bucket.address, [], ['an encryption configuration names a bucket that cannot be resolved'], '')
          : decide(bucket.address, ['no server-side encryption configuration with SSE-KMS'], [], '');
      }
      const problems: string[] = [];
      const unknowns: string[] = [];
      for (const rule of rules) {
        const algorithm = rule.sse_algorithm;
        if (isUnresolved(algorithm)) unknowns.push('sse_algorithm is unresolved');
        else if (!KMS_ALGORITHMS.includes(String(algorithm))) problems.push(`sse_algorithm is ${show(algorithm)}, not aws:kms`);
        const kind = keyKind(stack, rule.kms_master_key_id);
        if (kind === 'unknown') unknowns.push('kms_master_key_id is unresolved');
        else if (kind !== 'customer-managed') problems.push('kms_master_key_id does not name a customer-managed key');
      }
      return decide(bucket.address, problems, unknowns, 'default encryption is SSE-KMS with a customer-managed key');
    });
  },
);
