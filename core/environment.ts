import { isS3BucketName } from './bucket-names';
import { TenantformError } from './errors';
import { isKnownRegion } from './regions';

/** Where an environment keeps its Terraform state. */
export type StateBackend = S3StateBackend | LocalStateBackend;

/** Remote state in an S3 bucket owned by the environment's own account. */
export interface S3StateBackend {
  readonly kind: 's3';
  /** The state bucket. Each environment has its own; prod and dev never share one. */
  readonly bucket: string;
  /** ARN or alias of the KMS key that encrypts state objects. */
  readonly kmsKeyId: string;
  /**
   * Region of the bucket.
   * @default - the environment's region
   */
  readonly region?: string;
  /**
   * Prefix for state object keys; the stack name is appended.
   * @default 'tenantform'
   */
  readonly keyPrefix?: string;
  /**
   * DynamoDB table for state locking. Without it, S3-native locking
   * (`use_lockfile`, Terraform 1.10+) is used.
   * @default - S3-native lock file
   */
  readonly dynamodbLockTable?: string;
}

/** Local state files. Only for tests and throwaway sandboxes; must be asked for. */
export interface LocalStateBackend {
  readonly kind: 'local';
  /**
   * Directory for state files; the stack name becomes the file name.
   * @default - the stack's working directory
   */
  readonly directory?: string;
}

/** Whether an environment runs the real service (strictest defaults) or serves development and testing. */
export type Posture = 'production' | 'non-production';

/**
 * What every trust along a declared edge must carry:
 * - `external-id`: an `sts:ExternalId` condition (an account run by another team or party);
 * - `role`: the principal is a named role of the trusted account, never the account itself;
 * - `oidc`: the principal is an OIDC provider of the trusted account (CI federation);
 * - `read-only`: no role may be assumed; the trusted account may only be granted
 *   read access to data (bucket prefixes, Lake Formation tables, the keys that decrypt them);
 * - `image-pull`: no role may be assumed; the trusted account may only pull images
 *   from this environment's registries (and decrypt them). The one edge that may
 *   join production and non-production, and only out of an environment that holds
 *   no customer data (a shared-services registry both postures pull from).
 */
export type TrustRequirement = 'external-id' | 'role' | 'oidc' | 'read-only' | 'image-pull';

/**
 * A declared trust edge: principals of `from`'s account may assume roles in
 * the declaring environment, and only with `requires`. Edges are the one way
 * two environments may trust each other; production and non-production
 * never do.
 */
export interface TrustEdge {
  /** The environment whose principals may be trusted. */
  readonly from: Environment;
  /** The condition every such trust must carry. */
  readonly requires: TrustRequirement;
}

/** Whether an account may hold IAM users. */
export type IamUsersPolicy = 'allowed' | 'none';

/** One deployment target: a name bound to exactly one AWS account and home region. */
export interface Environment {
  /** Short lowercase label, such as `prod` or `dev`. It becomes the `environment` tag. */
  readonly name: string;
  /** The 12-digit AWS account ID this environment deploys into, and nothing else. */
  readonly accountId: string;
  /** Home region. */
  readonly region: string;
  /**
   * Further regions this environment may use (for example us-east-1 for CloudFront certificates).
   * @default - none
   */
  readonly additionalRegions?: readonly string[];
  /**
   * Tags added to every resource, after `environment` and `managed-by`.
   * @default - none
   */
  readonly tags?: Readonly<Record<string, string>>;
  /**
   * Production or not: decides every default that differs between the two
   * (deletion protection, NAT per AZ, whether customer data may live here).
   * @default - 'production' for an environment named `prod` or `production`, 'non-production' otherwise
   */
  readonly posture?: Posture;
  /**
   * Whether real customer data may live here.
   * @default - true for a production posture, false otherwise
   */
  readonly holdsCustomerData?: boolean;
  /** Where Terraform state for this environment's stacks lives. */
  readonly state: StateBackend;
  /**
   * Environments whose principals this environment's roles may trust, each
   * with the condition the trust must carry. Production and non-production
   * environments never trust each other.
   * @default - none: no other environment is trusted
   */
  readonly trusts?: readonly TrustEdge[];
  /**
   * Names of other environments that share this environment's AWS account
   * (for example dev and staging in one development account). Both sides
   * must declare it, and neither may be production.
   * @default - none: the account is this environment's alone
   */
  readonly sharesAccountWith?: readonly string[];
  /**
   * `'none'` declares that people reach this account only through federation
   * (IAM Identity Center), so the gate fails any IAM user in it.
   * @default 'allowed'
   */
  readonly iamUsers?: IamUsersPolicy;
  /**
   * Tag keys every taggable resource must carry; provider default tags count.
   * The gate checks them.
   * @default - none beyond the tags tenantform always sets
   */
  readonly requiredTagKeys?: readonly string[];
}

const ACCOUNT_ID = /^\d{12}$/;
const ENV_NAME = /^[a-z][a-z0-9-]{0,19}$/;

/** The regions an environment may deploy into: its home region first. */
export function environmentRegions(env: Environment): string[] {
  return [env.region, ...(env.additionalRegions ?? []).filter((r) => r !== env.region)];
}

const PRODUCTION_NAMES: ReadonlySet<string> = new Set(['prod', 'production']);

/** The environment's posture: as declared, or from its name. */
export function postureOf(env: Environment): Posture {
  return env.posture ?? (PRODUCTION_NAMES.has(env.name) ? 'production' : 'non-production');
}

/** Whether the environment runs with production defaults. */
export function isProduction(env: Environment): boolean {
  return postureOf(env) === 'production';
}

/** Whether the environment may hold real customer data. */
export function holdsCustomerData(env: Environment): boolean {
  return env.holdsCustomerData ?? isProduction(env);
}

/**
 * Checks one environment on its own. Throws a coded {@link TenantformError};
 * `where` names the construct that received it.
 */
export function validateEnvironment(env: Environment, where: string): void {
  if (typeof env.name !== 'string' || !ENV_NAME.test(env.name)) {
    throw new TenantformError({
      code: 'TF-ENV-003',
      where,
      problem: 'environment name must be a lowercase label of 1-20 characters (letters, digits, hyphens), starting with a letter.',
      value: env.name,
      fix: 'use a name such as "prod", "dev" or "staging".',
    });
  }
  if (typeof env.accountId !== 'string' || !ACCOUNT_ID.test(env.accountId)) {
    throw new TenantformError({
      code: 'TF-ENV-001',
      where,
      problem: `account ID of environment "${env.name}" must be exactly 12 digits.`,
      value: env.accountId,
      fix: 'pass the account ID as a 12-digit string, keeping leading zeros, e.g. "012345678901".',
    });
  }
  if (env.posture !== undefined && env.posture !== 'production' && env.posture !== 'non-production') {
    throw new TenantformError({
      code: 'TF-ENV-010',
      where,
      problem: `posture of environment "${env.name}" must be 'production' or 'non-production'.`,
      value: env.posture,
      fix: "set posture: 'production' or posture: 'non-production', or leave it out to derive it from the name.",
    });
  }
  for (const region of environmentRegions(env)) {
    if (!isKnownRegion(region)) {
      throw new TenantformError({
        code: 'TF-ENV-002',
        where,
        problem: `environment "${env.name}" names a region AWS does not have.`,
        value: region,
        fix: 'use a Region code such as "eu-west-1" or "us-east-1".',
      });
    }
  }
  for (const [key, value] of Object.entries(env.tags ?? {})) {
    if (key.length === 0 || key.length > 128 || key.startsWith('aws:') || typeof value !== 'string' || value.length > 256) {
      throw new TenantformError({
        code: 'TF-ENV-008',
        where,
        problem: `tag of environment "${env.name}" is not a valid AWS tag (key 1-128 chars, not "aws:"-prefixed; value at most 256 chars).`,
        value: { [key]: value },
        fix: 'shorten or rename the tag.',
      });
    }
  }
  validateState(env, where);
  validateDeclarations(env, where);
}

const TRUST_REQUIREMENTS: readonly TrustRequirement[] = ['external-id', 'role', 'oidc', 'read-only', 'image-pull'];

function validateDeclarations(env: Environment, where: string): void {
  if (env.iamUsers !== undefined && env.iamUsers !== 'allowed' && env.iamUsers !== 'none') {
    throw new TenantformError({
      code: 'TF-ENV-012',
      where,
      problem: `iamUsers of environment "${env.name}" must be 'allowed' or 'none'.`,
      value: env.iamUsers,
      fix: "set iamUsers: 'none' when people sign in through IAM Identity Center, or leave it out.",
    });
  }
  for (const key of env.requiredTagKeys ?? []) {
    if (typeof key !== 'string' || key.length === 0 || key.length > 128 || key.startsWith('aws:')) {
      throw new TenantformError({
        code: 'TF-ENV-008',
        where,
        problem: `required tag key of environment "${env.name}" is not a key AWS accepts (1-128 chars, not "aws:"-prefixed).`,
        value: key,
        fix: 'use a tag key such as "cost-center" or "owner".',
      });
    }
  }
  for (const name of env.sharesAccountWith ?? []) {
    if (typeof name !== 'string' || !ENV_NAME.test(name) || name === env.name) {
      throw new TenantformError({
        code: 'TF-ENV-004',
        where,
        problem: `sharesAccountWith of environment "${env.name}" must name other environments.`,
        value: name,
        fix: 'list the names of the other environments in this account, such as ["staging"].',
      });
    }
  }
  if ((env.sharesAccountWith ?? []).length > 0 && isProduction(env)) {
    throw new TenantformError({
      code: 'TF-ENV-004',
      where,
      problem: `environment "${env.name}" is production, and a production environment never shares its account.`,
      value: env.sharesAccountWith,
      fix: `remove sharesAccountWith from "${env.name}" and give the other environments their own account.`,
    });
  }
  for (const edge of env.trusts ?? []) validateTrustEdge(env, edge, where);
}

function validateTrustEdge(env: Environment, edge: TrustEdge, where: string): void {
  const from = edge?.from;
  if (typeof from !== 'object' || from === null || typeof from.name !== 'string' || typeof from.accountId !== 'string' || !ACCOUNT_ID.test(from.accountId)) {
    throw new TenantformError({
      code: 'TF-ENV-011',
      where,
      problem: `a trust edge of environment "${env.name}" must name the trusted Environment object.`,
      value: from,
      fix: 'pass the other Environment itself: trusts: [{ from: tooling, requires: "role" }].',
    });
  }
  if (!TRUST_REQUIREMENTS.includes(edge.requires)) {
    throw new TenantformError({
      code: 'TF-ENV-011',
      where,
      problem: `the trust edge from "${from.name}" to "${env.name}" must say what every trust along it requires.`,
      value: edge.requires,
      fix: `set requires to one of ${TRUST_REQUIREMENTS.map((r) => `'${r}'`).join(', ')}.`,
    });
  }
  if (from.accountId === env.accountId) {
    throw new TenantformError({
      code: 'TF-ENV-011',
      where,
      problem: `environment "${env.name}" declares trust in "${from.name}", which is its own account; an edge joins two accounts.`,
      value: from.accountId,
      fix: `remove the edge from "${from.name}".`,
    });
  }
  if (edge.requires === 'image-pull' && holdsCustomerData(env)) {
    throw new TenantformError({
      code: 'TF-ENV-011',
      where,
      problem: `environment "${env.name}" holds customer data, and an image-pull edge is for a registry account that holds none.`,
      value: { from: from.name, to: env.name, requires: edge.requires },
      fix: 'keep the registries in a shared-services environment with holdsCustomerData: false, and declare the image-pull edges there.',
    });
  }
  // Images flow from a shared-services registry to both postures; nothing else crosses.
  if (isProduction(from) !== isProduction(env) && edge.requires !== 'image-pull') {
    throw new TenantformError({
      code: 'TF-ENV-011',
      where,
      problem: `environment "${env.name}" (${postureOf(env)}) declares trust in "${from.name}" (${postureOf(from)}); production and non-production never trust each other.`,
      value: { from: from.name, to: env.name },
      fix: 'promote artifacts through a registry or a pipeline in each posture, and remove the edge.',
    });
  }
}

function validateState(env: Environment, where: string): void {
  const state = env.state;
  if (state === undefined || (state.kind !== 's3' && state.kind !== 'local')) {
    throw new TenantformError({
      code: 'TF-ENV-006',
      where,
      problem: `environment "${env.name}" has no state backend.`,
      value: state,
      fix: 'set state: { kind: "s3", bucket, kmsKeyId } (or { kind: "local" } for tests only).',
    });
  }
  if (state.kind === 's3') {
    if (!isS3BucketName(state.bucket ?? '')) {
      throw new TenantformError({
        code: 'TF-ENV-006',
        where,
        problem: `state bucket of environment "${env.name}" is not a valid S3 bucket name.`,
        value: state.bucket,
        fix: 'use 3-63 lowercase letters, digits, dots or hyphens, e.g. "acme-prod-tfstate".',
      });
    }
    if (!state.kmsKeyId) {
      throw new TenantformError({
        code: 'TF-ENV-006',
        where,
        problem: `state of environment "${env.name}" must be encrypted with a KMS key.`,
        value: state.kmsKeyId,
        fix: 'set state.kmsKeyId to the ARN or alias of a KMS key in the environment account.',
      });
    }
    if (state.region !== undefined && !isKnownRegion(state.region)) {
      throw new TenantformError({
        code: 'TF-ENV-002',
        where,
        problem: `state bucket region of environment "${env.name}" is not an AWS Region.`,
        value: state.region,
        fix: 'use a Region code such as "eu-west-1", or omit it to use the environment region.',
      });
    }
  }
}

/**
 * Checks that a set of environments keeps them apart: no two share an account
 * (unless both are non-production and declare it) or a state bucket (unless
 * they share the account too), and one name always means one definition.
 */
export function validateSeparation(envs: readonly Environment[], where: string): void {
  for (let i = 0; i < envs.length; i++) {
    for (let j = i + 1; j < envs.length; j++) {
      checkPair(envs[i]!, envs[j]!, where);
    }
  }
}

function checkPair(a: Environment, b: Environment, where: string): void {
  if (a.name === b.name) {
    if (a.accountId !== b.accountId || a.region !== b.region || stateBucket(a) !== stateBucket(b)) {
      throw new TenantformError({
        code: 'TF-ENV-007',
        where,
        problem: `environment name "${a.name}" is used with two different definitions.`,
        value: [summary(a), summary(b)],
        fix: 'define each environment once and pass the same object to every stack.',
      });
    }
    return;
  }
  const shared = a.accountId === b.accountId;
  if (shared) checkSharedAccount(a, b, where);
  const bucket = stateBucket(a);
  // Environments that share an account may share its state bucket; their state keys differ by stack.
  if (!shared && bucket !== undefined && bucket === stateBucket(b)) {
    throw new TenantformError({
      code: 'TF-ENV-005',
      where,
      problem: `environments "${a.name}" and "${b.name}" share a Terraform state bucket.`,
      value: bucket,
      fix: `give "${b.name}" a state bucket in its own account.`,
    });
  }
}

/**
 * Two environments in one account: allowed only when both are non-production
 * and each names the other in `sharesAccountWith`. Production shares with
 * nothing, whatever is declared.
 */
function checkSharedAccount(a: Environment, b: Environment, where: string): void {
  const production = [a, b].find(isProduction);
  if (production !== undefined) {
    const other = production === a ? b : a;
    throw new TenantformError({
      code: 'TF-ENV-004',
      where,
      problem: `environments "${a.name}" and "${b.name}" share an AWS account, and "${production.name}" is production; production never shares its account.`,
      value: a.accountId,
      fix: `give "${other.name}" its own account ID (separate accounts are what keep a non-production mistake out of production).`,
    });
  }
  const missing = [a, b].find((x) => !(x.sharesAccountWith ?? []).includes(x === a ? b.name : a.name));
  if (missing !== undefined) {
    const other = missing === a ? b : a;
    throw new TenantformError({
      code: 'TF-ENV-004',
      where,
      problem: `environments "${a.name}" and "${b.name}" share an AWS account, and "${missing.name}" does not declare it.`,
      value: a.accountId,
      fix: `add sharesAccountWith: ["${other.name}"] to "${missing.name}" (both sides declare a shared account), or give it its own account ID.`,
    });
  }
}

function stateBucket(env: Environment): string | undefined {
  return env.state?.kind === 's3' ? env.state.bucket : undefined;
}

function summary(env: Environment): object {
  return { name: env.name, accountId: env.accountId, region: env.region, stateBucket: stateBucket(env) };
}
