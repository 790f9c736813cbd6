import { EcrRepository, EcrRepositoryPolicy } from '../../core/aws';
import { Construct } from '../../core/cdktf';
import { environmentOf } from '../../core/environment-context';
import { describeConstruct, TenantformError } from '../../core/errors';
import { guardArns, validateProps } from '../../core/validation';
import { imageRepository } from '../compute/image-repository';
import { serviceKey } from '../database/database-key';
import { IAM_ROLE_NAME_WITH_PATH } from '../iam/role-limits';
import { policyJson, PolicyStatement } from '../iam/policy';
import { partitionOf } from '../identity/arn';
import { SharedRegistryPropsSchema } from './shared-registry.schema';

/** An account that may pull, and which of its roles. */
export interface PullAccount {
  /** The consuming account (dev, prod). */
  readonly accountId: string;
  /**
   * Roles of that account that may pull (node roles, CI), by name or path/name.
   * @default - the account root: the account's own IAM policies decide who pulls
   */
  readonly roleNames?: readonly string[];
}

export interface SharedRegistryProps {
  /** Repository names, e.g. `['web/frontend', 'web/backend']`. */
  readonly repositories: readonly string[];
  /** Accounts (by a stable label) whose principals may pull every repository; nothing else crosses the account boundary. */
  readonly pullAccounts: Readonly<Record<string, PullAccount>>;
  /**
   * Roles of this account that may push (the CI role), by name.
   * @default - none in the repository policy; this account's IAM policies decide
   */
  readonly pushRoleNames?: readonly string[];
  /**
   * Key for the images.
   * @default - a key of its own, rotated yearly, usable only through ECR
   */
  readonly kmsKeyArn?: string;
  /**
   * Images kept per repository.
   * @default 50
   */
  readonly keepImages?: number;
}

/** What pulling an image takes, and nothing more. */
export const PULL_ACTIONS: readonly string[] = ['ecr:BatchGetImage', 'ecr:GetDownloadUrlForLayer', 'ecr:BatchCheckLayerAvailability'];
const PUSH_ACTIONS: readonly string[] = ['ecr:PutImage', 'ecr:InitiateLayerUpload', 'ecr:UploadLayerPart', 'ecr:CompleteLayerUpload', 'ecr:BatchCheckLayerAvailability'];

const REPOSITORY = /^[a-z0-9]+(?:[._-][a-z0-9]+)*(?:\/[a-z0-9]+(?:[._-][a-z0-9]+)*){0,3}$/;
const LABEL = /^[A-Za-z][A-Za-z0-9-]{0,62}$/;

/**
 * ECR repositories in the shared-services account: immutable tags, scan on
 * push, KMS, a lifecycle that keeps the newest images, and a repository
 * policy that lets the named accounts (or their named roles) pull and do
 * nothing else. Consumers still need their own IAM permission to pull
 * (`grantImagePull` on the repository ARN, or the node role's pull-only
 * managed policy).
 */
export class SharedRegistry extends Construct {
  /** Repositories by name. */
  public readonly repositories: Readonly<Record<string, EcrRepository>>;

  constructor(scope: Construct, id: string, props: SharedRegistryProps) {
    super(scope, id);
    const where = describeConstruct('SharedRegistry', this.node);
    validateProps(SharedRegistryPropsSchema, props, where);
    const env = environmentOf(this, 'SharedRegistry');
    guardArns(props, env, where);
    if (props.repositories.length === 0 || props.repositories.some((r) => !REPOSITORY.test(r) || r.length > 256) || new Set(props.repositories).size !== props.repositories.length) {
      throw new TenantformError({ code: 'TF-ECR-001', where, problem: 'repositories must be distinct ECR repository names (lowercase, at most 256, up to four path segments).', value: props.repositories, fix: 'use e.g. ["web/frontend", "web/backend"].' });
    }
    const partition = partitionOf(env.region);
    const pullers: string[] = [];
    for (const [label, account] of Object.entries(props.pullAccounts)) {
      if (!LABEL.test(label) || !/^\d{12}$/.test(account.accountId) || (account.roleNames ?? []).some((n) => !IAM_ROLE_NAME_WITH_PATH.test(n) || n.includes('*'))) {
        throw new TenantformError({ code: 'TF-ECR-002', where, problem: 'a pull account needs a label, a 12-digit account ID and role names without wildcards.', value: { label, ...account }, fix: 'use e.g. { prod: { accountId: "111111111111", roleNames: ["prod-web-nodes"] } }.' });
      }
      if (account.accountId === env.accountId) {
        throw new TenantformError({ code: 'TF-ECR-002', where, problem: "the registry's own account needs no repository policy to pull; grant its roles with IAM.", value: { label, ...account }, fix: 'remove it from pullAccounts.' });
      }
      const roles = account.roleNames ?? [];
      if (roles.length === 0) pullers.push(`arn:${partition}:iam::${account.accountId}:root`);
      else pullers.push(...roles.map((r) => `arn:${partition}:iam::${account.accountId}:role/${r}`));
    }
    const pushers = (props.pushRoleNames ?? []).map((r) => {
      if (!IAM_ROLE_NAME_WITH_PATH.test(r) || r.includes('*')) throw new TenantformError({ code: 'TF-ECR-002', where, problem: 'a push role name is not an IAM role name.', value: r, fix: 'use the CI role name, e.g. "github-deploy".' });
      return `arn:${partition}:iam::${env.accountId}:role/${r}`;
    });
    const keep = props.keepImages ?? 50;
    if (!Number.isInteger(keep) || keep < 1 || keep > 10_000) {
      throw new TenantformError({ code: 'TF-ECR-003', where, problem: 'keepImages must be an integer in 1-10000.', value: keep, fix: 'use e.g. 50.' });
    }
    const kmsKeyArn = props.kmsKeyArn ?? serviceKey(this, env, { keyId: 'key', aliasId: 'key-alias', description: `${env.name}: shared ECR images`, alias: `tenantform/${env.name}/ecr`, services: ['ecr'] }).arn;

    const statements: PolicyStatement[] = [];
    if (pullers.length > 0) statements.push({ Sid: 'NamedAccountsPull', Effect: 'Allow', Principal: { AWS: pullers }, Action: [...PULL_ACTIONS] });
    if (pushers.length > 0) statements.push({ Sid: 'CiPushes', Effect: 'Allow', Principal: { AWS: pushers }, Action: [...PUSH_ACTIONS] });
    const repositories: Record<string, EcrRepository> = {};
    for (const name of props.repositories) {
      const rid = `repository-${name.replace(/[^a-z0-9]+/g, '-')}`;
      const repository = imageRepository(this, { name, kmsKeyArn, keepImages: keep, id: rid });
      if (statements.length > 0) new EcrRepositoryPolicy(this, `${rid}-policy`, { repository: repository.name, policy: policyJson(statements) });
      repositories[name] = repository;
    }
    this.repositories = repositories;
  }
}
