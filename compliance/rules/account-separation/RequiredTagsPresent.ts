import { defineRule, fail, isRecord, isUnknown, pass, unknown } from '../../rule-kit';
import { ProviderModel, ResourceModel, RuleOutcome, StackModel } from '../../types';
import { TAGGABLE_RESOURCE_TYPES } from '../_shared/taggable-types';

/** The provider block a resource uses: its alias, or the default configuration. */
function providerOf(stack: StackModel, r: ResourceModel): ProviderModel | undefined {
  const aws = stack.providers.filter((p) => p.name === 'aws');
  if (r.provider?.startsWith('aws.')) return aws.find((p) => `aws.${p.alias}` === r.provider);
  return aws.find((p) => p.alias === undefined);
}

/**
 * The tag keys a resource ends up with, as far as the JSON shows them:
 * provider default tags plus its own `tags`. `open` is set when its own tags
 * are (or hold) a value the gate cannot resolve, which may add any key.
 */
function keysOf(stack: StackModel, r: ResourceModel): { keys: Set<string>; open?: string } {
  const keys = new Set(Object.keys(providerOf(stack, r)?.defaultTags ?? {}));
  const tags = r.values.tags;
  if (isUnknown(tags)) return { keys, open: tags.$unknown };
  if (isRecord(tags)) {
    for (const [k, v] of Object.entries(tags)) {
      // A key whose value is null is removed by Terraform, default tags included.
      if (v === null) keys.delete(k);
      else keys.add(k);
    }
  }
  return { keys };
}

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
      const { keys, open } = keysOf(stack, r);
      const missing = required.filter((k) => !keys.has(k));
      if (missing.length === 0) out.push(pass(r.address, `carries ${required.join(', ')}.`));
      else if (open !== undefined) out.push(unknown(r.address, `lacks ${missing.join(', ')} unless its tags ${open} add them, which the gate cannot resolve.`, `Tags::${missing.join(',')}`));
      else out.push(fail(r.address, `lacks the required tag key${missing.length > 1 ? 's' : ''} ${missing.join(', ')}.`, `Tags::${missing.join(',')}`));
    }
    return out.length > 0 ? out : [pass('stack', 'no taggable resources.')];
  },
);
