/**
 * Reference guards: a literal ARN handed to a stack must point into the
 * stack's own account and allowed regions. A KMS key, role, listener,
 * certificate or secret of another account (a dev key in a prod tenant)
 * would tie the two environments together, which the separation rules then
 * fail at the gate; this refuses it at the prop, with its path.
 */
import { Token } from '../cdktf';
import { Environment, environmentRegions } from '../environment';
import { TenantformError } from '../errors';
import { formatPath } from './report';

/** Services whose ARNs carry no region (global), or no region and no account. */
const REGIONLESS = new Set(['iam', 'sts', 'organizations', 'cloudfront', 'route53', 'waf', 's3']);
/** Partitions by the region prefix, as AWS assigns them. */
function partitionOf(region: string): string {
  if (region.startsWith('cn-')) return 'aws-cn';
  if (region.startsWith('us-gov-')) return 'aws-us-gov';
  return 'aws';
}

/** Keys not followed: environments are checked by validateEnvironment and the separation checks, and may name other accounts by design. */
const SKIP_KEYS = new Set(['environment', 'accounts']);

/**
 * Walks plain objects and arrays of already shape-checked props and checks
 * every literal ARN string. Tokens pass: the gate judges what they resolve to.
 */
export function guardArns(props: unknown, env: Environment, where: string): void {
  const walk = (value: unknown, path: (string | number)[], depth: number): void => {
    if (depth > 8) return;
    if (typeof value === 'string') return checkArn(value, path, env, where);
    if (Array.isArray(value)) return value.forEach((x, i) => walk(x, [...path, i], depth + 1));
    if (value !== null && typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) {
      for (const [k, x] of Object.entries(value)) if (!SKIP_KEYS.has(k)) walk(x, [...path, k], depth + 1);
    }
  };
  walk(props, [], 0);
}

function checkArn(value: string, path: (string | number)[], env: Environment, where: string): void {
  if (!value.startsWith('arn:') || Token.isUnresolved(value)) return;
  const at = formatPath(path);
  const parts = value.split(':');
  const [, partition, service, region, account] = parts;
  if (parts.length < 6 || !partition || !service) {
    throw new TenantformError({ code: 'TF-PRP-012', where, problem: `prop "${at}" is not a well-formed ARN.`, value, fix: 'pass the full ARN, arn:<partition>:<service>:<region>:<account>:<resource>, or a token from the resource.' });
  }
  if (partition !== partitionOf(env.region)) {
    throw new TenantformError({ code: 'TF-PRP-012', where, problem: `prop "${at}" is an ARN of partition "${partition}", but environment "${env.name}" is in "${partitionOf(env.region)}".`, value, fix: 'pass an ARN from the environment\'s own partition.' });
  }
  // AWS-managed IAM policies live in the pseudo-account "aws"; S3 bucket ARNs carry no account.
  const accountOk = account === env.accountId || (account === '' && service === 's3') || (account === 'aws' && service === 'iam');
  if (!accountOk) {
    throw new TenantformError({
      code: 'TF-PRP-010',
      where,
      problem: `prop "${at}" is an ARN in account ${account === '' ? '(none)' : account}, not in environment "${env.name}"'s account ${env.accountId}.`,
      value,
      fix: `pass the ${service} resource of account ${env.accountId}; another environment's resources must never be referenced across the account boundary.`,
    });
  }
  const regions = environmentRegions(env);
  if (!REGIONLESS.has(service) && !regions.includes(region ?? '')) {
    throw new TenantformError({
      code: 'TF-PRP-011',
      where,
      problem: `prop "${at}" is an ARN in region "${region}", which environment "${env.name}" does not allow (${regions.join(', ')}).`,
      value,
      fix: `pass a resource in one of ${regions.join(', ')}, or add the region to the environment's additionalRegions.`,
    });
  }
}
