/**
 * Stacks of named environments for the separation rules: each with a pinned
 * provider, an environment tag and its own S3 state bucket, as TenantformStack
 * writes them. Production stacks carry the customer-data tag, as prod does.
 */
import { stackFromJson } from '../../../../compliance/model';
import { StackModel } from '../../../../compliance/types';

export const PROD = '111111111111';
export const DEV = '222222222222';
/** An account no stack of the fixture run declares. */
export const ELSEWHERE = '444444444444';

export function envStack(name: string, environment: string, account: string, rest: Record<string, unknown> = {}): StackModel {
  const tags: Record<string, string> = { environment };
  if (environment === 'prod') tags['tenantform:customer-data'] = 'true';
  return stackFromJson(
    {
      provider: { aws: [{ region: 'eu-west-1', allowed_account_ids: [account], default_tags: [{ tags }] }] },
      terraform: { backend: { s3: { bucket: `acme-${environment}-tfstate`, key: `${name}.tfstate` } } },
      ...rest,
    },
    name,
    name,
  );
}

export const prodStack = (rest: Record<string, unknown> = {}, name = 'prod') => envStack(name, 'prod', PROD, rest);
export const devStack = (rest: Record<string, unknown> = {}, name = 'dev') => envStack(name, 'dev', DEV, rest);

/** A policy JSON string with the given statements. */
export function policy(...statements: Record<string, unknown>[]): string {
  return JSON.stringify({ Version: '2012-10-17', Statement: statements });
}

export const allowPrincipal = (principal: unknown, extra: Record<string, unknown> = {}) => ({ Effect: 'Allow', Principal: principal, Action: 'sts:AssumeRole', ...extra });
