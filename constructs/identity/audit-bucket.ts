import { S3Bucket, S3BucketPolicy } from '../../core/aws';
import { validateProps } from '../../core/validation';
import { AuditBucketPropsSchema } from './audit-bucket.schema';
import { Construct } from '../../core/cdktf';
import { describeConstruct } from '../../core/errors';
import { secureBucket } from '../platform/storage/secure-bucket';
import { PolicyStatement } from '../iam/policy';

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
 * A bucket for audit logs: the kit's secure bucket (private, TLS-only,
 * versioned, optionally object-locked) with a customer-managed key, so a log
 * file once written cannot be silently replaced.
 */
export class AuditBucket extends Construct {
  public readonly bucket: S3Bucket;
  public readonly policy: S3BucketPolicy;

  constructor(scope: Construct, id: string, props: AuditBucketProps) {
    super(scope, id);
    validateProps(AuditBucketPropsSchema, props, describeConstruct('AuditBucket', this.node));
    const { bucket, policy } = secureBucket(this, {
      bucketName: props.bucketName,
      encryption: { kind: 'kms', keyArn: props.kmsKeyArn },
      objectOwnership: 'BucketOwnerEnforced',
      objectLockDays: props.objectLockDays,
      lifecycleRule: {
        id: 'expire-audit-logs',
        status: 'Enabled',
        filter: [{ prefix: '' }],
        expiration: [{ days: props.retentionDays }],
        noncurrentVersionExpiration: [{ noncurrentDays: props.retentionDays }],
        abortIncompleteMultipartUpload: [{ daysAfterInitiation: 7 }],
      },
      statements: props.deliveryStatements,
    });
    this.bucket = bucket;
    this.policy = policy;
  }
}
