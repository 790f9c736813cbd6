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
}

const ACCOUNT_ID = /^\d{12}$/;
const ENV_NAME = /^[a-z][a-z0-9-]{0,19}$/;
const BUCKET_NAME = /^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/;

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
    if (!BUCKET_NAME.test(state.bucket ?? '')) {
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
 * or a state bucket, and one name always means one definition.
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
  if (a.accountId === b.accountId) {
    throw new TenantformError({
      code: 'TF-ENV-004',
      where,
      problem: `environments "${a.name}" and "${b.name}" share an AWS account; each environment needs its own.`,
      value: a.accountId,
      fix: `give "${b.name}" its own account ID (separate accounts are what keep a dev mistake out of prod).`,
    });
  }
  const bucket = stateBucket(a);
  if (bucket !== undefined && bucket === stateBucket(b)) {
    throw new TenantformError({
      code: 'TF-ENV-005',
      where,
      problem: `environments "${a.name}" and "${b.name}" share a Terraform state bucket.`,
      value: bucket,
      fix: `give "${b.name}" a state bucket in its own account.`,
    });
  }
}

function stateBucket(env: Environment): string | undefined {
  return env.state?.kind === 's3' ? env.state.bucket : undefined;
}

function summary(env: Environment): object {
  return { name: env.name, accountId: env.accountId, region: env.region, stateBucket: stateBucket(env) };
}
