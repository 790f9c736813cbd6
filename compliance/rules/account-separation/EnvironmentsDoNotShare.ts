import { defineRule, fail, pass } from '../../rule-kit';
import { RuleOutcome, StackModel } from '../../types';
import { stateBucketOf } from '../_shared/separation';

interface UsageIndex {
  readonly accounts: Map<string, StackModel[]>;
  readonly buckets: Map<string, StackModel[]>;
}

/** Stacks by account and by state bucket, built once per run so the rule stays linear in the number of stacks. */
const indexByRun = new WeakMap<readonly StackModel[], UsageIndex>();

function push(map: Map<string, StackModel[]>, key: string, stack: StackModel): void {
  const list = map.get(key);
  if (list === undefined) map.set(key, [stack]);
  else list.push(stack);
}

function usageIndex(stacks: readonly StackModel[]): UsageIndex {
  let index = indexByRun.get(stacks);
  if (index !== undefined) return index;
  index = { accounts: new Map(), buckets: new Map() };
  for (const s of stacks) {
    if (s.environment === undefined) continue;
    for (const a of s.accounts) push(index.accounts, a, s);
    const b = stateBucketOf(s);
    if (b !== undefined) push(index.buckets, b, s);
  }
  indexByRun.set(stacks, index);
  return index;
}

/** TF-SEP-2: across the whole run, an account or a state bucket belongs to one environment. */
export const EnvironmentsDoNotShare = defineRule(
  {
    id: 'TF-SEP-2',
    title: 'Ensure no two environments share an AWS account or a Terraform state bucket',
    category: 'account-separation',
    level: 'error',
    resourceTypes: ['*'],
    remediation: 'Give each environment its own account and its own state bucket (in that account). Shared state lets a dev pipeline read and overwrite prod state, secrets included.',
    references: {},
  },
  (stack, context) => {
    if (stack.environment === undefined) return []; // TF-SEP-1 reports the missing declaration.
    const index = usageIndex(context.stacks);
    const out: RuleOutcome[] = [];
    for (const account of stack.accounts) {
      const clash = (index.accounts.get(account) ?? []).find((o) => o.environment !== stack.environment);
      if (clash) out.push(fail('stack', `account ${account} is also used by environment ${clash.environment} (stack ${clash.name}).`, `Account::${account}`));
    }
    const bucket = stateBucketOf(stack);
    if (bucket !== undefined) {
      const clash = (index.buckets.get(bucket) ?? []).find((o) => o.environment !== stack.environment);
      if (clash) out.push(fail('stack', `state bucket ${bucket} is also used by environment ${clash.environment} (stack ${clash.name}).`, `StateBucket::${bucket}`));
    }
    return out.length > 0 ? out : [pass('stack', 'account and state bucket belong to this environment alone.')];
  },
);
