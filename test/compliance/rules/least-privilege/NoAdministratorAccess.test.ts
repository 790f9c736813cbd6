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

  test('flags other admin-equivalent and full-access AWS managed policies in every attachment form; unresolvable ARNs are unknown', () => {
    const m = (name: string) => `arn:aws:iam::aws:policy/${name}`;
    const stack = fixtureStack({
      variable: { name: {} },
      resource: {
        aws_iam_policy: { mine: { name: 'deploy', policy: '{"Version":"2012-10-17","Statement":[]}' } },
        aws_iam_role_policy_attachment: {
          power_user: { role: 'r', policy_arn: m('PowerUserAccess') },
          amplify: { role: 'r', policy_arn: m('AdministratorAccess-Amplify') },
          s3_full: { role: 'r', policy_arn: m('AmazonS3FullAccess') },
          lambda_full: { role: 'r', policy_arn: m('AWSLambda_FullAccess') },
          system_admin: { role: 'r', policy_arn: m('job-function/SystemAdministrator') },
          view_only: { role: 'r', policy_arn: m('job-function/ViewOnlyAccess') },
          ssm_core: { role: 'r', policy_arn: m('AmazonSSMManagedInstanceCore') },
          templated: { role: 'r', policy_arn: 'arn:aws:iam::aws:policy/${var.name}' },
          foreign_customer: { role: 'r', policy_arn: 'arn:aws:iam::999999999999:policy/whatever' },
          own_customer_by_name: { role: 'r', policy_arn: 'arn:aws:iam::222222222222:policy/deploy' },
        },
        aws_iam_policy_attachment: { iam_full: { name: 'x', roles: ['r'], policy_arn: m('IAMFullAccess') } },
        aws_iam_group_policy_attachment: { orgs: { group: 'g', policy_arn: m('AWSOrganizationsFullAccess') } },
        aws_iam_user_policy_attachment: { secrets: { user: 'u', policy_arn: m('SecretsManagerReadWrite') } },
        aws_iam_role_policy_attachments_exclusive: { exclusive: { role_name: 'r', policy_arns: [m('ReadOnlyAccess'), m('PowerUserAccess')] } },
        aws_iam_role: { managed: { assume_role_policy: '{}', managed_policy_arns: [m('IAMFullAccess')] } },
      },
    });
    expect(byStatus(runRule(NoAdministratorAccess, stack))).toEqual({
      fail: [
        'aws_iam_group_policy_attachment.orgs',
        'aws_iam_policy_attachment.iam_full',
        'aws_iam_role.managed',
        'aws_iam_role_policy_attachment.amplify',
        'aws_iam_role_policy_attachment.lambda_full',
        'aws_iam_role_policy_attachment.power_user',
        'aws_iam_role_policy_attachment.s3_full',
        'aws_iam_role_policy_attachment.system_admin',
        'aws_iam_role_policy_attachments_exclusive.exclusive',
        'aws_iam_user_policy_attachment.secrets',
      ],
      unknown: ['aws_iam_role_policy_attachment.foreign_customer', 'aws_iam_role_policy_attachment.templated'],
      suppressed: [],
      pass: ['aws_iam_role_policy_attachment.own_customer_by_name', 'aws_iam_role_policy_attachment.ssm_core', 'aws_iam_role_policy_attachment.view_only'],
    });
  });
});
