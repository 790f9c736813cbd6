import { HumanRolesRequireMfa } from '../../../../compliance/rules/mfa/HumanRolesRequireMfa';
import { byStatus, fixtureStack, runRule } from '../../support/compliance-fixtures';

const trust = (principal: unknown, condition?: unknown, action = 'sts:AssumeRole') =>
  JSON.stringify({ Statement: [{ Effect: 'Allow', Action: action, Principal: principal, ...(condition ? { Condition: condition } : {}) }] });

describe('TF-MFA-3 human-assumable roles require MFA', () => {
  test('account and user principals need MFA; services, OIDC, roles and external-ID trusts are exempt', () => {
    const stack = fixtureStack({
      resource: {
        aws_iam_role: {
          account_no_mfa: { assume_role_policy: trust({ AWS: 'arn:aws:iam::222222222222:root' }) },
          bare_account_no_mfa: { assume_role_policy: trust({ AWS: '222222222222' }) },
          user_no_mfa: { assume_role_policy: trust({ AWS: ['arn:aws:iam::222222222222:user/alice'] }) },
          if_exists_is_not_mfa: { assume_role_policy: trust({ AWS: 'arn:aws:iam::222222222222:root' }, { BoolIfExists: { 'aws:MultiFactorAuthPresent': 'true' } }) },
          account_mfa: { assume_role_policy: trust({ AWS: 'arn:aws:iam::222222222222:root' }, { Bool: { 'aws:MultiFactorAuthPresent': 'true' } }) },
          account_mfa_age: { assume_role_policy: trust({ AWS: 'arn:aws:iam::222222222222:root' }, { NumericLessThan: { 'aws:MultiFactorAuthAge': '3600' } }) },
          third_party: { assume_role_policy: trust({ AWS: 'arn:aws:iam::999999999999:root' }, { StringEquals: { 'sts:ExternalId': 'x-123' } }) },
          service: { assume_role_policy: trust({ Service: 'ec2.amazonaws.com' }) },
          oidc: { assume_role_policy: trust({ Federated: 'arn:aws:iam::222222222222:oidc-provider/token.actions.githubusercontent.com' }, undefined, 'sts:AssumeRoleWithWebIdentity') },
          role_principal: { assume_role_policy: trust({ AWS: '${aws_iam_role.service.arn}' }) },
          variable_principal: { assume_role_policy: trust({ AWS: '${var.principal}' }) },
          unreadable: { assume_role_policy: '${var.trust}' },
        },
      },
    });
    expect(byStatus(runRule(HumanRolesRequireMfa, stack))).toEqual({
      fail: ['aws_iam_role.account_no_mfa', 'aws_iam_role.bare_account_no_mfa', 'aws_iam_role.if_exists_is_not_mfa', 'aws_iam_role.user_no_mfa'],
      unknown: ['aws_iam_role.unreadable', 'aws_iam_role.variable_principal'],
      suppressed: [],
      pass: ['aws_iam_role.account_mfa', 'aws_iam_role.account_mfa_age', 'aws_iam_role.oidc', 'aws_iam_role.role_principal', 'aws_iam_role.service', 'aws_iam_role.third_party'],
    });
  });

  test('an empty or wildcard external ID does not stand in for MFA; one from a variable is unknown', () => {
    const stack = fixtureStack({
      variable: { external_id: {} },
      resource: {
        aws_iam_role: {
          empty_external_id: { assume_role_policy: trust({ AWS: 'arn:aws:iam::999999999999:root' }, { StringEquals: { 'sts:ExternalId': '' } }) },
          wildcard_external_id: { assume_role_policy: trust({ AWS: 'arn:aws:iam::999999999999:root' }, { StringLike: { 'sts:ExternalId': '*' } }) },
          if_exists_external_id: { assume_role_policy: trust({ AWS: 'arn:aws:iam::999999999999:root' }, { StringEqualsIfExists: { 'sts:ExternalId': 'abc' } }) },
          age_if_exists: { assume_role_policy: trust({ AWS: 'arn:aws:iam::222222222222:root' }, { NumericLessThanIfExists: { 'aws:MultiFactorAuthAge': '3600' } }) },
          mfa_string: { assume_role_policy: trust({ AWS: 'arn:aws:iam::222222222222:root' }, { StringEquals: { 'aws:MultiFactorAuthPresent': 'true' } }) },
          variable_external_id: { assume_role_policy: trust({ AWS: 'arn:aws:iam::999999999999:root' }, { StringEquals: { 'sts:ExternalId': '${var.external_id}' } }) },
        },
      },
    });
    expect(byStatus(runRule(HumanRolesRequireMfa, stack))).toEqual({
      fail: ['aws_iam_role.age_if_exists', 'aws_iam_role.empty_external_id', 'aws_iam_role.if_exists_external_id', 'aws_iam_role.mfa_string', 'aws_iam_role.wildcard_external_id'],
      unknown: ['aws_iam_role.variable_external_id'],
      suppressed: [],
      pass: [],
    });
  });
});
