import { S3BucketKmsEncrypted } from '../../../../compliance/rules/encryption';
import { fixtureStack, ref, verdicts } from '../../../support/rules-fixtures';

const kms = (bucket: string, extra: Record<string, unknown> = {}) => ({
  bucket,
  rule: [{ apply_server_side_encryption_by_default: [{ sse_algorithm: 'aws:kms', kms_master_key_id: ref('aws_kms_key.s3.arn'), ...extra }] }],
});

describe('TF-ENC-4 S3BucketKmsEncrypted', () => {
  it('matches encryption configurations by reference and by literal bucket name', () => {
    const stack = fixtureStack({
      aws_kms_key: { s3: { enable_key_rotation: true } },
      aws_s3_bucket: { by_ref: {}, by_name: { bucket: 'acme-named' }, s3_managed: {}, none: {}, aws_key: {}, legacy_inline: { server_side_encryption_configuration: { rule: { apply_server_side_encryption_by_default: { sse_algorithm: 'aws:kms', kms_master_key_id: 'arn:aws:kms:eu-west-1:111111111111:key/1' } } } } },
      aws_s3_bucket_server_side_encryption_configuration: {
        by_ref: kms(ref('aws_s3_bucket.by_ref.id')),
        by_name: kms(ref('aws_s3_bucket.by_name.bucket')),
        s3_managed: { bucket: ref('aws_s3_bucket.s3_managed.id'), rule: [{ apply_server_side_encryption_by_default: [{ sse_algorithm: 'AES256' }] }] },
        aws_key: kms(ref('aws_s3_bucket.aws_key.id'), { kms_master_key_id: 'alias/aws/s3' }),
      },
    });
    expect(verdicts(S3BucketKmsEncrypted, stack)).toEqual({
      fail: ['aws_s3_bucket.aws_key', 'aws_s3_bucket.none', 'aws_s3_bucket.s3_managed'],
      unknown: [],
      pass: ['aws_s3_bucket.by_name', 'aws_s3_bucket.by_ref', 'aws_s3_bucket.legacy_inline'],
    });
  });

  it('is unknown, not failed, when a configuration names a bucket the stack cannot resolve', () => {
    const stack = fixtureStack({
      aws_s3_bucket: { maybe: {} },
      aws_s3_bucket_server_side_encryption_configuration: { external: kms(ref('var.bucket')) },
    });
    expect(verdicts(S3BucketKmsEncrypted, stack)).toEqual({ fail: [], unknown: ['aws_s3_bucket.maybe'], pass: [] });
  });

  it('Noncompliance: computed rule blocks are unknown; a configuration whose bucket is a conditional covers neither bucket for sure', () => {
    const stack = fixtureStack({
      aws_kms_key: { s3: { enable_key_rotation: true } },
      aws_s3_bucket: { computed_rule: {}, computed_default: {}, a: {}, b: {}, array_inline: { server_side_encryption_configuration: [{ rule: [{ apply_server_side_encryption_by_default: [{ sse_algorithm: 'AES256' }] }] }] } },
      aws_s3_bucket_server_side_encryption_configuration: {
        computed_rule: { bucket: ref('aws_s3_bucket.computed_rule.id'), rule: ref('var.rules') },
        computed_default: { bucket: ref('aws_s3_bucket.computed_default.id'), rule: [{ apply_server_side_encryption_by_default: ref('var.sse') }] },
        either: kms(ref('var.first ? aws_s3_bucket.a.id : aws_s3_bucket.b.id')),
      },
    });
    expect(verdicts(S3BucketKmsEncrypted, stack)).toEqual({
      fail: ['aws_s3_bucket.array_inline'],
      unknown: ['aws_s3_bucket.a', 'aws_s3_bucket.b', 'aws_s3_bucket.computed_default', 'aws_s3_bucket.computed_rule'],
      pass: [],
    });
  });

  it('a literal bucket name in a configuration may name a bucket whose own name is computed', () => {
    const stack = fixtureStack({
      aws_s3_bucket: { computed_name: { bucket: ref('var.name') } },
      aws_s3_bucket_server_side_encryption_configuration: { literal: kms('some-bucket') },
    });
    expect(verdicts(S3BucketKmsEncrypted, stack)).toEqual({ fail: [], unknown: ['aws_s3_bucket.computed_name'], pass: [] });
  });
});
