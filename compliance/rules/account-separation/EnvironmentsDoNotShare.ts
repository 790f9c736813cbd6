import { defineRule, fail, pass } from '../../rule-kit';
import { RuleOutcome, StackModel } from '../../types';
import { isProductionStack } from '../../rule-helpers/posture';
import { stateBucketOf } from '../../rule-helpers/separation';

/** Per account (or state bucket): the first stack of each environment that uses it. */
interface UsageIndex {
  readonly accounts: Map<string, Map<string, StackModel>>;
  readonly buckets: Map<string, Map<string, StackModel>>;
}

/** Stacks by account and by state bucket, built once per run so the rule stays linear in the number of stacks. */
const indexByRun = new WeakMap<readonly StackModel[], UsageIndex>();

function push(map: Map<string, Map<string, StackModel>>, key: string, stack: StackModel): void {
  let byEnvironment = map.get(key);
  if (byEnvironment === undefined) map.set(key, (byEnvironment = new Map()));
  // One stack per environment is enough to name the clash, and keeps each lookup as short as the number of environments.
  if (!byEnvironment.has(stack.environment!)) byEnvironment.set(stack.environment!, stack);
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

/**
 * Whether two stacks of different environments may share an account: both
 * declare it (each names the other in sharesAccountWith), both are
 * non-production, and the account is the same.
 */
function declaredShare(a: StackModel, b: StackModel): boolean {
  const da = a.declaration;
  const db = b.declaration;
  if (da === undefined || db === undefined || isProductionStack(a) || isProductionStack(b)) return false;
  return da.accountId === db.accountId && da.sharesAccountWith.includes(db.name) && db.sharesAccountWith.includes(da.name);
}

function sharingHint(a: StackModel, b: StackModel): string {
  if (isProductionStack(a) || isProductionStack(b)) return '; a production environment shares its account with no other';
  return `; non-production environments may share an account only when both declare it (sharesAccountWith)`;
}

/** TF-SEP-2: across the whole run, an account or a state bucket belongs to one environment, unless non-production environments declare sharing it. */
export const EnvironmentsDoNotShare = defineRule(
  {
    id: 'TF-SEP-2',
    title: 'Ensure no two environments share an AWS account or a Terraform state bucket, except non-production environments that declare it',
    category: 'account-separation',
    level: 'error',
    resourceTypes: ['*'],
    remediation:
      'Give each environment its own account and its own state bucket (in that account). Shared state lets a dev pipeline read and overwrite prod state, secrets included. Non-production environments (dev and staging in one development account) may share an account and its state bucket when both declare it with sharesAccountWith; production never shares.',
    references: {},
  },
  (stack, context) => {
    if (stack.environment === undefined) return []; // TF-SEP-1 reports the missing declaration.
    const index = usageIndex(context.stacks);
    const out: RuleOutcome[] = [];
    for (const account of stack.accounts) {
      const clash = [...(index.accounts.get(account)?.values() ?? [])].find((o) => o.environment !== stack.environment && !declaredShare(stack, o));
      if (clash) out.push(fail('stack', `account ${account} is also used by environment ${clash.environment} (stack ${clash.name})${sharingHint(stack, clash)}.`, `Account::${account}`));
    }
    const bucket = stateBucketOf(stack);
    if (bucket !== undefined) {
      // Environments that declare a shared account may keep their state in its one bucket; their keys differ by stack.
      const clash = [...(index.buckets.get(bucket)?.values() ?? [])].find((o) => o.environment !== stack.environment && !declaredShare(stack, o));
      if (clash) out.push(fail('stack', `state bucket ${bucket} is also used by environment ${clash.environment} (stack ${clash.name}).`, `StateBucket::${bucket}`));
    }
    return out.length > 0 ? out : [pass('stack', 'account and state bucket belong to this environment alone.')];
  },
);
