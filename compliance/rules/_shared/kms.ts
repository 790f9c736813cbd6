import { StackModel } from '../../types';
import { isUnknown } from '../../values';
import { isRecord, isSet, isUnresolved, referencedAddresses } from './values';

/** What a `kms_key_id`-style attribute says about the key that encrypts a resource. */
export type KeyKind = 'customer-managed' | 'aws-managed' | 'none' | 'unknown';

const AWS_MANAGED_ALIAS = /(^|:)alias\/aws\//;

/**
 * Classifies a key reference. A reference to an `aws_kms_key` or
 * `aws_kms_alias` of the stack is customer managed (AWS reserves `alias/aws/`);
 * a `data.aws_kms_key` / `data.aws_kms_alias` is judged by the key it looks up;
 * a literal ARN or alias is customer managed unless it is an `alias/aws/...`
 * one; a cross-stack output traced to a key of the producing stack counts
 * like a local key. Variables and other unresolved expressions are unknown.
 */
export function keyKind(stack: StackModel, value: unknown): KeyKind {
  if (!isSet(value)) return 'none';
  if (typeof value === 'string' && !isUnresolved(value)) return AWS_MANAGED_ALIAS.test(value) ? 'aws-managed' : 'customer-managed';
  if (!isUnresolved(value)) return 'unknown';
  // A cross-stack reference the engine traced to a key resource of the producing stack.
  if (isUnknown(value) && value.origin !== undefined) {
    return /^aws_kms_(key|alias|replica_key)\./.test(value.origin.ref) ? 'customer-managed' : 'unknown';
  }
  const refs = referencedAddresses(value);
  if (refs.length !== 1) return 'unknown';
  const address = refs[0]!;
  if (address.startsWith('aws_kms_key.') || address.startsWith('aws_kms_alias.') || address.startsWith('aws_kms_replica_key.')) {
    return stack.resources.has(address) ? 'customer-managed' : 'unknown';
  }
  if (address.startsWith('data.aws_kms_key.') || address.startsWith('data.aws_kms_alias.')) {
    const data = stack.dataSources.get(address);
    const lookup = data && isRecord(data.values) ? (data.values.key_id ?? data.values.name) : undefined;
    if (typeof lookup !== 'string' || isUnresolved(lookup)) return 'unknown';
    return AWS_MANAGED_ALIAS.test(lookup) ? 'aws-managed' : 'customer-managed';
  }
  return 'unknown';
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
