import { secureBucket } from '../../../../constructs/platform/storage/secure-bucket';
import { DEV, resourcesOf, synthJson } from '../../../support/synth';
import { parsePolicy, testStack } from '../../identity/helpers';

const rule = { id: 'expire', status: 'Enabled', filter: [{ prefix: '' }], expiration: [{ days: 365 }] };

describe('secureBucket', () => {
  test('private, versioned, KMS-encrypted, TLS-only, never force-destroyed, with object lock when asked', () => {
    const stack = testStack(DEV);
    secureBucket(stack, { bucketName: 'acme-audit', encryption: { kind: 'kms', keyArn: 'arn:aws:kms:eu-west-1:222222222222:key/abc' }, objectOwnership: 'BucketOwnerEnforced', objectLockDays: 30, lifecycleRule: rule, statements: () => [] });
    const json = synthJson(stack);
    expect(Object.values(resourcesOf(json, 'aws_s3_bucket'))[0]).toMatchObject({ bucket: 'acme-audit', force_destroy: false, object_lock_enabled: true });
    expect(Object.values(resourcesOf(json, 'aws_s3_bucket_public_access_block'))[0]).toMatchObject({ block_public_acls: true, block_public_policy: true, ignore_public_acls: true, restrict_public_buckets: true });
    expect(Object.values(resourcesOf(json, 'aws_s3_bucket_versioning'))[0]).toMatchObject({ versioning_configuration: { status: 'Enabled' } });
    expect(JSON.stringify(resourcesOf(json, 'aws_s3_bucket_server_side_encryption_configuration'))).toContain('"sse_algorithm":"aws:kms"');
    expect(Object.keys(resourcesOf(json, 'aws_s3_bucket_object_lock_configuration'))).toHaveLength(1);
    const [deny] = parsePolicy(Object.values(resourcesOf(json, 'aws_s3_bucket_policy'))[0]!.policy).Statement;
    expect(deny).toMatchObject({ Sid: 'DenyInsecureTransport', Effect: 'Deny', Condition: { Bool: { 'aws:SecureTransport': 'false' } } });
  });

  test('SSE-S3 records its reason as TF-ENC-4 suppressions; no object lock unless asked', () => {
    const stack = testStack(DEV);
    const { bucket } = secureBucket(stack, { bucketPrefix: 'tf-dev-lb-', encryption: { kind: 's3-managed', reason: 'Load balancer access logs cannot use a customer key' }, objectOwnership: 'BucketOwnerEnforced', lifecycleRule: rule, statements: () => [] });
    const json = synthJson(stack);
    expect(JSON.stringify(Object.values(resourcesOf(json, 'aws_s3_bucket'))[0])).toContain('TF-ENC-4');
    expect(bucket.node.id).toBe('bucket');
    expect(resourcesOf(json, 'aws_s3_bucket_object_lock_configuration')).toEqual({});
  });
});
