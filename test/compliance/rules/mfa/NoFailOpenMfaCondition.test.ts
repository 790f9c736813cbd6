import { NoFailOpenMfaCondition } from '../../../../compliance/rules/mfa/NoFailOpenMfaCondition';
import { byStatus, fixtureStack, runRule } from '../../support/compliance-fixtures';

const deny = (operator: string, value: string) =>
  JSON.stringify({ Statement: [{ Effect: 'Deny', Action: '*', Resource: '*', Condition: { [operator]: { 'aws:MultiFactorAuthPresent': value } } }] });

describe('TF-MFA-2 no fail-open MFA condition', () => {
  test('flags Deny + Bool false and Allow + BoolIfExists true, in every policy form', () => {
    const stack = fixtureStack({
      data: {
        aws_iam_policy_document: {
          open_allow: { statement: [{ actions: ['s3:GetObject'], resources: ['*'], condition: [{ test: 'BoolIfExists', variable: 'aws:MultiFactorAuthPresent', values: ['true'] }] }] },
        },
      },
      resource: {
        aws_iam_policy: { bad_bool: { policy: deny('Bool', 'false') }, good_if_exists: { policy: deny('BoolIfExists', 'false') }, bad_allow: { policy: '${data.aws_iam_policy_document.open_allow.json}' } },
        aws_iam_group_policy: { unknown_policy: { group: 'g', policy: '${var.p}' } },
        aws_organizations_policy: { bad_scp: { content: deny('Bool', 'false') }, good_scp: { content: deny('BoolIfExists', 'false') } },
      },
    });
    expect(byStatus(runRule(NoFailOpenMfaCondition, stack), true)).toEqual({
      fail: ['aws_iam_policy.bad_allow#Condition::BoolIfExists:true', 'aws_iam_policy.bad_bool#Condition::Bool:false', 'aws_organizations_policy.bad_scp#Condition::Bool:false'],
      unknown: ['aws_iam_group_policy.unknown_policy'],
      suppressed: [],
      pass: ['aws_iam_policy.good_if_exists', 'aws_organizations_policy.good_scp'],
    });
  });

  test('the remediation explains why Bool false fails open', () => {
    expect(NoFailOpenMfaCondition.meta.remediation).toContain('long-term access keys carry no aws:MultiFactorAuthPresent key');
    expect(NoFailOpenMfaCondition.meta.invariant).toBe(true);
  });
});
