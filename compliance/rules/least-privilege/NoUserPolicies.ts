import { checkEach, defineRule, fail, isUnknown, listOf, pass, unknown } from '../../rule-kit';

const USER_POLICY_TYPES = ['aws_iam_user_policy', 'aws_iam_user_policy_attachment', 'aws_iam_user_policy_attachments_exclusive', 'aws_iam_policy_attachment'];

/** TF-LP-8: users get permissions only through groups. */
export const NoUserPolicies = defineRule(
  {
    id: 'TF-LP-8',
    title: 'Ensure IAM users receive permissions only through groups (no inline or attached user policies)',
    category: 'least-privilege',
    level: 'error',
    resourceTypes: USER_POLICY_TYPES,
    remediation: 'Attach the policy to a group (or a role the user assumes) and add the user to it; per-user policies drift and escape review.',
    references: { cis: 'CIS AWS v5.0.0 1.14', checkov: ['CKV_AWS_40'], cdkNag: ['NIST.800.53.R5-IAMUserNoPolicies', 'NIST.800.53.R5-IAMNoInlinePolicy'] },
  },
  (stack) =>
    checkEach(stack, USER_POLICY_TYPES, (r) => {
      if (r.type === 'aws_iam_user_policy') return fail(r.address, 'an inline policy is attached to a user.');
      if (r.type === 'aws_iam_user_policy_attachment') return fail(r.address, 'a managed policy is attached to a user.');
      if (r.type === 'aws_iam_user_policy_attachments_exclusive') {
        if (isUnknown(r.values.policy_arns)) return unknown(r.address, `the user's exclusive policy list cannot be resolved (${r.values.policy_arns.$unknown}).`);
        return listOf(r.values.policy_arns).length > 0 ? fail(r.address, 'managed policies are attached to a user.') : pass(r.address, 'the exclusive list attaches nothing to the user.');
      }
      if (isUnknown(r.values.users)) return unknown(r.address, `the attachment's users cannot be resolved (${r.values.users.$unknown}).`);
      return listOf(r.values.users).length > 0 ? fail(r.address, 'the policy attachment includes users.') : pass(r.address, 'the attachment names no users.');
    }),
);
