import { LogBucket } from '../../../../constructs/platform/storage/log-bucket';
import { TenantformStack } from '../../../../stacks/tenantform-stack';
import { newApp, synthJson } from '../../../support/synth';
import { defaultPlatformJson, errorCode, PLATFORM_PROD, ref, resourceAt } from '../../../support/platform-fixtures';

class BareStack extends TenantformStack {}

describe('LogBucket', () => {
  const json = defaultPlatformJson();

  it('edge logs: SSE-KMS with the logs key, versioned, private, ACLs for CloudFront', () => {
    const bucket = resourceAt(json, 'aws_s3_bucket', 'edge/logs/bucket');
    const key = resourceAt(json, 'aws_kms_key', 'keys/logs');
    const bucketRef = ref('aws_s3_bucket', bucket.key);
    expect(resourceAt(json, 'aws_s3_bucket_server_side_encryption_configuration', 'edge/logs/encryption').rule).toEqual([
      { apply_server_side_encryption_by_default: { sse_algorithm: 'aws:kms', kms_master_key_id: ref('aws_kms_key', key.key, 'arn') }, bucket_key_enabled: true },
    ]);
    expect(resourceAt(json, 'aws_s3_bucket_versioning', 'edge/logs/versioning')).toMatchObject({ bucket: bucketRef, versioning_configuration: { status: 'Enabled' } });
    expect(resourceAt(json, 'aws_s3_bucket_public_access_block', 'edge/logs/public-access-block')).toMatchObject({
      bucket: bucketRef,
      block_public_acls: true,
      block_public_policy: true,
      ignore_public_acls: true,
      restrict_public_buckets: true,
    });
    expect(resourceAt(json, 'aws_s3_bucket_ownership_controls', 'edge/logs/ownership').rule).toEqual({ object_ownership: 'BucketOwnerPreferred' });
  });

  it.each(['edge/logs', 'lb-logs'])('%s denies every non-TLS request and ages logs out', (path) => {
    const bucket = resourceAt(json, 'aws_s3_bucket', `${path}/bucket`);
    const arn = ref('aws_s3_bucket', bucket.key, 'arn');
    const policy = JSON.parse(resourceAt(json, 'aws_s3_bucket_policy', `${path}/policy`).policy as string);
    expect(policy.Statement[0]).toEqual({
      Sid: 'DenyInsecureTransport',
      Effect: 'Deny',
      Principal: '*',
      Action: 's3:*',
      Resource: [arn, `${arn}/*`],
      Condition: { Bool: { 'aws:SecureTransport': 'false' } },
    });
    expect(resourceAt(json, 'aws_s3_bucket_lifecycle_configuration', `${path}/lifecycle`).rule).toEqual([
      {
        id: 'age-out-logs',
        status: 'Enabled',
        filter: [{ prefix: '' }],
        transition: [{ days: 30, storage_class: 'STANDARD_IA' }],
        expiration: [{ days: 365 }],
        noncurrent_version_expiration: [{ noncurrent_days: 30 }],
        abort_incomplete_multipart_upload: [{ days_after_initiation: 7 }],
      },
    ]);
  });

  it('load-balancer logs: SSE-S3 with a recorded suppression, ELB and log delivery may write under their prefixes only', () => {
    const sse = resourceAt(json, 'aws_s3_bucket_server_side_encryption_configuration', 'lb-logs/encryption');
    expect(sse.rule).toEqual([{ apply_server_side_encryption_by_default: { sse_algorithm: 'AES256' } }]);
    const suppressions = (sse['//'] as { tenantform: { suppressions: { ruleId: string; reason: string }[] } }).tenantform.suppressions;
    expect(suppressions.map((s) => s.ruleId)).toEqual(['TF-ENC-4']);
    const bucket = resourceAt(json, 'aws_s3_bucket', 'lb-logs/bucket');
    const arn = ref('aws_s3_bucket', bucket.key, 'arn');
    const policy = JSON.parse(resourceAt(json, 'aws_s3_bucket_policy', 'lb-logs/policy').policy as string);
    expect(policy.Statement.slice(1).map((s: { Sid: string; Principal: unknown; Resource: string }) => [s.Sid, s.Principal, s.Resource])).toEqual([
      ['AlbAccessLogsWrite', { AWS: 'arn:aws:iam::156460612806:root' }, `${arn}/alb/AWSLogs/111111111111/*`],
      ['NlbAccessLogsAclCheck', { Service: 'delivery.logs.amazonaws.com' }, arn],
      ['NlbAccessLogsWrite', { Service: 'delivery.logs.amazonaws.com' }, `${arn}/nlb/AWSLogs/111111111111/*`],
    ]);
  });

  it('TF-PLT-016: retention shorter than the infrequent-access transition', () => {
    const stack = new BareStack(newApp(), 'prod-logs', { environment: PLATFORM_PROD });
    expect(errorCode(() => new LogBucket(stack, 'logs', { purpose: 'x', encryption: { kind: 's3-managed', reason: 'Load balancer access logs cannot use a customer key' }, retentionDays: 30 }))).toBe('TF-PLT-016');
    new LogBucket(stack, 'ok', { purpose: 'x', encryption: { kind: 's3-managed', reason: 'Load balancer access logs cannot use a customer key' }, retentionDays: 31 });
    expect(Object.keys(synthJson(stack).resource!.aws_s3_bucket!)).toHaveLength(1);
  });
});
