import { blockOf, decide, defineRule, isUnresolved, resourcesOf } from '../rule-kit';
import { Rule, RuleMeta } from '../types';
import { requireCustomerKey } from './kms';

/**
 * Builds a rule for the common case "this attribute must name a
 * customer-managed KMS key". `path` may go through one nested block
 * (`encryption_configuration.kms_key`).
 */
export function customerKeyRule(meta: Omit<RuleMeta, 'invariant'>, path: string): Rule {
  const [first, second] = path.split('.') as [string, string | undefined];
  return defineRule(meta, (stack) =>
    resourcesOf(stack, ...meta.resourceTypes).map((r) => {
      const holder = r.values[first];
      // A nested block written as an expression (`dynamic`, a variable) could hold any key.
      if (second !== undefined && isUnresolved(holder)) return decide(r.address, [], [`${first} is unresolved`], '');
      const value = second === undefined ? holder : blockOf(holder)[second];
      const key = requireCustomerKey(stack, value, path);
      return decide(r.address, key.problem ? [key.problem] : [], key.unknown ? [key.unknown] : [], `${path} names a customer-managed key`);
    }),
  );
}
