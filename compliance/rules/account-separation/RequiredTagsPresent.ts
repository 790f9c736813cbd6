import { defineRule, effectiveTags, fail, isUnknown, pass, unknown } from '../../rule-kit';
import { RuleOutcome } from '../../types';
import { TAGGABLE_RESOURCE_TYPES } from '../../rule-helpers/taggable-types';

/** TF-SEP-9: every taggable resource carries the tag keys its environment declares as required. */
export const RequiredTagsPresent = defineRule(
  {
    id: 'TF-SEP-9',
    title: "Ensure every taggable resource carries the tag keys its environment declares as required",
    category: 'account-separation',
    level: 'error',
    resourceTypes: ['*'],
    remediation:
      "Set the required keys on the environment (`tags`, which become the provider's default_tags and reach every taggable resource), or on the resource's own `tags`. A key set to null on a resource removes the default. Required keys come from the environment's `requiredTagKeys`; cost allocation, ownership and incident routing read them.",
    references: { checkov: [], cdkNag: [] },
  },
  (stack) => {
    const required = stack.declaration?.requiredTagKeys ?? [];
    if (required.length === 0) return [];
    const out: RuleOutcome[] = [];
    for (const r of stack.resources.values()) {
      if (!TAGGABLE_RESOURCE_TYPES.has(r.type)) continue;
      const tags = effectiveTags(stack, r);
      // Tags written as one unresolved value (a variable, merge()) may add any key.
      const open = isUnknown(r.values.tags) ? r.values.tags.$unknown : undefined;
      const missing = required.filter((k) => !Object.prototype.hasOwnProperty.call(tags, k));
      if (missing.length === 0) out.push(pass(r.address, `carries ${required.join(', ')}.`));
      else if (open !== undefined) out.push(unknown(r.address, `lacks ${missing.join(', ')} unless its tags ${open} add them, which the gate cannot resolve.`, `Tags::${missing.join(',')}`));
      else out.push(fail(r.address, `lacks the required tag key${missing.length > 1 ? 's' : ''} ${missing.join(', ')}.`, `Tags::${missing.join(',')}`));
    }
    return out.length > 0 ? out : [pass('stack', 'no taggable resources.')];
  },
);
