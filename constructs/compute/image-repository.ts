import { EcrLifecyclePolicy, EcrRepository } from '../../core/aws';
import { Construct } from '../../core/cdktf';

export interface ImageRepositoryOptions {
  /** Repository name, e.g. `tenantform/dev/kong`. */
  readonly name: string;
  /** Customer-managed key for the images. */
  readonly kmsKeyArn: string;
  /**
   * How many images to keep; older ones expire.
   * @default 20
   */
  readonly keepImages?: number;
  /**
   * Construct ID of the repository; its lifecycle policy is `<id>-lifecycle`. Part of both Terraform addresses.
   * @default 'repository'
   */
  readonly id?: string;
}

/**
 * The kit's one private image repository: immutable tags, scan on push,
 * KMS-encrypted, the newest images kept. Created directly in `scope`, so the
 * constructs built on it (Kong, Fargate services, functions, pipelines) keep
 * their Terraform addresses.
 */
export function imageRepository(scope: Construct, options: ImageRepositoryOptions): EcrRepository {
  const id = options.id ?? 'repository';
  const keep = options.keepImages ?? 20;
  const repository = new EcrRepository(scope, id, {
    name: options.name,
    imageTagMutability: 'IMMUTABLE',
    imageScanningConfiguration: { scanOnPush: true },
    encryptionConfiguration: [{ encryptionType: 'KMS', kmsKey: options.kmsKeyArn }],
  });
  new EcrLifecyclePolicy(scope, `${id}-lifecycle`, {
    repository: repository.name,
    policy: JSON.stringify({
      rules: [{ rulePriority: 1, description: `Keep the ${keep} newest images`, selection: { tagStatus: 'any', countType: 'imageCountMoreThan', countNumber: keep }, action: { type: 'expire' } }],
    }),
  });
  return repository;
}
