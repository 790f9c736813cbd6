import { NoUserPolicies } from '../../../../compliance/rules/least-privilege/NoUserPolicies';
import { byStatus, fixtureStack, runRule } from '../../support/compliance-fixtures';

describe('TF-LP-8 no user policies', () => {
  test('flags inline and attached user policies, passes group/role-only attachments', () => {
    const stack = fixtureStack({
      resource: {
        aws_iam_user_policy: { inline: { user: 'alice', policy: '{}' } },
        aws_iam_user_policy_attachment: { attached: { user: 'alice', policy_arn: 'arn:aws:iam::aws:policy/ReadOnlyAccess' } },
        aws_iam_policy_attachment: {
          with_users: { name: 'a', users: ['alice'], policy_arn: 'arn:aws:iam::aws:policy/ReadOnlyAccess' },
          groups_only: { name: 'b', groups: ['humans'], users: [], policy_arn: 'arn:aws:iam::aws:policy/ReadOnlyAccess' },
          var_users: { name: 'c', users: '${var.users}', policy_arn: 'arn:aws:iam::aws:policy/ReadOnlyAccess' },
        },
        aws_iam_group_policy_attachment: { group: { group: 'humans', policy_arn: 'arn:aws:iam::aws:policy/ReadOnlyAccess' } },
      },
    });
    expect(byStatus(runRule(NoUserPolicies, stack))).toEqual({
      fail: ['aws_iam_policy_attachment.with_users', 'aws_iam_user_policy.inline', 'aws_iam_user_policy_attachment.attached'],
      unknown: ['aws_iam_policy_attachment.var_users'],
      suppressed: [],
      pass: ['aws_iam_policy_attachment.groups_only'],
    });
  });

  test('an exclusive attachment list on a user attaches policies to the user too', () => {
    const stack = fixtureStack({
      variable: { arns: {} },
      resource: {
        aws_iam_user_policy_attachments_exclusive: {
          some: { user_name: 'alice', policy_arns: ['arn:aws:iam::aws:policy/ReadOnlyAccess'] },
          none: { user_name: 'bob', policy_arns: [] },
          var_list: { user_name: 'carol', policy_arns: '${var.arns}' },
        },
      },
    });
    expect(byStatus(runRule(NoUserPolicies, stack))).toEqual({
      fail: ['aws_iam_user_policy_attachments_exclusive.some'],
      unknown: ['aws_iam_user_policy_attachments_exclusive.var_list'],
      suppressed: [],
      pass: ['aws_iam_user_policy_attachments_exclusive.none'],
    });
  });
});
