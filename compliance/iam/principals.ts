/**
 * Reading accounts out of principals and ARNs, and the MFA condition shapes
 * that do (and do not) enforce MFA.
 */
import { PolicyCondition, PolicyStatement, PolicyValue } from '../policy';
import { isUnknown } from '../values';

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

/** True when the statement trusts only services or federated (OIDC, SAML) identities. */
export function isServiceOrFederatedTrust(statement: PolicyStatement): boolean {
  const p = statement.Principal;
  if (p === undefined || isUnknown(p)) return false;
  return (p.AWS ?? []).length === 0 && ((p.Service ?? []).length > 0 || (p.Federated ?? []).length > 0);
}

/** `[operator, values]` for a condition key, case-insensitive, across all operators. */
export function conditionEntries(c: PolicyCondition | undefined, key: string): Array<[string, readonly PolicyValue[]]> {
  if (c === undefined || isUnknown(c)) return [];
  const k = key.toLowerCase();
  const out: Array<[string, readonly PolicyValue[]]> = [];
  for (const [operator, byKey] of Object.entries(c)) {
    for (const [ck, values] of Object.entries(byKey)) if (ck.toLowerCase() === k) out.push([operator, values]);
  }
  return out;
}

const MFA_PRESENT = 'aws:MultiFactorAuthPresent';
const MFA_AGE = 'aws:MultiFactorAuthAge';

/**
 * An Allow that only matches MFA sessions: `Bool aws:MultiFactorAuthPresent
 * true`, or a `NumericLessThan(Equals) aws:MultiFactorAuthAge` bound. Both
 * fail to match when the key is absent, which is what makes them safe.
 */
export function allowRequiresMfa(statement: PolicyStatement): boolean {
  const present = conditionEntries(statement.Condition, MFA_PRESENT).some(([op, values]) => op === 'Bool' && values.length > 0 && values.every((v) => v === 'true'));
  const age = conditionEntries(statement.Condition, MFA_AGE).some(([op]) => op === 'NumericLessThan' || op === 'NumericLessThanEquals');
  return present || age;
}

/** `BoolIfExists aws:MultiFactorAuthPresent false` on a Deny: matches both "no MFA" and "key absent". */
export function isCorrectMfaDenyCondition(statement: PolicyStatement): boolean {
  return conditionEntries(statement.Condition, MFA_PRESENT).some(([op, values]) => op === 'BoolIfExists' && values.length > 0 && values.every((v) => v === 'false'));
}

/** True when the statement carries an `sts:ExternalId` condition (third-party access). */
export function hasExternalId(statement: PolicyStatement): boolean {
  return conditionEntries(statement.Condition, 'sts:ExternalId').some(([op, values]) => op.startsWith('StringEquals') && values.length > 0);
}
