import { S3Bucket, S3BucketPolicy } from '../../core/aws';
import { validateProps } from '../../core/validation';
import { AuditBucketPropsSchema } from './audit-bucket.schema';
import { Construct, Token } from '../../core/cdktf';
import { describeConstruct, TenantformError } from '../../core/errors';
import { isS3BucketName } from '../../core/bucket-names';
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
    if (!Token.isUnresolved(props.bucketName) && !isS3BucketName(props.bucketName)) {
      throw new TenantformError({ code: 'TF-IAM-053', where: describeConstruct('AuditBucket', this.node), problem: 'bucketName must be an S3 bucket name: 3-63 lowercase letters, digits, dots or hyphens, starting and ending with a letter or digit.', value: props.bucketName, fix: 'use e.g. "acme-audit-111111111111-eu-west-1".' });
    }
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
