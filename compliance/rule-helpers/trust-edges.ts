/**
 * The trust edges an environment declares (`Environment.trusts`), as the
 * separation rules judge them: a principal of another environment's account
 * is acceptable along an edge only in the form its requirement names (a role,
 * an OIDC provider, an external ID) or, for read-only and image-pull edges,
 * only for the reads they allow. Which edges exist, and whether the run
 * confirms the trusted side's posture, is the SeparationView's to say.
 */
import { externalIdRequired } from '../iam/conditions';
import { accountOf } from '../iam/principals';
import { PolicyStatement } from '../policy';
import { fail, unknown } from '../rule-kit';
import { RuleOutcome } from '../types';
import { isUnknown } from '../values';
import { Edge, SeparationView } from './separation';

/**
 * Splits a trust statement's principals into those along a declared edge,
 * judged here by the edge's requirement, and the rest, left to
 * `statementReach`. Condition values naming an edge's account go with it.
 */
export function edgeTrust(view: SeparationView, address: string, statement: PolicyStatement): { readonly outcomes: RuleOutcome[]; readonly rest: PolicyStatement } {
  const p = statement.Principal;
  if (statement.Effect === 'Deny' || p === undefined || isUnknown(p)) return { outcomes: [], rest: statement };
  const outcomes: RuleOutcome[] = [];
  const keep = (type: 'AWS' | 'Federated') => (p[type] ?? []).filter((v) => {
    const account = typeof v === 'string' ? accountOf(v) : undefined;
    const edge = account === undefined ? undefined : view.edgeFrom(account);
    if (edge === undefined) return true;
    outcomes.push(...edgeRequirement(address, statement, v as string, type, edge));
    return false;
  });
  const principal = { ...p, AWS: keep('AWS'), Federated: keep('Federated') };
  const c = statement.Condition;
  const condition = c === undefined || isUnknown(c)
    ? c
    : Object.fromEntries(Object.entries(c).map(([op, byKey]) => [op, Object.fromEntries(Object.entries(byKey).map(([k, vs]) => [k, vs.filter((v) => typeof v !== 'string' || view.edgeFrom(accountOf(v) ?? '') === undefined)]))]));
  return { outcomes, rest: { ...statement, Principal: principal, ...(condition !== undefined ? { Condition: condition as PolicyStatement['Condition'] } : {}) } };
}

/**
 * Actions a read-only edge may grant another environment: reading objects
 * and listing a bucket, and decrypting with the key that protects them.
 * Lake Formation grants are judged by their permissions (`readOnlyTable`).
 */
const READ_ONLY_SHARE_ACTIONS: ReadonlySet<string> = new Set(['s3:getobject', 's3:getobjectversion', 's3:getobjecttagging', 's3:listbucket', 's3:getbucketlocation', 'kms:decrypt', 'kms:describekey']);

/** Actions an image-pull edge may grant: pulling image layers and manifests, and decrypting them. */
const IMAGE_PULL_ACTIONS: ReadonlySet<string> = new Set(['ecr:batchgetimage', 'ecr:getdownloadurlforlayer', 'ecr:batchchecklayeravailability', 'kms:decrypt', 'kms:describekey']);

function onlyActions(statement: PolicyStatement, allowed: ReadonlySet<string>): boolean {
  return statement.NotAction === undefined && statement.Action.length > 0 && statement.Action.every((a) => typeof a === 'string' && allowed.has(a.toLowerCase()));
}

/** Whether every action of an Allow statement is a read a data share may grant. */
export function readOnlyShareStatement(statement: PolicyStatement): boolean {
  return onlyActions(statement, READ_ONLY_SHARE_ACTIONS);
}

/**
 * Splits a resource policy statement's AWS principals into those along a
 * declared read-only edge, judged here (the statement may only read), and
 * the rest, left to `statementReach`.
 */
export function edgeShare(view: SeparationView, address: string, statement: PolicyStatement): { readonly outcomes: RuleOutcome[]; readonly rest: PolicyStatement } {
  const p = statement.Principal;
  if (statement.Effect === 'Deny' || p === undefined || isUnknown(p)) return { outcomes: [], rest: statement };
  const outcomes: RuleOutcome[] = [];
  const aws = (p.AWS ?? []).filter((v) => {
    const account = typeof v === 'string' ? accountOf(v) : undefined;
    const edge = account === undefined ? undefined : view.edgeFrom(account);
    if (edge === undefined || (edge.requires !== 'read-only' && edge.requires !== 'image-pull')) return true;
    const allowed = edge.requires === 'read-only' ? READ_ONLY_SHARE_ACTIONS : IMAGE_PULL_ACTIONS;
    if (!onlyActions(statement, allowed)) outcomes.push(fail(address, `the policy grants ${String(v)} along the ${edge.requires} edge from ${edge.environment} more than ${edge.requires === 'read-only' ? 'reading' : 'pulling images'} (${statement.Action.map(String).join(', ') || 'NotAction'}).`, `Edge::${edge.environment}::${String(v)}`));
    return false;
  });
  return { outcomes, rest: { ...statement, Principal: { ...p, AWS: aws } } };
}

/** Whether a Lake Formation grant gives only SELECT and DESCRIBE, and no grant option; unknown when the JSON does not show it. */
export function readOnlyTableGrant(values: Readonly<Record<string, unknown>>): boolean | 'unknown' {
  const permissions = values.permissions;
  const withGrant = values.permissions_with_grant_option;
  if (Array.isArray(withGrant) && withGrant.length > 0) return false;
  if (withGrant !== undefined && withGrant !== null && !Array.isArray(withGrant)) return 'unknown';
  if (!Array.isArray(permissions) || permissions.length === 0 || permissions.some((x) => typeof x !== 'string')) return 'unknown';
  return permissions.every((x) => x === 'SELECT' || x === 'DESCRIBE');
}

function edgeRequirement(address: string, statement: PolicyStatement, principal: string, type: 'AWS' | 'Federated', edge: Edge): RuleOutcome[] {
  const finding = `Edge::${edge.environment}::${principal}`;
  const along = `trust in ${principal} along the declared edge from ${edge.environment}`;
  if (edge.requires === 'read-only' || edge.requires === 'image-pull') return [fail(address, `${along} lets a role be assumed, and a ${edge.requires} edge admits no role.`, finding)];
  if (edge.requires === 'external-id') {
    const v = externalIdRequired(statement);
    if (v.kind === 'yes') return [];
    return [v.kind === 'unknown' ? unknown(address, `${along} needs an sts:ExternalId, and ${v.reason}.`, finding) : fail(address, `${along} needs an sts:ExternalId, and ${v.reason}.`, finding)];
  }
  if (edge.requires === 'role') {
    return type === 'AWS' && /^arn:[^:]+:iam::\d{12}:role\/./.test(principal) ? [] : [fail(address, `${along} must name a role of that account, not the account or another kind of principal.`, finding)];
  }
  return type === 'Federated' && /^arn:[^:]+:iam::\d{12}:oidc-provider\/./.test(principal) ? [] : [fail(address, `${along} must name an OIDC provider of that account.`, finding)];
}
