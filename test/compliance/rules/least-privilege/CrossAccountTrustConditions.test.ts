import { CrossAccountTrustConditions } from '../../../../compliance/rules/least-privilege/CrossAccountTrustConditions';
import { stackFromJson } from '../../../../compliance/model';
import { byStatus, fixtureStack, runRule } from '../../support/compliance-fixtures';
import { policy } from './support';

const trust = (principal: unknown, condition?: unknown) => policy({ Effect: 'Allow', Action: 'sts:AssumeRole', Principal: { AWS: principal }, ...(condition ? { Condition: condition } : {}) });

describe('TF-LP-7 cross-account trust needs an external ID or MFA', () => {
  test('the stack is pinned to 222222222222', () => {
    const stack = fixtureStack({
      resource: {
        aws_iam_role: {
          other_account: { assume_role_policy: trust('arn:aws:iam::999999999999:root') },
          other_role: { assume_role_policy: trust('arn:aws:iam::999999999999:role/deployer') },
          external_id: { assume_role_policy: trust('999999999999', { StringEquals: { 'sts:ExternalId': 'abc' } }) },
          mfa: { assume_role_policy: trust('arn:aws:iam::999999999999:root', { Bool: { 'aws:MultiFactorAuthPresent': 'true' } }) },
          same_account: { assume_role_policy: trust('arn:aws:iam::222222222222:root') },
          local_role: { assume_role_policy: trust('${aws_iam_role.same_account.arn}') },
          var_account: { assume_role_policy: trust('${var.account}') },
        },
      },
    });
    expect(byStatus(runRule(CrossAccountTrustConditions, stack))).toEqual({
      fail: ['aws_iam_role.other_account', 'aws_iam_role.other_role'],
      unknown: ['aws_iam_role.var_account'],
      suppressed: [],
      pass: ['aws_iam_role.external_id', 'aws_iam_role.local_role', 'aws_iam_role.mfa', 'aws_iam_role.same_account'],
    });
  });

  test('without a pinned account a trust naming an account is unknown', () => {
    const stack = stackFromJson({ resource: { aws_iam_role: { r: { assume_role_policy: trust('arn:aws:iam::999999999999:root') } } } }, 's', 's');
    expect(byStatus(runRule(CrossAccountTrustConditions, stack)).unknown).toEqual(['aws_iam_role.r']);
  });

  test('an empty, wildcard or IfExists external ID is no condition; one from a variable is unknown', () => {
    const stack = fixtureStack({
      variable: { external_id: {} },
      resource: {
        aws_iam_role: {
          empty: { assume_role_policy: trust('999999999999', { StringEquals: { 'sts:ExternalId': '' } }) },
          blank: { assume_role_policy: trust('999999999999', { StringEquals: { 'sts:ExternalId': '  ' } }) },
          wildcard: { assume_role_policy: trust('999999999999', { StringLike: { 'sts:ExternalId': '*' } }) },
          if_exists: { assume_role_policy: trust('999999999999', { StringEqualsIfExists: { 'sts:ExternalId': 'abc' } }) },
          any_value: { assume_role_policy: trust('999999999999', { 'ForAnyValue:StringEquals': { 'sts:ExternalId': 'abc' } }) },
          one_empty: { assume_role_policy: trust('999999999999', { StringEquals: { 'sts:ExternalId': ['abc', ''] } }) },
          from_variable: { assume_role_policy: trust('999999999999', { StringEquals: { 'sts:ExternalId': '${var.external_id}' } }) },
          like_literal: { assume_role_policy: trust('999999999999', { StringLike: { 'sts:ExternalId': 'abc-123' } }) },
        },
      },
    });
    expect(byStatus(runRule(CrossAccountTrustConditions, stack))).toEqual({
      fail: ['aws_iam_role.any_value', 'aws_iam_role.blank', 'aws_iam_role.empty', 'aws_iam_role.if_exists', 'aws_iam_role.one_empty', 'aws_iam_role.wildcard'],
      unknown: ['aws_iam_role.from_variable'],
      suppressed: [],
      pass: ['aws_iam_role.like_literal'],
    });
  });
});
