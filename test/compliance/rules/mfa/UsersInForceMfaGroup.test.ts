import { UsersInForceMfaGroup } from '../../../../compliance/rules/mfa/UsersInForceMfaGroup';
import { byStatus, fixtureStack, runRule } from '../../support/compliance-fixtures';

const forceMfa = {
  Statement: [
    {
      Sid: 'DenyWithoutMfa',
      Effect: 'Deny',
      NotAction: ['iam:CreateVirtualMFADevice', 'iam:EnableMFADevice', 'iam:GetUser', 'iam:ListMFADevices', 'sts:GetSessionToken'],
      Resource: '*',
      Condition: { BoolIfExists: { 'aws:MultiFactorAuthPresent': 'false' } },
    },
  ],
};
const failOpen = { Statement: [{ ...forceMfa.Statement[0], Condition: { Bool: { 'aws:MultiFactorAuthPresent': 'false' } } }] };

describe('TF-MFA-1 users in a force-MFA group', () => {
  test('GIVEN users with passwords or keys THEN only members of a group with a correct force-MFA deny pass', () => {
    const stack = fixtureStack({
      data: {
        aws_iam_policy_document: {
          force: { statement: [{ sid: 'Deny', effect: 'Deny', actions: ['*'], resources: ['*'], condition: [{ test: 'BoolIfExists', variable: 'aws:MultiFactorAuthPresent', values: ['false'] }] }] },
        },
      },
      resource: {
        aws_iam_user: { alice: { name: 'alice' }, bob: { name: 'bob' }, carol: { name: 'carol' }, dave: { name: 'dave' }, erin: { name: 'erin' }, robot: { name: 'robot' } },
        aws_iam_user_login_profile: {
          alice_login: { user: '${aws_iam_user.alice.name}' },
          bob_login: { user: '${aws_iam_user.bob.name}' },
          carol_login: { user: 'carol' },
          dave_login: { user: '${aws_iam_user.dave.name}' },
        },
        aws_iam_access_key: { erin_key: { user: '${aws_iam_user.erin.name}' } },
        aws_iam_group: { humans: { name: 'humans' }, weak: { name: 'weak' }, attached: { name: 'attached' } },
        aws_iam_group_policy: {
          humans_mfa: { group: '${aws_iam_group.humans.name}', policy: JSON.stringify(forceMfa) },
          weak_mfa: { group: '${aws_iam_group.weak.id}', policy: JSON.stringify(failOpen) },
        },
        aws_iam_policy: { force: { policy: '${data.aws_iam_policy_document.force.json}' } },
        aws_iam_group_policy_attachment: { attached_force: { group: '${aws_iam_group.attached.name}', policy_arn: '${aws_iam_policy.force.arn}' } },
        aws_iam_group_membership: {
          humans: { name: 'humans', group: '${aws_iam_group.humans.name}', users: ['${aws_iam_user.alice.name}'] },
          weak: { name: 'weak', group: '${aws_iam_group.weak.name}', users: ['${aws_iam_user.bob.name}'] },
        },
        aws_iam_user_group_membership: {
          carol: { user: '${aws_iam_user.carol.name}', groups: ['${aws_iam_group.attached.name}'] },
          erin: { user: 'erin', groups: ['humans'] },
        },
      },
    });
    expect(byStatus(runRule(UsersInForceMfaGroup, stack))).toEqual({
      fail: ['aws_iam_user.bob', 'aws_iam_user.dave'],
      unknown: [],
      suppressed: [],
      pass: ['aws_iam_user.alice', 'aws_iam_user.carol', 'aws_iam_user.erin'],
    });
  });

  test('GIVEN an attached SCP with a force-MFA deny in another stack of the run THEN every credentialed user passes', () => {
    const org = fixtureStack(
      {
        resource: {
          aws_organizations_policy: { force: { name: 'force-mfa', content: JSON.stringify(forceMfa) } },
          aws_organizations_policy_attachment: { root: { policy_id: '${aws_organizations_policy.force.id}', target_id: 'r-abcd' } },
        },
      },
      'org',
    );
    const users = fixtureStack({ resource: { aws_iam_user: { u: { name: 'u' } }, aws_iam_access_key: { k: { user: 'u' } } } }, 'users');
    expect(byStatus(runRule(UsersInForceMfaGroup, org, users)).pass).toEqual(['aws_iam_user.u']);
    expect(byStatus(runRule(UsersInForceMfaGroup, users)).fail).toEqual(['aws_iam_user.u']);
  });

  test('unknown: a membership or group policy that cannot be resolved, and a credential for a user outside the stack', () => {
    const stack = fixtureStack({
      variable: { groups: {} },
      resource: {
        aws_iam_user: { v: { name: 'v' }, w: { name: 'w' } },
        aws_iam_user_login_profile: { v: { user: 'v' }, w: { user: 'w' }, outsider: { user: '${var.user}' } },
        aws_iam_group: { g: { name: 'g' } },
        aws_iam_group_policy: { g: { group: 'g', policy: '${var.policy}' } },
        aws_iam_user_group_membership: { v: { user: 'v', groups: ['${var.group}'] }, w: { user: 'w', groups: ['g'] } },
      },
    });
    expect(byStatus(runRule(UsersInForceMfaGroup, stack))).toEqual({
      fail: [],
      unknown: ['aws_iam_user.v', 'aws_iam_user.w', 'aws_iam_user_login_profile.outsider'],
      suppressed: [],
      pass: [],
    });
  });
});
