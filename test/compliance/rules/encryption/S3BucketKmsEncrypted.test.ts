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
});
