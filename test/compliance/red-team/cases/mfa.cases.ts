/**
 * MFA, attacked: fail-open condition operators, force-MFA denies with escape
 * hatches or narrowing conditions, and SCPs attached where the users are not,
 * each in several forms Terraform accepts.
 */
import { RedTeamCase, RedTeamControl } from '../support/red-team-case';
import { DEV_ACCOUNT, mainFile, ref, skeleton } from '../support/module';

const json = (statements: readonly Record<string, unknown>[]): string => JSON.stringify({ Version: '2012-10-17', Statement: statements });

/** What a user may do before MFA: the NotAction set the gate accepts. */
const ENROL = [
  'iam:ChangePassword',
  'iam:GetAccountPasswordPolicy',
  'iam:GetUser',
  'iam:CreateVirtualMFADevice',
  'iam:EnableMFADevice',
  'iam:ListMFADevices',
  'iam:ListVirtualMFADevices',
  'iam:ResyncMFADevice',
  'sts:GetSessionToken',
];

const DENY_WITHOUT_MFA = { BoolIfExists: { 'aws:MultiFactorAuthPresent': 'false' } };

const forceMfa = (change: Record<string, unknown> = {}): Record<string, unknown> => ({
  Sid: 'DenyAllWithoutMfa',
  Effect: 'Deny',
  NotAction: ENROL,
  Resource: '*',
  Condition: DENY_WITHOUT_MFA,
  ...change,
});

/** A human with a console password in group `humans`; `groupPolicy` goes inline on the group (string) or is merged in as resources. */
function human(groupPolicy: string | undefined, extra: Record<string, unknown> = {}, blocks: Record<string, unknown> = {}): Record<string, unknown> {
  return mainFile({
    ...blocks,
    resource: {
      aws_iam_user: { alice: { name: 'alice' } },
      aws_iam_user_login_profile: { alice: { user: ref('aws_iam_user.alice.name'), password_reset_required: true } },
      aws_iam_group: { humans: { name: 'humans' } },
      aws_iam_group_membership: { humans: { name: 'humans', group: ref('aws_iam_group.humans.name'), users: [ref('aws_iam_user.alice.name')] } },
      ...(groupPolicy === undefined ? {} : { aws_iam_group_policy: { mfa: { name: 'require-mfa', group: ref('aws_iam_group.humans.name'), policy: groupPolicy } } }),
      ...extra,
    },
  });
}

/** A human with an access key and no group, and an SCP with a correct force-MFA deny attached to `target`. */
function scpUser(target: string, extra: Record<string, unknown> = {}, blocks: Record<string, unknown> = {}): Record<string, unknown> {
  return mainFile({
    ...blocks,
    resource: {
      aws_iam_user: { robot: { name: 'robot' } },
      aws_iam_access_key: { robot: { user: ref('aws_iam_user.robot.name') } },
      aws_organizations_policy: { force: { name: 'force-mfa', content: json([forceMfa()]) } },
      aws_organizations_policy_attachment: { force: { policy_id: ref('aws_organizations_policy.force.id'), target_id: target } },
      ...extra,
    },
  });
}

const deny = (operator: string, value: unknown, key = 'aws:MultiFactorAuthPresent') => json([{ Effect: 'Deny', Action: '*', Resource: '*', Condition: { [operator]: { [key]: value } } }]);

const failOpenCases: RedTeamCase[] = [
  {
    id: 'mfa/deny-string-equals-false-group-policy',
    why: 'StringEquals aws:MultiFactorAuthPresent "false" never matches access-key calls (no key), like Bool',
    files: human(deny('StringEquals', 'false')),
    expect: { rules: ['TF-MFA-2', 'TF-MFA-1'] },
  },
  {
    id: 'mfa/deny-string-like-false-doc',
    why: 'StringLike in a policy document on a managed policy',
    files: mainFile({
      data: { aws_iam_policy_document: { d: { statement: [{ effect: 'Deny', actions: ['*'], resources: ['*'], condition: [{ test: 'StringLike', variable: 'aws:MultiFactorAuthPresent', values: ['false'] }] }] } } },
      resource: { aws_iam_policy: { p: { name: 'p', policy: ref('data.aws_iam_policy_document.d.json') } } },
    }),
    expect: { rules: ['TF-MFA-2'] },
  },
  {
    id: 'mfa/deny-for-any-value-bool',
    why: 'ForAnyValue:Bool on a missing key evaluates to false: the Deny never fires for access keys',
    files: mainFile({ resource: { aws_iam_policy: { p: { name: 'p', policy: deny('ForAnyValue:Bool', 'false') } } } }),
    expect: { rules: ['TF-MFA-2'] },
  },
  {
    id: 'mfa/deny-for-all-values-bool-inline',
    why: 'ForAllValues:Bool in a role inline_policy block',
    files: mainFile({
      resource: {
        aws_iam_role: {
          r: {
            name: 'r',
            assume_role_policy: json([{ Effect: 'Allow', Action: 'sts:AssumeRole', Principal: { Service: 'ec2.amazonaws.com' } }]),
            inline_policy: [{ name: 'mfa', policy: deny('ForAllValues:Bool', 'false') }],
          },
        },
      },
    }),
    expect: { rules: ['TF-MFA-2'] },
  },
  {
    id: 'mfa/scp-null-condition',
    why: 'an SCP denying on Null aws:MultiFactorAuthPresent "true" lets console sessions without MFA through',
    files: mainFile({ resource: { aws_organizations_policy: { p: { name: 'p', content: deny('Null', 'true') } } } }),
    expect: { rules: ['TF-MFA-2'] },
  },
  {
    id: 'mfa/deny-bool-false-json-boolean-role-policy',
    why: 'Bool with a JSON boolean false in an aws_iam_role_policy: same fail-open Bool',
    files: mainFile({
      resource: {
        aws_iam_role: { r: { name: 'r', assume_role_policy: json([{ Effect: 'Allow', Action: 'sts:AssumeRole', Principal: { Service: 'ec2.amazonaws.com' } }]) } },
        aws_iam_role_policy: { p: { name: 'p', role: ref('aws_iam_role.r.id'), policy: deny('Bool', false) } },
      },
    }),
    expect: { rules: ['TF-MFA-2'] },
  },
  {
    id: 'mfa/deny-mfa-age-without-if-exists',
    why: 'NumericGreaterThan aws:MultiFactorAuthAge never matches a session without MFA (no key)',
    files: mainFile({ resource: { aws_iam_policy: { p: { name: 'p', policy: deny('NumericGreaterThan', '3600', 'aws:MultiFactorAuthAge') } } } }),
    expect: { rules: ['TF-MFA-2'] },
  },
  {
    id: 'mfa/trust-bool-if-exists-true-doc',
    why: 'a human role trust in a policy document allows on BoolIfExists true: access-key callers match too',
    files: mainFile({
      data: {
        aws_iam_policy_document: {
          t: {
            statement: [
              {
                actions: ['sts:AssumeRole'],
                principals: [{ type: 'AWS', identifiers: [`arn:aws:iam::${DEV_ACCOUNT}:root`] }],
                condition: [{ test: 'BoolIfExists', variable: 'aws:MultiFactorAuthPresent', values: ['true'] }],
              },
            ],
          },
        },
      },
      resource: { aws_iam_role: { r: { name: 'r', assume_role_policy: ref('data.aws_iam_policy_document.t.json') } } },
    }),
    expect: { rules: ['TF-MFA-2', 'TF-MFA-3'] },
  },
];

const escapeHatchCases: RedTeamCase[] = [
  {
    id: 'mfa/force-mfa-exempts-create-access-key',
    why: 'NotAction also exempts iam:CreateAccessKey',
    files: human(json([forceMfa({ NotAction: [...ENROL, 'iam:CreateAccessKey'] })])),
    expect: { rules: ['TF-MFA-1'] },
  },
  {
    id: 'mfa/force-mfa-exempts-assume-role-doc',
    why: 'not_actions in a policy document also exempt sts:AssumeRole: assume an admin role without MFA',
    files: human(ref('data.aws_iam_policy_document.mfa.json'), {}, {
      data: {
        aws_iam_policy_document: {
          mfa: { statement: [{ effect: 'Deny', not_actions: [...ENROL, 'sts:AssumeRole'], resources: ['*'], condition: [{ test: 'BoolIfExists', variable: 'aws:MultiFactorAuthPresent', values: ['false'] }] }] },
        },
      },
    }),
    expect: { rules: ['TF-MFA-1'] },
  },
  {
    id: 'mfa/force-mfa-exempts-leave-group-attached',
    why: 'a managed policy attached to the group exempts iam:RemoveUserFromGroup: leave the group, leave the deny',
    files: human(undefined, {
      aws_iam_policy: { mfa: { name: 'require-mfa', policy: json([forceMfa({ NotAction: [...ENROL, 'iam:RemoveUserFromGroup'] })]) } },
      aws_iam_group_policy_attachment: { mfa: { group: ref('aws_iam_group.humans.name'), policy_arn: ref('aws_iam_policy.mfa.arn') } },
    }),
    expect: { rules: ['TF-MFA-1'] },
  },
  {
    id: 'mfa/force-mfa-exempts-iam-star',
    why: 'NotAction iam:* leaves all of IAM open without MFA',
    files: human(json([forceMfa({ NotAction: ['iam:*', 'sts:GetSessionToken'] })])),
    expect: { rules: ['TF-MFA-1'] },
  },
  {
    id: 'mfa/force-mfa-exempts-device-wildcard',
    why: 'iam:*MFADevice also exempts iam:DeactivateMFADevice and iam:DeleteVirtualMFADevice',
    files: human(json([forceMfa({ NotAction: [...ENROL, 'iam:*MFADevice'] })])),
    expect: { rules: ['TF-MFA-1'] },
  },
  {
    id: 'mfa/force-mfa-exempts-sts-star-array-form',
    why: 'NotAction sts:* (role assumption); the group policy resource written in the array form',
    files: {
      'main.tf.json': {
        ...skeleton(),
        resource: [
          { aws_iam_user: { alice: { name: 'alice' } } },
          { aws_iam_user_login_profile: { alice: { user: ref('aws_iam_user.alice.name') } } },
          { aws_iam_group: { humans: { name: 'humans' } } },
          { aws_iam_user_group_membership: { alice: { user: ref('aws_iam_user.alice.name'), groups: [ref('aws_iam_group.humans.name')] } } },
          { aws_iam_group_policy: [{ mfa: { group: ref('aws_iam_group.humans.name'), policy: json([forceMfa({ NotAction: [...ENROL, 'sts:*'] })]) } }] },
        ],
      },
    },
    expect: { rules: ['TF-MFA-1'] },
  },
  {
    id: 'mfa/force-mfa-exemptions-from-local',
    why: 'the NotAction list of the policy document comes from a local that adds iam:CreateAccessKey',
    files: human(ref('data.aws_iam_policy_document.mfa.json'), {}, {
      locals: { exempt: [...ENROL, 'iam:CreateAccessKey'] },
      data: {
        aws_iam_policy_document: {
          mfa: { statement: [{ effect: 'Deny', not_actions: ref('local.exempt'), resources: ['*'], condition: [{ test: 'BoolIfExists', variable: 'aws:MultiFactorAuthPresent', values: ['false'] }] }] },
        },
      },
    }),
    expect: { rules: ['TF-MFA-1'] },
  },
  {
    id: 'mfa/force-mfa-overridden-by-sid',
    why: 'override_policy_documents replaces the correct deny (same Sid) with one that exempts iam:CreateAccessKey',
    files: human(ref('data.aws_iam_policy_document.mfa.json'), {}, {
      data: {
        aws_iam_policy_document: {
          mfa: {
            statement: [{ sid: 'DenyAllWithoutMfa', effect: 'Deny', not_actions: ENROL, resources: ['*'], condition: [{ test: 'BoolIfExists', variable: 'aws:MultiFactorAuthPresent', values: ['false'] }] }],
            override_policy_documents: [json([forceMfa({ NotAction: [...ENROL, 'iam:CreateAccessKey'] })])],
          },
        },
      },
    }),
    expect: { rules: ['TF-MFA-1'] },
  },
  {
    id: 'mfa/force-mfa-narrowed-to-one-region',
    why: 'an extra StringEquals aws:RequestedRegion condition limits the deny to one region',
    files: human(json([forceMfa({ Condition: { ...DENY_WITHOUT_MFA, StringEquals: { 'aws:RequestedRegion': 'eu-west-1' } } })])),
    expect: { rules: ['TF-MFA-1'] },
  },
  {
    id: 'mfa/force-mfa-with-string-equals',
    why: 'the group\'s deny tests StringEquals "false": no force-MFA at all for access keys',
    files: human(json([forceMfa({ Condition: { StringEquals: { 'aws:MultiFactorAuthPresent': 'false' } } })])),
    expect: { rules: ['TF-MFA-1'] },
  },
];

const scpCases: RedTeamCase[] = [
  {
    id: 'mfa/scp-attached-to-unrelated-ou',
    why: 'the force-MFA SCP is attached to some OU; nothing says the users\' account is in it',
    files: scpUser('ou-ab12-unrelated'),
    expect: { rules: ['TF-MFA-1'] },
  },
  {
    id: 'mfa/scp-attached-to-other-account',
    why: 'the force-MFA SCP is attached to another account',
    files: scpUser('999999999999'),
    expect: { rules: ['TF-MFA-1'] },
  },
  {
    id: 'mfa/scp-attached-to-ou-by-reference',
    why: 'the SCP targets an OU of the organization by reference; membership of the users\' account is not stated',
    files: scpUser(ref('aws_organizations_organizational_unit.workloads.id'), {
      aws_organizations_organizational_unit: { workloads: { name: 'workloads', parent_id: 'r-ab12' } },
    }),
    expect: { rules: ['TF-MFA-1'] },
  },
  {
    id: 'mfa/scp-target-from-variable',
    why: 'the SCP target comes from a variable',
    files: scpUser(ref('var.target'), {}, { variable: { target: { type: 'string' } } }),
    expect: { rules: ['TF-MFA-1'] },
  },
  {
    id: 'mfa/scp-on-root-of-management-account',
    why: 'SCPs never restrict the management account, which here also holds the users',
    files: scpUser(ref('aws_organizations_organization.org.roots[0].id'), { aws_organizations_organization: { org: { feature_set: 'ALL' } } }),
    expect: { rules: ['TF-MFA-1'] },
  },
];

/** A jsonencode policy whose statement (or its Effect) is a variable the gate cannot read. */
const encoded = (statement: string): string => ref(`jsonencode({Version = "2012-10-17", Statement = [${statement}]})`);
const UNREADABLE_VARIABLES = { variable: { statement: { type: 'any' }, effect: { type: 'string' } } };

const unreadableStatementCases: RedTeamCase[] = [
  {
    id: 'mfa/unreadable-statement-in-group-policy',
    why: 'a group policy whose only statement is a variable: it may be a Deny with Bool "false" that fails open',
    files: mainFile({ ...UNREADABLE_VARIABLES, resource: { aws_iam_group: { humans: { name: 'humans' } }, aws_iam_group_policy: { p: { name: 'p', group: ref('aws_iam_group.humans.name'), policy: encoded('var.statement') } } } }),
    expect: { rules: ['TF-MFA-2'] },
  },
  {
    id: 'mfa/unreadable-effect-account-trust',
    why: 'the account root may assume the role without MFA when the variable Effect is "Allow"',
    files: mainFile({ ...UNREADABLE_VARIABLES, resource: { aws_iam_role: { r: { name: 'r', assume_role_policy: encoded(`{Effect = var.effect, Action = "sts:AssumeRole", Principal = {AWS = "arn:aws:iam::${DEV_ACCOUNT}:root"}}`) } } } }),
    expect: { rules: ['TF-MFA-3'] },
  },
];

export const cases: RedTeamCase[] = [...failOpenCases, ...escapeHatchCases, ...scpCases, ...unreadableStatementCases];

export const controls: RedTeamControl[] = [
  {
    id: 'mfa/control-user-in-force-mfa-group',
    why: 'a console user in a group whose only inline policy is the exact force-MFA deny',
    files: human(json([forceMfa()])),
  },
  {
    id: 'mfa/control-force-mfa-doc-attached',
    why: 'the force-MFA deny from a policy document, attached to the group as a managed policy',
    files: human(undefined, {
      aws_iam_policy: { mfa: { name: 'require-mfa', policy: ref('data.aws_iam_policy_document.mfa.json') } },
      aws_iam_group_policy_attachment: { mfa: { group: ref('aws_iam_group.humans.name'), policy_arn: ref('aws_iam_policy.mfa.arn') } },
    }, {
      data: {
        aws_iam_policy_document: {
          mfa: { statement: [{ sid: 'DenyAllWithoutMfa', effect: 'Deny', not_actions: ENROL, resources: ['*'], condition: [{ test: 'BoolIfExists', variable: 'aws:MultiFactorAuthPresent', values: ['false'] }] }] },
        },
      },
    }),
  },
  {
    id: 'mfa/control-scp-on-users-account',
    why: 'a key-only user covered by a force-MFA SCP attached to the users\' own account',
    files: scpUser(DEV_ACCOUNT),
  },
  {
    id: 'mfa/control-human-role-mfa',
    why: 'a role the account\'s humans assume only with MFA (Bool true and a NumericLessThan age)',
    files: mainFile({
      resource: {
        aws_iam_role: {
          r: {
            name: 'operator',
            assume_role_policy: json([
              { Effect: 'Allow', Action: 'sts:AssumeRole', Principal: { AWS: `arn:aws:iam::${DEV_ACCOUNT}:root` }, Condition: { Bool: { 'aws:MultiFactorAuthPresent': 'true' }, NumericLessThan: { 'aws:MultiFactorAuthAge': '3600' } } },
            ]),
          },
        },
      },
    }),
  },
];
