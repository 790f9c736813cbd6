import { S3Bucket, S3BucketLifecycleConfiguration, S3BucketObjectLockConfigurationA, S3BucketOwnershipControls, S3BucketPolicy, S3BucketPublicAccessBlock, S3BucketServerSideEncryptionConfigurationA, S3BucketVersioningA } from '../../core/aws';
import { Construct } from '../../core/cdktf';
import { policyJson, PolicyStatement } from './policy';

export interface AuditBucketProps {
  readonly bucketName: string;
  /** ARN of the KMS key objects are encrypted with. */
  readonly kmsKeyArn: string;
  /** Days objects are kept before they expire (noncurrent versions too). */
  readonly retentionDays: number;
  /**
   * Days of object-lock (governance mode) retention; versioning alone when unset.
   * @default - versioning without object lock
   */
  readonly objectLockDays?: number;
  /** Statements for the services that deliver logs into the bucket. */
  readonly deliveryStatements: (bucketArn: string) => PolicyStatement[];
}

/**
 * A bucket for audit logs: private, TLS-only, KMS-encrypted, versioned (and
 * optionally object-locked) so a log file once written cannot be silently
 * replaced.
 */
export class AuditBucket extends Construct {
  public readonly bucket: S3Bucket;
  public readonly policy: S3BucketPolicy;

  constructor(scope: Construct, id: string, props: AuditBucketProps) {
    super(scope, id);
    this.bucket = new S3Bucket(this, 'bucket', {
      bucket: props.bucketName,
      // Audit logs outlive `terraform destroy`; deleting them is a manual decision.
      forceDestroy: false,
      ...(props.objectLockDays ? { objectLockEnabled: true } : {}),
    });
    const bucket = this.bucket.id;
    new S3BucketPublicAccessBlock(this, 'public-access', { bucket, blockPublicAcls: true, blockPublicPolicy: true, ignorePublicAcls: true, restrictPublicBuckets: true });
    new S3BucketOwnershipControls(this, 'ownership', { bucket, rule: { objectOwnership: 'BucketOwnerEnforced' } });
    new S3BucketVersioningA(this, 'versioning', { bucket, versioningConfiguration: { status: 'Enabled' } });
    new S3BucketServerSideEncryptionConfigurationA(this, 'encryption', {
      bucket,
      rule: [{ applyServerSideEncryptionByDefault: { sseAlgorithm: 'aws:kms', kmsMasterKeyId: props.kmsKeyArn }, bucketKeyEnabled: true }],
    });
    if (props.objectLockDays) {
      new S3BucketObjectLockConfigurationA(this, 'object-lock', { bucket, rule: { defaultRetention: { mode: 'GOVERNANCE', days: props.objectLockDays } } });
    }
    new S3BucketLifecycleConfiguration(this, 'lifecycle', {
      bucket,
      rule: [
        {
          id: 'expire-audit-logs',
          status: 'Enabled',
          filter: [{ prefix: '' }],
          expiration: [{ days: props.retentionDays }],
          noncurrentVersionExpiration: [{ noncurrentDays: props.retentionDays }],
          abortIncompleteMultipartUpload: [{ daysAfterInitiation: 7 }],
        },
      ],
    });
    const arn = this.bucket.arn;
    this.policy = new S3BucketPolicy(this, 'policy', {
      bucket,
      policy: policyJson([
        {
          Sid: 'DenyInsecureTransport',
          Effect: 'Deny',
          Principal: '*',
          Action: 's3:*',
          Resource: [arn, `${arn}/*`],
          Condition: { Bool: { 'aws:SecureTransport': 'false' } },
        },
        ...props.deliveryStatements(arn),
      ]),
    });
  }
}
