/**
 * The one IAM policy vocabulary: every policy document tenantform writes is
 * built here (statements in the AWS JSON grammar, serialized by
 * {@link policyJson}) or through the grant helpers in grants.ts. A lint rule
 * forbids inline policy JSON elsewhere.
 */
import { TenantformError } from '../../core/errors';

/** One or many strings, as IAM policy grammar allows. */
export type OneOrMany = string | readonly string[];

/** Condition block: operator → key → value(s). */
export type PolicyConditions = Readonly<Record<string, Readonly<Record<string, OneOrMany | boolean | number>>>>;

/** Principal block of a resource or trust policy. */
export interface PolicyPrincipal {
  readonly AWS?: OneOrMany;
  readonly Service?: OneOrMany;
  readonly Federated?: OneOrMany;
}

/** One IAM policy statement, in the AWS JSON grammar so the synthesized JSON reads like any hand-written policy. */
export interface PolicyStatement {
  readonly Sid?: string;
  readonly Effect: 'Allow' | 'Deny';
  readonly Principal?: PolicyPrincipal | '*';
  readonly Action?: OneOrMany;
  readonly NotAction?: OneOrMany;
  readonly Resource?: OneOrMany;
  readonly Condition?: PolicyConditions;
}

/**
 * Serializes statements into a policy document string. Tokens (resource ARNs)
 * survive JSON.stringify and resolve to Terraform references at synth.
 */
export function policyJson(statements: readonly PolicyStatement[]): string {
  return JSON.stringify({ Version: '2012-10-17', Statement: statements });
}

/**
 * Trust policy letting one AWS service assume a role, and only on behalf of
 * this account (`aws:SourceAccount`, the confused-deputy guard). Every
 * service role's trust is written here.
 */
export function serviceTrustPolicy(service: string, accountId: string): string {
  return policyJson([{ Effect: 'Allow', Principal: { Service: service }, Action: 'sts:AssumeRole', Condition: { StringEquals: { 'aws:SourceAccount': accountId } } }]);
}

/** Normalizes a one-or-many value to an array. */
export function asList(value: OneOrMany | undefined): readonly string[] {
  if (value === undefined) return [];
  return typeof value === 'string' ? [value] : value;
}

/**
 * IAM policy variables such as `${aws:username}` collide with Terraform's
 * template syntax; `$${...}` is how Terraform JSON spells a literal `${`.
 */
export function iamVariable(name: string): string {
  return `$\${${name}}`;
}

/**
 * Rejects a hand-written full wildcard in an Allow statement: `*` or `service:*`
 * actions, and NotAction (an allow-list inverted into "everything else").
 * AWS-managed policies attached by ARN never pass through here.
 */
export function assertNoWildcardActions(statements: readonly PolicyStatement[], where: string): void {
  for (const s of statements) {
    if (s.Effect !== 'Allow') continue;
    if (s.NotAction !== undefined) {
      throw new TenantformError({
        code: 'TF-IAM-001',
        where,
        problem: 'an Allow statement with NotAction grants every action except a few.',
        value: s.NotAction,
        fix: 'list the actions the principal needs in Action instead.',
      });
    }
    for (const action of asList(s.Action)) {
      if (action === '*' || /^[a-z0-9-]+:\*$/i.test(action)) {
        throw new TenantformError({
          code: 'TF-IAM-001',
          where,
          problem: 'an Allow statement uses a full wildcard action.',
          value: action,
          fix: 'name the actions (e.g. "s3:GetObject"); use a grant helper, which scopes actions for you.',
        });
      }
    }
  }
}
