import { NoIamUsersWhereDeclared } from '../../../../compliance/rules/mfa/NoIamUsersWhereDeclared';
import { StackModel } from '../../../../compliance/types';
import { byStatus, runRule } from '../../support/compliance-fixtures';
import { envStack } from '../account-separation/separation-fixtures';

const ACCOUNT = '222222222222';
const declared = (iamUsers: 'none' | 'allowed', rest: Record<string, unknown> = {}, name = 'dev'): StackModel =>
  envStack(name, 'dev', ACCOUNT, { '//': { tenantform: { environment: { name: 'dev', accountId: ACCOUNT, posture: 'non-production', trusts: [], sharesAccountWith: [], iamUsers, requiredTagKeys: [] } } }, ...rest });

const users = {
  resource: {
    aws_iam_user: { person: { name: 'alice' } },
    aws_iam_access_key: { key: { user: 'ci' } },
    aws_iam_user_login_profile: { console: { user: '${aws_iam_user.person.name}' } },
    aws_iam_user_policy_attachment: { admin: { user: 'alice', policy_arn: 'arn:aws:iam::aws:policy/ReadOnlyAccess' } },
    aws_iam_group_membership: { some: { name: 'm', group: 'g', users: ['alice'] }, none: { name: 'n', group: 'g', users: [] } },
    aws_iam_policy_attachment: { to_users: { name: 'a', policy_arn: 'arn:aws:iam::aws:policy/ReadOnlyAccess', users: ['alice'] }, to_roles: { name: 'b', policy_arn: 'arn:aws:iam::aws:policy/ReadOnlyAccess', roles: ['app'] } },
  },
};

describe("TF-MFA-5 no IAM users where the environment declares iamUsers: 'none'", () => {
  test('GIVEN a declared no-user account THEN users, their keys, logins, memberships and attachments fail; role attachments do not', () => {
    expect(byStatus(runRule(NoIamUsersWhereDeclared, declared('none', users)))).toEqual({
      fail: [
        'aws_iam_access_key.key',
        'aws_iam_group_membership.some',
        'aws_iam_policy_attachment.to_users',
        'aws_iam_user.person',
        'aws_iam_user_login_profile.console',
        'aws_iam_user_policy_attachment.admin',
      ],
      unknown: [],
      suppressed: [],
      pass: [],
    });
  });

  test('GIVEN users allowed, or no declaration THEN the rule does not apply', () => {
    expect(runRule(NoIamUsersWhereDeclared, declared('allowed', users))).toEqual([]);
    expect(runRule(NoIamUsersWhereDeclared, envStack('dev', 'dev', ACCOUNT, users))).toEqual([]);
  });

  test('GIVEN one stack of the account declares none THEN a user in an undeclared stack of that account fails too', () => {
    const other = envStack('dev-extra', 'dev', ACCOUNT, { resource: { aws_iam_user: { sneaky: { name: 'bob' } } } });
    const findings = runRule(NoIamUsersWhereDeclared, declared('none'), other).filter((f) => f.stack === 'dev-extra');
    expect(byStatus(findings).fail).toEqual(['aws_iam_user.sneaky']);
  });

  test('GIVEN a declared account with no users THEN the stack passes', () => {
    expect(byStatus(runRule(NoIamUsersWhereDeclared, declared('none', { resource: { aws_iam_role: { r: { assume_role_policy: '{}' } } } }))).pass).toEqual(['stack']);
  });
});
