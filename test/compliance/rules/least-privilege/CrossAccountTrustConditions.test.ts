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
});
