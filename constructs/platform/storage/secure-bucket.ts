import {
  S3Bucket,
  S3BucketLifecycleConfiguration,
  S3BucketObjectLockConfigurationA,
  S3BucketOwnershipControls,
  S3BucketPolicy,
  S3BucketPublicAccessBlock,
  S3BucketServerSideEncryptionConfigurationA as S3BucketServerSideEncryptionConfiguration,
  S3BucketVersioningA as S3BucketVersioning,
} from '../../../core/aws';
import { Construct } from '../../../core/cdktf';
import { suppress } from '../../../core/suppressions';
import { policyJson, PolicyStatement } from '../../iam/policy';

/** How objects are encrypted at rest. */
export type SecureBucketEncryption =
  | { readonly kind: 'kms'; readonly keyArn: string }
  /** SSE-S3, for writers that cannot use a customer-managed key; the reason is recorded as a suppression. */
  | { readonly kind: 's3-managed'; readonly reason: string };

/** One lifecycle rule, in the provider's terms. */
export type SecureBucketLifecycleRule = Exclude<NonNullable<ConstructorParameters<typeof S3BucketLifecycleConfiguration>[2]['rule']>, { resolve: unknown }>[number];

export interface SecureBucketOptions {
  /** Exact bucket name; or give `bucketPrefix`. */
  readonly bucketName?: string;
  /** Name prefix; Terraform adds a unique suffix. */
  readonly bucketPrefix?: string;
  readonly encryption: SecureBucketEncryption;
  readonly objectOwnership: 'BucketOwnerEnforced' | 'BucketOwnerPreferred';
  /** The bucket's one lifecycle rule (expiry at least, so nothing is kept forever by accident). */
  readonly lifecycleRule: SecureBucketLifecycleRule;
  /**
   * Days of object-lock (governance mode) retention.
   * @default - versioning without object lock
   */
  readonly objectLockDays?: number;
  /** Who else may use the bucket (log delivery, say), given the bucket ARN. */
  readonly statements: (bucketArn: string) => readonly PolicyStatement[];
  /**
   * Construct ID of the public access block, part of its Terraform address.
   * @default 'public-access'
   */
  readonly publicAccessBlockId?: string;
}

export interface SecureBucket {
  readonly bucket: S3Bucket;
  readonly policy: S3BucketPolicy;
}

/**
 * The kit's one secure bucket: private (public access block, ACLs per
 * `objectOwnership`), versioned, encrypted, TLS-only, with a lifecycle rule
 * and never force-destroyed. Its resources are created directly in `scope`
 * under fixed construct IDs (`bucket`, `ownership`, `versioning`,
 * `encryption`, `object-lock`, `lifecycle`, `policy`), so the constructs
 * built on it keep their Terraform addresses.
 */
export function secureBucket(scope: Construct, options: SecureBucketOptions): SecureBucket {
  const s3Bucket = new S3Bucket(scope, 'bucket', {
    ...(options.bucketName !== undefined ? { bucket: options.bucketName } : { bucketPrefix: options.bucketPrefix }),
    // What a secure bucket holds outlives `terraform destroy`; deleting it is a manual decision.
    forceDestroy: false,
    ...(options.objectLockDays ? { objectLockEnabled: true } : {}),
  });
  const bucket = s3Bucket.id;
  new S3BucketPublicAccessBlock(scope, options.publicAccessBlockId ?? 'public-access', { bucket, blockPublicAcls: true, blockPublicPolicy: true, ignorePublicAcls: true, restrictPublicBuckets: true });
  new S3BucketOwnershipControls(scope, 'ownership', { bucket, rule: { objectOwnership: options.objectOwnership } });
  new S3BucketVersioning(scope, 'versioning', { bucket, versioningConfiguration: { status: 'Enabled' } });
  const sse = new S3BucketServerSideEncryptionConfiguration(scope, 'encryption', {
    bucket,
    rule: [
      options.encryption.kind === 'kms'
        ? { applyServerSideEncryptionByDefault: { sseAlgorithm: 'aws:kms', kmsMasterKeyId: options.encryption.keyArn }, bucketKeyEnabled: true }
        : { applyServerSideEncryptionByDefault: { sseAlgorithm: 'AES256' } },
    ],
  });
  if (options.encryption.kind === 's3-managed') {
    suppress(s3Bucket, 'TF-ENC-4', options.encryption.reason);
    suppress(sse, 'TF-ENC-4', options.encryption.reason);
  }
  if (options.objectLockDays) {
    new S3BucketObjectLockConfigurationA(scope, 'object-lock', { bucket, rule: { defaultRetention: { mode: 'GOVERNANCE', days: options.objectLockDays } } });
  }
  new S3BucketLifecycleConfiguration(scope, 'lifecycle', { bucket, rule: [options.lifecycleRule] });
  const arn = s3Bucket.arn;
  const policy = new S3BucketPolicy(scope, 'policy', {
    bucket,
    policy: policyJson([
      {
        // Nobody reads or writes the bucket over plain HTTP.
        Sid: 'DenyInsecureTransport',
        Effect: 'Deny',
        Principal: '*',
        Action: 's3:*',
        Resource: [arn, `${arn}/*`],
        Condition: { Bool: { 'aws:SecureTransport': 'false' } },
      },
      ...options.statements(arn),
    ]),
  });
  return { bucket: s3Bucket, policy };
}
