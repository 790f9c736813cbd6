import { KmsKey, S3Bucket } from '../../../core/aws';
import { validateProps } from '../../../core/validation';
import { LogBucketPropsSchema } from './log-bucket.schema';
import { PolicyConditions, PolicyStatement } from '../../iam/policy';
import { secureBucket } from './secure-bucket';
import { Construct } from '../../../core/cdktf';
import { environmentOf } from '../../../core/environment-context';
import { describeConstruct, TenantformError } from '../../../core/errors';

/** How objects in a log bucket are encrypted at rest. */
export type LogBucketEncryption =
  | { readonly kind: 'kms'; readonly key: KmsKey }
  /**
   * SSE-S3, for writers that cannot use a customer-managed key (Elastic Load
   * Balancing access logs). The reason is recorded as a suppression.
   */
  | { readonly kind: 's3-managed'; readonly reason: string };

/** One statement that lets an AWS service write into the bucket; `Resource` is filled in. */
export interface LogWriterStatement {
  readonly Sid: string;
  readonly Principal: Record<string, string>;
  readonly Action: string | readonly string[];
  /** `bucket` for the bucket ARN itself, `objects` for `<arn>/<prefix>*`. */
  readonly on: 'bucket' | 'objects';
  /** Object key prefix the writer may use. @default - whole bucket */
  readonly prefix?: string;
  readonly Condition?: Record<string, unknown>;
}

export interface LogBucketProps {
  /** Short purpose label, part of the bucket name, e.g. `alb-logs`. */
  readonly purpose: string;
  readonly encryption: LogBucketEncryption;
  /** Services that write logs here. */
  readonly writers?: readonly LogWriterStatement[];
  /**
   * Days logs are kept before they expire.
   * @default 365
   */
  readonly retentionDays?: number;
  /**
   * Object ownership. CloudFront standard logging needs ACLs, so its bucket
   * uses `BucketOwnerPreferred`; everything else disables ACLs.
   * @default 'BucketOwnerEnforced'
   */
  readonly objectOwnership?: 'BucketOwnerEnforced' | 'BucketOwnerPreferred';
}

/**
 * An S3 bucket for access logs: encrypted, versioned, private, TLS-only,
 * with lifecycle rules that move logs to infrequent access and expire them.
 */
export class LogBucket extends Construct {
  public readonly bucket: S3Bucket;

  constructor(scope: Construct, id: string, props: LogBucketProps) {
    super(scope, id);
    validateProps(LogBucketPropsSchema, props, describeConstruct('LogBucket', this.node));
    const where = describeConstruct('LogBucket', this.node);
    const env = environmentOf(this, 'LogBucket');
    const retentionDays = props.retentionDays ?? 365;
    if (!Number.isInteger(retentionDays) || retentionDays < 31) {
      throw new TenantformError({ code: 'TF-PLT-016', where, problem: 'log retention must be a whole number of days, at least 31 (logs move to infrequent access after 30).', value: retentionDays, fix: 'use 365 or more for audit trails.' });
    }
    this.bucket = secureBucket(this, {
      bucketPrefix: `tf-${env.name}-${props.purpose}-`.slice(0, 37),
      encryption: props.encryption.kind === 'kms' ? { kind: 'kms', keyArn: props.encryption.key.arn } : props.encryption,
      objectOwnership: props.objectOwnership ?? 'BucketOwnerEnforced',
      publicAccessBlockId: 'public-access-block',
      lifecycleRule: {
        id: 'age-out-logs',
        status: 'Enabled',
        filter: [{ prefix: '' }],
        transition: [{ days: 30, storageClass: 'STANDARD_IA' }],
        expiration: [{ days: retentionDays }],
        noncurrentVersionExpiration: [{ noncurrentDays: 30 }],
        abortIncompleteMultipartUpload: [{ daysAfterInitiation: 7 }],
      },
      // Logs hold client IPs and request lines; the secure bucket already refuses plain HTTP.
      statements: (arn) =>
        (props.writers ?? []).map(
          (w): PolicyStatement => ({
            Sid: w.Sid,
            Effect: 'Allow',
            Principal: w.Principal,
            Action: w.Action,
            Resource: w.on === 'bucket' ? arn : `${arn}/${w.prefix ?? ''}*`,
            ...(w.Condition ? { Condition: w.Condition as PolicyConditions } : {}),
          }),
        ),
    }).bucket;
  }
}
