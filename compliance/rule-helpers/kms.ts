import { StackModel } from '../types';
import { isUnknown } from '../values';
import { bareReference } from './references';
import { isRecord, isSet, isUnresolved } from './values';

/** What a `kms_key_id`-style attribute says about the key that encrypts a resource. */
export type KeyKind = 'customer-managed' | 'aws-managed' | 'none' | 'unknown';

const AWS_MANAGED_ALIAS = /(^|:)alias\/aws\//;

/**
 * The attributes that identify a key, per type. A reference to any other
 * attribute (a description, a policy) does not name a key.
 */
const KEY_IDENTIFIERS: Readonly<Record<string, readonly string[]>> = {
  aws_kms_key: ['arn', 'id', 'key_id'],
  aws_kms_replica_key: ['arn', 'id', 'key_id'],
  aws_kms_alias: ['arn', 'id', 'name', 'target_key_arn', 'target_key_id'],
  aws_kms_external_key: ['arn', 'id'],
  'data.aws_kms_key': ['arn', 'id', 'key_id'],
  'data.aws_kms_alias': ['arn', 'id', 'name', 'target_key_arn', 'target_key_id'],
};

function typeOf(address: string): string {
  const parts = address.split('.');
  return parts[0] === 'data' ? `data.${parts[1]}` : parts[0]!;
}

/**
 * Classifies a key reference. A bare reference to a key identifier of an
 * `aws_kms_key` or `aws_kms_alias` of the stack is customer managed (AWS
 * reserves `alias/aws/`); a `data.aws_kms_key` / `data.aws_kms_alias` is
 * judged by the key it looks up; a literal ARN or alias is customer managed
 * unless it is an `alias/aws/...` one; a cross-stack output traced to a key
 * of the producing stack counts like a local key. Anything else (variables,
 * conditionals, function calls) is unknown.
 */
export function keyKind(stack: StackModel, value: unknown): KeyKind {
  if (!isSet(value)) return 'none';
  if (typeof value === 'string' && !isUnresolved(value)) return AWS_MANAGED_ALIAS.test(value) ? 'aws-managed' : 'customer-managed';
  if (!isUnresolved(value)) return 'unknown';
  // A cross-stack reference the engine traced to a key resource of the producing stack.
  if (isUnknown(value) && value.origin !== undefined) {
    return /^aws_kms_(key|alias|replica_key)\.[\w-]+\.(arn|id|key_id|target_key_arn|target_key_id)$/.test(value.origin.ref) ? 'customer-managed' : 'unknown';
  }
  const ref = bareReference(value);
  if (ref === undefined || !(KEY_IDENTIFIERS[typeOf(ref.address)] ?? []).includes(ref.attribute)) return 'unknown';
  if (!ref.address.startsWith('data.')) return stack.resources.has(ref.address) ? 'customer-managed' : 'unknown';
  const data = stack.dataSources.get(ref.address);
  const lookup = data && isRecord(data.values) ? (data.values.key_id ?? data.values.name) : undefined;
  if (typeof lookup !== 'string' || isUnresolved(lookup)) return 'unknown';
  return AWS_MANAGED_ALIAS.test(lookup) ? 'aws-managed' : 'customer-managed';
}

/** A problem or unknown note for a resource that must use a customer-managed key, or undefined when it does. */
export function requireCustomerKey(stack: StackModel, value: unknown, attribute: string): { problem?: string; unknown?: string } {
  switch (keyKind(stack, value)) {
    case 'customer-managed':
      return {};
    case 'aws-managed':
      return { problem: `${attribute} names an AWS-managed key; use a customer-managed KMS key` };
    case 'none':
      return { problem: `${attribute} is not set, so no customer-managed KMS key is used` };
    default:
      return { unknown: `${attribute} is an unresolved expression` };
  }
}

/** Adds a `requireCustomerKey` verdict to a rule's problem and unknown lists. */
export function noteCustomerKey(stack: StackModel, value: unknown, attribute: string, problems: string[], unknowns: string[]): void {
  const key = requireCustomerKey(stack, value, attribute);
  if (key.problem) problems.push(key.problem);
  if (key.unknown) unknowns.push(key.unknown);
}
