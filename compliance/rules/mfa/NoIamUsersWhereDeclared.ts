import { defineRule, fail, pass } from '../../rule-kit';
import { CheckContext, RuleOutcome, StackModel } from '../../types';

/** Resource types that create an IAM user or give one credentials, group membership or permissions. */
const USER_TYPES: readonly string[] = [
  'aws_iam_user',
  'aws_iam_user_login_profile',
  'aws_iam_access_key',
  'aws_iam_user_ssh_key',
  'aws_iam_service_specific_credential',
  'aws_iam_signing_certificate',
  'aws_iam_virtual_mfa_device',
  'aws_iam_user_policy',
  'aws_iam_user_policy_attachment',
  'aws_iam_user_group_membership',
  'aws_iam_group_membership',
  'aws_iam_policy_attachment',
];

/** Accounts some stack of the run declares as holding no IAM users, built once per run. */
const noUserAccountsByRun = new WeakMap<readonly StackModel[], Set<string>>();

function noUserAccounts(context: CheckContext): Set<string> {
  let set = noUserAccountsByRun.get(context.stacks);
  if (set === undefined) {
    set = new Set();
    for (const s of context.stacks) if (s.declaration?.iamUsers === 'none' && s.accounts.includes(s.declaration.accountId)) set.add(s.declaration.accountId);
    noUserAccountsByRun.set(context.stacks, set);
  }
  return set;
}

/** Whether a resource brings a user into being or into use (an attachment counts only when it names users). */
function involvesUsers(r: { type: string; values: Readonly<Record<string, unknown>> }): boolean {
  if (r.type === 'aws_iam_policy_attachment' || r.type === 'aws_iam_group_membership') {
    const users = r.values.users;
    return users !== undefined && users !== null && !(Array.isArray(users) && users.length === 0);
  }
  return true;
}

/**
 * TF-MFA-5: an account declared to have no IAM users (people sign in through
 * IAM Identity Center) gets none, from any stack of the run.
 */
export const NoIamUsersWhereDeclared = defineRule(
  {
    id: 'TF-MFA-5',
    title: "Ensure no IAM user, credential or user attachment exists in an account declared with iamUsers: 'none'",
    category: 'mfa',
    level: 'error',
    resourceTypes: USER_TYPES,
    remediation:
      "Give people access through IAM Identity Center permission sets (MFA at the identity source, short sessions) and workloads through roles. Remove the user, or, if the account really needs one, drop iamUsers: 'none' from the environment and say why in review.",
    references: { checkov: [], cdkNag: [] },
  },
  (stack, context) => {
    const accounts = noUserAccounts(context);
    if (!stack.accounts.some((a) => accounts.has(a))) return [];
    const out: RuleOutcome[] = [];
    for (const r of stack.resources.values()) {
      if (!USER_TYPES.includes(r.type) || !involvesUsers(r)) continue;
      out.push(fail(r.address, `${r.type} in account ${stack.accounts.join(', ')}, which is declared to hold no IAM users.`));
    }
    return out.length > 0 ? out : [pass('stack', 'no IAM users in an account declared without them.')];
  },
);
