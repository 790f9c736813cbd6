import { defineRule, fail, pass } from '../../rule-kit';
import { RuleOutcome, StackModel } from '../../types';

function stateBucketOf(stack: StackModel): string | undefined {
  const bucket = stack.backend?.type === 's3' ? stack.backend.config.bucket : undefined;
  return typeof bucket === 'string' ? bucket : undefined;
}

/** TF-SEP-2: across the whole run, an account or a state bucket belongs to one environment. */
export const environmentsDoNotShare = defineRule(
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
    const others = context.stacks.filter((s) => s.environment !== undefined && s.environment !== stack.environment);
    const out: RuleOutcome[] = [];
    for (const account of stack.accounts) {
      const clash = others.find((o) => o.accounts.includes(account));
      if (clash) out.push(fail('stack', `account ${account} is also used by environment ${clash.environment} (stack ${clash.name}).`, `Account::${account}`));
    }
    const bucket = stateBucketOf(stack);
    if (bucket !== undefined) {
      const clash = others.find((o) => stateBucketOf(o) === bucket);
      if (clash) out.push(fail('stack', `state bucket ${bucket} is also used by environment ${clash.environment} (stack ${clash.name}).`, `StateBucket::${bucket}`));
    }
    return out.length > 0 ? out : [pass('stack', 'account and state bucket belong to this environment alone.')];
  },
);
