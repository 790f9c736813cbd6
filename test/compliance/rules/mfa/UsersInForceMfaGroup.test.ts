import { UsersInForceMfaGroup } from '../../../../compliance/rules/mfa/UsersInForceMfaGroup';
import { stackFromJson } from '../../../../compliance/model';
import { awsProvider, byStatus, fixtureStack, runRule } from '../../support/compliance-fixtures';

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

  describe('what counts as a force-MFA deny', () => {
    const ENROL = forceMfa.Statement[0]!.NotAction;
    const variant = (change: Record<string, unknown>) => JSON.stringify({ Statement: [{ ...forceMfa.Statement[0], ...change }] });
    /** One user per policy variant, each in its own group with that policy inline. */
    function usersWith(variants: Record<string, string>) {
      const resource: Record<string, Record<string, unknown>> = { aws_iam_user: {}, aws_iam_user_login_profile: {}, aws_iam_group: {}, aws_iam_group_policy: {}, aws_iam_user_group_membership: {} };
      for (const [name, policyJson] of Object.entries(variants)) {
        resource.aws_iam_user![name] = { name };
        resource.aws_iam_user_login_profile![name] = { user: `\${aws_iam_user.${name}.name}` };
        resource.aws_iam_group![name] = { name: `g-${name}` };
        resource.aws_iam_group_policy![name] = { group: `\${aws_iam_group.${name}.name}`, policy: policyJson };
        resource.aws_iam_user_group_membership![name] = { user: `\${aws_iam_user.${name}.name}`, groups: [`\${aws_iam_group.${name}.name}`] };
      }
      return fixtureStack({ resource });
    }

    test('GIVEN NotAction escape hatches, narrowing conditions or fail-open operators THEN the user fails', () => {
      const stack = usersWith({
        exact: variant({}),
        create_key: variant({ NotAction: [...ENROL, 'iam:CreateAccessKey'] }),
        assume_role: variant({ NotAction: [...ENROL, 'sts:AssumeRole'] }),
        leave_group: variant({ NotAction: [...ENROL, 'iam:RemoveUserFromGroup'] }),
        delete_device: variant({ NotAction: [...ENROL, 'iam:DeleteVirtualMFADevice'] }),
        attach_policy: variant({ NotAction: [...ENROL, 'iam:AttachUserPolicy'] }),
        iam_star: variant({ NotAction: ['iam:*', 'sts:GetSessionToken'] }),
        sts_star: variant({ NotAction: [...ENROL, 'sts:*'] }),
        device_wildcard: variant({ NotAction: [...ENROL, 'iam:*MFADevice'] }),
        other_service: variant({ NotAction: [...ENROL, 's3:GetObject'] }),
        any_service: variant({ NotAction: [...ENROL, '*:Get*'] }),
        not_action_star: variant({ NotAction: '*' }),
        region_only: variant({ Condition: { BoolIfExists: { 'aws:MultiFactorAuthPresent': 'false' }, StringEquals: { 'aws:RequestedRegion': 'eu-west-1' } } }),
        string_equals: variant({ Condition: { StringEquals: { 'aws:MultiFactorAuthPresent': 'false' } } }),
        any_value: variant({ Condition: { 'ForAnyValue:Bool': { 'aws:MultiFactorAuthPresent': 'false' } } }),
        not_resource: variant({ Resource: undefined, NotResource: 'arn:aws:iam::222222222222:mfa/*' }),
        one_bucket: variant({ Resource: 'arn:aws:s3:::b/*' }),
        list_wildcard: variant({ NotAction: [...ENROL, 'iam:List*'] }),
      });
      expect(byStatus(runRule(UsersInForceMfaGroup, stack))).toEqual({
        fail: [
          'aws_iam_user.any_service', 'aws_iam_user.any_value', 'aws_iam_user.assume_role', 'aws_iam_user.attach_policy', 'aws_iam_user.create_key', 'aws_iam_user.delete_device',
          'aws_iam_user.device_wildcard', 'aws_iam_user.iam_star', 'aws_iam_user.leave_group', 'aws_iam_user.not_action_star', 'aws_iam_user.not_resource', 'aws_iam_user.one_bucket',
          'aws_iam_user.other_service', 'aws_iam_user.region_only', 'aws_iam_user.string_equals', 'aws_iam_user.sts_star',
        ],
        // A wildcard that matches no known escape hatch cannot be enumerated: unknown, never a pass.
        unknown: ['aws_iam_user.list_wildcard'],
        suppressed: [],
        pass: ['aws_iam_user.exact'],
      });
    });

    test('the failure names the escape hatch', () => {
      const [finding] = runRule(UsersInForceMfaGroup, usersWith({ u: variant({ NotAction: [...ENROL, 'iam:CreateAccessKey'] }) }));
      expect(finding!.message).toContain('iam:CreateAccessKey');
    });
  });

  describe('SCP coverage follows the attachment target', () => {
    const users = () => fixtureStack({ resource: { aws_iam_user: { u: { name: 'u' } }, aws_iam_access_key: { k: { user: 'u' } } } }, 'users');
    const org = (targetId: string, extra: Record<string, unknown> = {}, account = '333333333333') =>
      stackFromJson(
        {
          provider: awsProvider(account, 'management'),
          variable: { ou: {} },
          resource: {
            ...extra,
            aws_organizations_policy: { force: { name: 'force-mfa', content: JSON.stringify(forceMfa) } },
            aws_organizations_policy_attachment: { a: { policy_id: '${aws_organizations_policy.force.id}', target_id: targetId } },
          },
        },
        'org',
        'org.tf.json',
      );
    const organization = { aws_organizations_organization: { org: { feature_set: 'ALL' } }, aws_organizations_organizational_unit: { workloads: { name: 'workloads', parent_id: '${aws_organizations_organization.org.roots[0].id}' } } };

    test.each([
      ['the users\' account', '222222222222', 'pass'],
      ['the root, by reference', '${aws_organizations_organization.org.roots[0].id}', 'pass'],
      ['another account', '999999999999', 'fail'],
      ['an OU by ID', 'ou-ab12-unrelated', 'unknown'],
      ['an OU by reference', '${aws_organizations_organizational_unit.workloads.id}', 'unknown'],
      ['a variable', '${var.ou}', 'unknown'],
    ])('attached to %s: %s', (_what, target, status) => {
      const findings = runRule(UsersInForceMfaGroup, org(target, organization), users()).filter((f) => f.address === 'aws_iam_user.u');
      expect(findings.map((f) => f.status)).toEqual([status]);
    });

    test('an SCP never covers users of the management account', () => {
      const findings = runRule(UsersInForceMfaGroup, org('r-abcd', organization, '222222222222'), users()).filter((f) => f.address === 'aws_iam_user.u');
      expect(findings.map((f) => f.status)).toEqual(['fail']);
      expect(findings[0]!.message).toContain('management account');
    });
  });
});
