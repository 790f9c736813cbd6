import { Rule, RuleMeta } from '../../types';
import { requireCustomerKey } from './kms';
import { decide } from './outcomes';
import { blockOf, resourcesOf } from './values';

/**
 * Builds a rule for the common case "this attribute must name a
 * customer-managed KMS key". `path` may go through one nested block
 * (`encryption_configuration.kms_key`).
 */
export function customerKeyRule(meta: RuleMeta, path: string): Rule {
  const [first, second] = path.split('.') as [string, string | undefined];
  return {
    meta,
    check(stack) {
      return resourcesOf(stack, ...meta.resourceTypes).map((r) => {
        const value = second === undefined ? r.values[first] : blockOf(r.values[first])[second];
        const key = requireCustomerKey(stack, value, path);
        return decide(r.address, key.problem ? [key.problem] : [], key.unknown ? [key.unknown] : [], `${path} names a customer-managed key`);
      });
    },
  };
}
