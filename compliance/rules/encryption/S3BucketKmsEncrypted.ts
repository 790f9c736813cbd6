import { ResourceModel, Rule, StackModel } from '../../types';
import { keyKind } from '../_shared/kms';
import { companionsOf } from '../_shared/links';
import { decide } from '../_shared/outcomes';
import { blockOf, blocksOf, isUnresolved } from '../_shared/values';

const KMS_ALGORITHMS = ['aws:kms', 'aws:kms:dsse'];

/** TF-ENC-4: S3 buckets default to SSE-KMS with a customer-managed key. */
export const S3BucketKmsEncrypted: Rule = {
  meta: {
    id: 'TF-ENC-4',
    title: 'Ensure S3 buckets use SSE-KMS default encryption with a customer-managed key',
    category: 'encryption',
    level: 'error',
    resourceTypes: ['aws_s3_bucket', 'aws_s3_bucket_server_side_encryption_configuration'],
    remediation:
      'Add an `aws_s3_bucket_server_side_encryption_configuration` for the bucket with `sse_algorithm = "aws:kms"`, `kms_master_key_id` set to a customer-managed key and `bucket_key_enabled = true`. S3 default SSE-S3 encryption leaves key access outside IAM/KMS control. Buckets that receive ALB access logs can only use SSE-S3; suppress this rule on them with that reason.',
    references: { cis: 'CIS AWS v5.0.0 3.1.1', checkov: ['CKV_AWS_145'], cdkNag: ['NIST.800.53.R5-S3DefaultEncryptionKMS'] },
    invariant: false,
  },
  check(stack) {
    return [...stack.resources.values()]
      .filter((r) => r.type === 'aws_s3_bucket')
      .sort((a, b) => a.address.localeCompare(b.address))
      .map((bucket) => {
        const { rules, ambiguous } = encryptionRules(stack, bucket);
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
          else if (!KMS_ALGORITHMS.includes(String(algorithm))) problems.push(`sse_algorithm is ${JSON.stringify(algorithm)}, not aws:kms`);
          const kind = keyKind(stack, rule.kms_master_key_id);
          if (kind === 'unknown') unknowns.push('kms_master_key_id is unresolved');
          else if (kind !== 'customer-managed') problems.push('kms_master_key_id does not name a customer-managed key');
        }
        return decide(bucket.address, problems, unknowns, 'default encryption is SSE-KMS with a customer-managed key');
      });
  },
};

/** The `apply_server_side_encryption_by_default` blocks that apply to a bucket, standalone or inline (provider v3 style). */
function encryptionRules(stack: StackModel, bucket: ResourceModel): { rules: Record<string, unknown>[]; ambiguous: boolean } {
  const companions = companionsOf(stack, bucket, ['aws_s3_bucket_server_side_encryption_configuration'], 'bucket', ['bucket']);
  const configs = [...companions.matches.map((c) => c.values.rule), blockOf(bucket.values.server_side_encryption_configuration).rule];
  const rules = configs.flatMap((rule) => blocksOf(rule)).map((r) => blockOf(r.apply_server_side_encryption_by_default)).filter((r) => Object.keys(r).length > 0);
  return { rules, ambiguous: companions.ambiguous };
}
