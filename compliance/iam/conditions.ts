/**
 * What IAM condition blocks mean, for the rules that accept a statement only
 * because of its condition. One place decides which operators and keys bound
 * who a caller is; everything else it does not recognise is `unknown`.
 *
 * Operators follow the IAM reference: a `ForAnyValue:` / `ForAllValues:`
 * set prefix, a base operator, and an `IfExists` suffix. `IfExists` and
 * `ForAllValues` also match when the key is absent (anonymous callers carry no
 * principal keys), so they never bound anything. Negated operators
 * (`StringNotEquals`, …) admit everyone but the listed values.
 */
import { PolicyCondition, PolicyStatement, PolicyValue } from '../policy';
import { isSpecificUnknown, isUnknown } from '../values';

/** `[operator, values]` for a condition key, case-insensitive (IAM keys are), across all operators. */
export function conditionEntries(c: PolicyCondition | undefined, key: string): Array<[string, readonly PolicyValue[]]> {
  if (c === undefined || isUnknown(c)) return [];
  const k = key.toLowerCase();
  const out: Array<[string, readonly PolicyValue[]]> = [];
  for (const [operator, byKey] of Object.entries(c)) {
    for (const [ck, values] of Object.entries(byKey)) if (ck.toLowerCase() === k) out.push([operator, values]);
  }
  return out;
}

/** Every `[operator, key, values]` of a condition block. */
export function allConditionEntries(c: PolicyCondition | undefined): Array<[string, string, readonly PolicyValue[]]> {
  if (c === undefined || isUnknown(c)) return [];
  const out: Array<[string, string, readonly PolicyValue[]]> = [];
  for (const [operator, byKey] of Object.entries(c)) for (const [key, values] of Object.entries(byKey)) out.push([operator, key, values]);
  return out;
}

export interface ParsedOperator {
  /** `StringEquals`, `Bool`, `ArnLike`, … (as written: IAM operator names are case-sensitive). */
  readonly base: string;
  readonly set?: 'ForAnyValue' | 'ForAllValues';
  readonly ifExists: boolean;
}

export function parseOperator(operator: string): ParsedOperator {
  let rest = operator;
  let set: ParsedOperator['set'];
  const prefixed = /^(ForAnyValue|ForAllValues):(.*)$/.exec(rest);
  if (prefixed) {
    set = prefixed[1] as ParsedOperator['set'];
    rest = prefixed[2]!;
  }
  const ifExists = rest.endsWith('IfExists');
  if (ifExists) rest = rest.slice(0, -'IfExists'.length);
  return set === undefined ? { base: rest, ifExists } : { base: rest, set, ifExists };
}

/** A plain operator: no set prefix, no IfExists (the only forms that require the key to be present). */
export function isPlainOperator(operator: string, ...bases: string[]): boolean {
  const p = parseOperator(operator);
  return p.set === undefined && !p.ifExists && bases.includes(p.base);
}

/** A verdict with the reason a rule reports. */
export type Verdict = { readonly kind: 'yes' } | { readonly kind: 'no'; readonly reason: string } | { readonly kind: 'unknown'; readonly reason: string };

export const YES: Verdict = { kind: 'yes' };

/** References that name one specific value even though it is known only at apply time. */
const SPECIFIC_DATA_REFS = [/^data\.aws_caller_identity\.[\w-]+\.(account_id|arn)$/, /^data\.aws_organizations_organization\.[\w-]+\.(id|arn|master_account_id)$/, /^data\.aws_partition\.[\w-]+\.\w+$/, /^data\.aws_region\.[\w-]+\.\w+$/];

/**
 * Whether an unresolved value names one specific thing: the model's evaluator
 * says it is one object managed in the stack, or every reference is the
 * deploying account, organization, partition or region. Variables and other data sources could
 * be anything, `"*"` included.
 */
export function isSpecificReference(value: PolicyValue): boolean {
  if (!isUnknown(value)) return false;
  if (isSpecificUnknown(value)) return true;
  return value.refs.length > 0 && value.refs.every((ref) => SPECIFIC_DATA_REFS.some((re) => re.test(ref)));
}

const hasWildcard = (s: string): boolean => s.includes('*') || s.includes('?');
/** The literal text of a template outside its `${...}` parts. */
const literalParts = (expression: string): string => expression.replace(/\$\{[^}]*\}/g, '');

type BoundKind = 'account' | 'org' | 'org-path' | 'arn';

/**
 * Condition keys that bound who the caller is. Network keys (aws:SourceIp,
 * aws:SourceVpc(e)) say where a request comes from, not who sends it;
 * sts:ExternalId and MFA keys are facts any caller can supply. None of those
 * make `"*"` specific.
 */
export const PRINCIPAL_BOUNDING_KEYS: Readonly<Record<string, BoundKind>> = {
  'aws:principalorgid': 'org',
  'aws:principalorgpaths': 'org-path',
  'aws:principalaccount': 'account',
  'aws:principalarn': 'arn',
  'aws:sourceaccount': 'account',
  'aws:sourceowner': 'account',
  'aws:sourcearn': 'arn',
  'aws:sourceorgid': 'org',
  'aws:sourceorgpaths': 'org-path',
  'kms:calleraccount': 'account',
};

/** Base operators that, without IfExists or a set prefix, restrict the key to the listed values. */
const BOUNDING_OPERATORS: Readonly<Record<BoundKind, readonly string[]>> = {
  account: ['StringEquals', 'StringEqualsIgnoreCase', 'StringLike'],
  org: ['StringEquals', 'StringEqualsIgnoreCase', 'StringLike'],
  'org-path': ['StringEquals', 'StringLike'],
  arn: ['ArnEquals', 'ArnLike', 'StringEquals', 'StringLike'],
};

/** StringLike and both ARN operators read `*` and `?` as wildcards (ArnEquals too); the other string operators compare literally. */
const matchesWildcards = (base: string): boolean => base === 'StringLike' || base.startsWith('Arn');

/** Whether one value of a bounding key names something specific under this operator. */
function valueBounds(kind: BoundKind, base: string, value: PolicyValue): Verdict {
  if (isUnknown(value)) {
    if (!isSpecificReference(value)) return { kind: 'unknown', reason: `its value ${value.$unknown} cannot be resolved` };
    const literal = literalParts(value.$unknown);
    return matchesWildcards(base) && hasWildcard(literal) ? { kind: 'unknown', reason: `its value ${value.$unknown} mixes a reference and a wildcard` } : YES;
  }
  const v = value.trim();
  if (v === '') return { kind: 'no', reason: 'its value is empty' };
  const wild = matchesWildcards(base) && hasWildcard(v);
  if (kind === 'account' || kind === 'org') return wild ? { kind: 'no', reason: `${JSON.stringify(v)} is a wildcard` } : YES;
  if (kind === 'org-path') {
    // `o-abc/r-ab12/ou-ab12-xyz/*` is the documented form: the organization is fixed, the tail may be a wildcard.
    return !wild || /^o-[a-z0-9]+\/[^*?]/.test(v) ? YES : { kind: 'no', reason: `${JSON.stringify(v)} does not fix the organization` };
  }
  if (!wild) return YES;
  // An ARN pattern bounds the caller when its account field is a literal account (or, for global names such as buckets, the name is literal).
  const parts = v.split(':');
  if (parts.length < 6 || hasWildcard(parts[2] ?? '*')) return { kind: 'no', reason: `${JSON.stringify(v)} does not fix the service and account` };
  const account = parts[4] ?? '';
  if (/^\d{12}$/.test(account)) return YES;
  if (account === '' && !hasWildcard(parts.slice(5).join(':'))) return YES;
  return { kind: 'no', reason: `${JSON.stringify(v)} admits any account` };
}

/**
 * Whether a statement's condition bounds who the principal is, which is what
 * can make `Principal: "*"` acceptable: some entry on a key of
 * PRINCIPAL_BOUNDING_KEYS, with a plain operator of BOUNDING_OPERATORS, whose
 * every value is specific. Conditions are ANDed, so one such entry suffices.
 */
export function boundsPrincipal(statement: PolicyStatement): Verdict {
  const c = statement.Condition;
  if (c === undefined) return { kind: 'no', reason: 'it has no condition' };
  if (isUnknown(c)) return { kind: 'unknown', reason: `its condition cannot be resolved (${c.$unknown})` };
  let unknownReason: string | undefined;
  let openReason: string | undefined;
  const seen: string[] = [];
  for (const [operator, key, values] of allConditionEntries(c)) {
    seen.push(`${operator} ${key}`);
    const kind = PRINCIPAL_BOUNDING_KEYS[key.toLowerCase()];
    if (kind === undefined || values.length === 0) continue;
    const op = parseOperator(operator);
    if (op.ifExists || op.set === 'ForAllValues' || op.base.includes('Not')) {
      openReason ??= `${operator} on ${key} also admits callers ${op.base.includes('Not') ? 'outside the listed values' : 'without the key'}`;
      continue;
    }
    if (op.set !== undefined || !BOUNDING_OPERATORS[kind].includes(op.base)) {
      unknownReason ??= `${operator} on ${key} is not an operator the gate reads as bounding the caller`;
      continue;
    }
    const verdicts = values.map((v) => valueBounds(kind, op.base, v));
    if (verdicts.every((v) => v.kind === 'yes')) return YES;
    // One open value (`*`, an empty string) admits everyone whatever the other values say.
    const open = verdicts.find((v): v is Extract<Verdict, { kind: 'no' }> => v.kind === 'no');
    if (open !== undefined) {
      openReason ??= `${operator} ${key}: ${open.reason}`;
      continue;
    }
    const unresolved = verdicts.find((v): v is Extract<Verdict, { kind: 'unknown' }> => v.kind === 'unknown');
    if (unresolved !== undefined) unknownReason ??= `${operator} ${key}: ${unresolved.reason}`;
  }
  if (unknownReason !== undefined) return { kind: 'unknown', reason: unknownReason };
  if (seen.length === 0) return { kind: 'no', reason: 'its condition is empty' };
  return { kind: 'no', reason: `none of its conditions (${seen.join(', ')}) bounds who the caller is${openReason === undefined ? '' : ` (${openReason})`}` };
}

/**
 * Whether a trust statement requires an external ID: a plain `StringEquals`
 * (or a `StringLike` without wildcards) on sts:ExternalId whose every value is
 * a non-empty literal. An empty string, a wildcard or an `IfExists` form is no
 * condition at all; a value from a variable is `unknown` (it may be empty).
 */
export function externalIdRequired(statement: PolicyStatement): Verdict {
  if (isUnknown(statement.Condition)) return { kind: 'unknown', reason: `its condition cannot be resolved (${statement.Condition.$unknown})` };
  const entries = conditionEntries(statement.Condition, 'sts:ExternalId');
  if (entries.length === 0) return { kind: 'no', reason: 'it has no sts:ExternalId condition' };
  let unknownReason: string | undefined;
  for (const [operator, values] of entries) {
    if (!isPlainOperator(operator, 'StringEquals', 'StringLike') || values.length === 0) continue;
    const like = parseOperator(operator).base === 'StringLike';
    if (values.some((v) => typeof v === 'string' && (v.trim() === '' || (like && hasWildcard(v))))) continue;
    const unresolved = values.find(isUnknown);
    if (unresolved === undefined) return YES;
    unknownReason ??= `its sts:ExternalId ${unresolved.$unknown} cannot be resolved`;
  }
  return unknownReason === undefined ? { kind: 'no', reason: 'its sts:ExternalId condition is empty, a wildcard or an IfExists form' } : { kind: 'unknown', reason: unknownReason };
}
