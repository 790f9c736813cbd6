/**
 * Building blocks for red-team modules: a stack skeleton that passes the
 * whole gate on its own (pinned provider, environment tag, encrypted state),
 * so a case adds exactly the one insecure thing it is about.
 */

export const DEV_ACCOUNT = '222222222222';
export const PROD_ACCOUNT = '111111111111';

export interface SkeletonOptions {
  /** Environment tag; `prod` and `dev` also pick the default account. */
  readonly environment?: string;
  readonly account?: string;
}

/** The `terraform` and `provider` blocks of a pinned, tagged stack with encrypted, locked S3 state. */
export function skeleton(options: SkeletonOptions = {}): Record<string, unknown> {
  const environment = options.environment ?? 'dev';
  const account = options.account ?? (environment === 'prod' ? PROD_ACCOUNT : DEV_ACCOUNT);
  return {
    terraform: {
      required_providers: { aws: { source: 'hashicorp/aws', version: '5.100.0' } },
      backend: { s3: { bucket: `acme-${environment}-tfstate`, key: 'redteam/terraform.tfstate', region: 'eu-west-1', encrypt: true, kms_key_id: `alias/acme-${environment}-tfstate`, use_lockfile: true } },
    },
    provider: { aws: [{ region: 'eu-west-1', allowed_account_ids: [account], default_tags: [{ tags: { environment } }] }] },
  };
}

/** One `main.tf.json` holding the skeleton plus the given top-level blocks (`resource`, `data`, `locals`, …). */
export function mainFile(blocks: Record<string, unknown>, options: SkeletonOptions = {}): Record<string, unknown> {
  return { 'main.tf.json': { ...skeleton(options), ...blocks } };
}

/** Shorthand for a Terraform interpolation. */
export function ref(expression: string): string {
  return `\${${expression}}`;
}
