import { NoAdministratorAccess } from '../../../../compliance/rules/least-privilege/NoAdministratorAccess';
import { byStatus, fixtureStack, runRule } from '../../support/compliance-fixtures';

const ADMIN = 'arn:aws:iam::aws:policy/AdministratorAccess';

describe('TF-LP-9 no AdministratorAccess', () => {
  test('flags every attachment form of AdministratorAccess', () => {
    const stack = fixtureStack({
      resource: {
        // Declared, so `${aws_iam_policy.p.arn}` is a policy of the stack (judged by the statement rules).
        aws_iam_policy: { p: { policy: '{"Version":"2012-10-17","Statement":[]}' } },
        aws_iam_role_policy_attachment: { admin: { role: 'r', policy_arn: ADMIN }, readonly: { role: 'r', policy_arn: 'arn:aws:iam::aws:policy/ReadOnlyAccess' }, own: { role: 'r', policy_arn: '${aws_iam_policy.p.arn}' }, var_arn: { role: 'r', policy_arn: '${var.arn}' } },
        aws_iam_group_policy_attachment: { admin: { group: 'g', policy_arn: 'arn:aws-us-gov:iam::aws:policy/AdministratorAccess' } },
        aws_ssoadmin_managed_policy_attachment: { admin: { managed_policy_arn: ADMIN } },
        aws_iam_role: { managed_admin: { assume_role_policy: '{}', managed_policy_arns: [ADMIN] }, plain: { assume_role_policy: '{}' } },
      },
    });
    expect(byStatus(runRule(NoAdministratorAccess, stack))).toEqual({
      fail: ['aws_iam_group_policy_attachment.admin', 'aws_iam_role.managed_admin', 'aws_iam_role_policy_attachment.admin', 'aws_ssoadmin_managed_policy_attachment.admin'],
      unknown: ['aws_iam_role_policy_attachment.var_arn'],
      suppressed: [],
      pass: ['aws_iam_role_policy_attachment.own', 'aws_iam_role_policy_attachment.readonly'],
    });
  });
});
