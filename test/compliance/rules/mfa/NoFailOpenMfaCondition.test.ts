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

  test('every operator but the safe one per effect is reported: StringEquals, StringLike, Null, set forms, age without IfExists', () => {
    const statement = (effect: string, operator: string, key: string, value: unknown) =>
      JSON.stringify({ Statement: [{ Effect: effect, Action: '*', Resource: '*', Condition: { [operator]: { [key]: value } } }] });
    const MFA = 'aws:MultiFactorAuthPresent';
    const AGE = 'aws:MultiFactorAuthAge';
    const stack = fixtureStack({
      variable: { flag: {} },
      resource: {
        aws_iam_policy: {
          deny_string_equals: { policy: statement('Deny', 'StringEquals', MFA, 'false') },
          deny_string_like: { policy: statement('Deny', 'StringLike', MFA, 'false') },
          deny_any_value: { policy: statement('Deny', 'ForAnyValue:Bool', MFA, 'false') },
          deny_all_values: { policy: statement('Deny', 'ForAllValues:Bool', MFA, 'false') },
          deny_null: { policy: statement('Deny', 'Null', MFA, 'true') },
          deny_json_bool: { policy: statement('Deny', 'Bool', 'AWS:MULTIFACTORAUTHPRESENT', false) },
          deny_age: { policy: statement('Deny', 'NumericGreaterThan', AGE, '3600') },
          deny_age_if_exists: { policy: statement('Deny', 'NumericGreaterThanIfExists', AGE, '3600') },
          allow_bool_true: { policy: statement('Allow', 'Bool', MFA, 'true') },
          allow_string_equals: { policy: statement('Allow', 'StringEqualsIfExists', MFA, 'true') },
          allow_age_if_exists: { policy: statement('Allow', 'NumericLessThanIfExists', AGE, '3600') },
          allow_age: { policy: statement('Allow', 'NumericLessThan', AGE, '3600') },
          deny_from_variable: { policy: statement('Deny', 'BoolIfExists', MFA, '${var.flag}') },
        },
        aws_iam_role: {
          trust_if_exists: {
            assume_role_policy: JSON.stringify({ Statement: [{ Effect: 'Allow', Action: 'sts:AssumeRole', Principal: { AWS: 'arn:aws:iam::222222222222:root' }, Condition: { BoolIfExists: { [MFA]: 'true' } } }] }),
          },
        },
      },
    });
    expect(byStatus(runRule(NoFailOpenMfaCondition, stack))).toEqual({
      fail: [
        'aws_iam_policy.allow_age_if_exists',
        'aws_iam_policy.allow_string_equals',
        'aws_iam_policy.deny_age',
        'aws_iam_policy.deny_all_values',
        'aws_iam_policy.deny_any_value',
        'aws_iam_policy.deny_json_bool',
        'aws_iam_policy.deny_null',
        'aws_iam_policy.deny_string_equals',
        'aws_iam_policy.deny_string_like',
        'aws_iam_role.trust_if_exists',
      ],
      unknown: ['aws_iam_policy.deny_from_variable'],
      suppressed: [],
      pass: ['aws_iam_policy.allow_age', 'aws_iam_policy.allow_bool_true', 'aws_iam_policy.deny_age_if_exists'],
    });
  });
});
