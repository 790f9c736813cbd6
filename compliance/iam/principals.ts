/**
 * Reading principals: the accounts they name, and whether a statement is
 * open to everyone before its conditions are considered.
 */
import { PolicyStatement, PolicyValue } from '../policy';
import { isUnknown } from '../values';
import { isSpecificReference, Verdict, YES } from './conditions';

/** The 12-digit account an AWS principal or ARN names, or undefined. */
export function accountOf(value: string): string | undefined {
  if (/^\d{12}$/.test(value)) return value;
  const arn = /^arn:[^:]*:[^:]*:[^:]*:(\d{12}):/.exec(value);
  return arn?.[1];
}

/** AWS principals (not Service / Federated) of a statement, literal or unknown. */
export function awsPrincipals(statement: PolicyStatement): PolicyValue[] {
  const p = statement.Principal;
  if (p === undefined) return [];
  if (isUnknown(p)) return [p];
  return [...(p.AWS ?? [])];
}

/** Federated principals (OIDC, SAML providers) of a statement. */
export function federatedPrincipals(statement: PolicyStatement): PolicyValue[] {
  const p = statement.Principal;
  if (p === undefined || isUnknown(p)) return [];
  return [...(p.Federated ?? [])];
}

/** True when the statement trusts only services or federated (OIDC, SAML) identities. */
export function isServiceOrFederatedTrust(statement: PolicyStatement): boolean {
  const p = statement.Principal;
  if (p === undefined || isUnknown(p)) return false;
  return (p.AWS ?? []).length === 0 && ((p.Service ?? []).length > 0 || (p.Federated ?? []).length > 0);
}

/**
 * Whether a statement's principal is everyone, before conditions: `"*"`,
 * `{"AWS": "*"}`, `{"AWS": ["*"]}`, `*` under any principal type, or a
 * NotPrincipal (everyone except the listed). `unknown` for a principal that
 * cannot be resolved and for partial wildcards (`arn:aws:iam::*:root`), which
 * IAM does not define for principals. `no` when every principal is named.
 */
export function grantsToEveryone(statement: PolicyStatement): Verdict {
  if (statement.NotPrincipal !== undefined) return YES;
  const p = statement.Principal;
  if (p === undefined) return { kind: 'no', reason: 'it has no principal' };
  if (isUnknown(p)) return { kind: 'unknown', reason: `its principal cannot be resolved (${p.$unknown})` };
  let unknownReason: string | undefined;
  for (const [type, ids] of Object.entries(p)) {
    for (const id of ids) {
      if (id === '*') return YES;
      if (isUnknown(id)) {
        if (!isSpecificReference(id)) unknownReason ??= `its ${type} principal ${id.$unknown} cannot be resolved`;
      } else if (id.includes('*') || id.includes('?')) {
        unknownReason ??= `its ${type} principal ${JSON.stringify(id)} is a partial wildcard`;
      }
    }
  }
  return unknownReason === undefined ? { kind: 'no', reason: 'every principal is named' } : { kind: 'unknown', reason: unknownReason };
}
