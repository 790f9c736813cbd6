import { NoRootAccessKeys } from '../../../../compliance/rules/mfa/NoRootAccessKeys';
import { byStatus, fixtureStack, runRule } from '../../support/compliance-fixtures';

describe('TF-MFA-4 no root access keys', () => {
  test('flags keys for root, passes keys for IAM users, and is unknown for unresolved users', () => {
    const stack = fixtureStack({
      resource: {
        aws_iam_user: { ci: { name: 'ci' } },
        aws_iam_access_key: { root_key: { user: 'root' }, root_upper: { user: 'Root' }, user_key: { user: 'ci' }, ref_key: { user: '${aws_iam_user.ci.name}' }, var_key: { user: '${var.user}' } },
      },
    });
    expect(byStatus(runRule(NoRootAccessKeys, stack))).toEqual({
      fail: ['aws_iam_access_key.root_key', 'aws_iam_access_key.root_upper'],
      unknown: ['aws_iam_access_key.var_key'],
      suppressed: [],
      pass: ['aws_iam_access_key.ref_key', 'aws_iam_access_key.user_key'],
    });
  });
});
