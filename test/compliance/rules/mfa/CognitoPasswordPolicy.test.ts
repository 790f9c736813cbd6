import { CognitoPasswordPolicy } from '../../../../compliance/rules/mfa/CognitoPasswordPolicy';
import { byStatus, fixtureStack, runRule } from '../../support/compliance-fixtures';

const strong = { minimum_length: 14, require_lowercase: true, require_uppercase: true, require_numbers: true, require_symbols: true };

describe('TF-MFA-21 Cognito password policies are strong', () => {
  test('GIVEN strong, default, short, class-less and unresolved policies THEN only strong ones pass', () => {
    const stack = fixtureStack({
      variable: { length: { type: 'number' } },
      resource: {
        aws_cognito_user_pool: {
          strong: { name: 'a', password_policy: strong },
          strong_array_form: { name: 'b', password_policy: [{ minimum_length: 12 }] },
          default_policy: { name: 'c' },
          short: { name: 'd', password_policy: { ...strong, minimum_length: 8 } },
          no_symbols: { name: 'e', password_policy: { ...strong, require_symbols: false } },
          from_variable: { name: 'f', password_policy: { ...strong, minimum_length: '${var.length}' } },
        },
      },
    });
    expect(byStatus(runRule(CognitoPasswordPolicy, stack))).toEqual({
      fail: ['aws_cognito_user_pool.default_policy', 'aws_cognito_user_pool.no_symbols', 'aws_cognito_user_pool.short'],
      unknown: ['aws_cognito_user_pool.from_variable'],
      suppressed: [],
      pass: ['aws_cognito_user_pool.strong', 'aws_cognito_user_pool.strong_array_form'],
    });
  });
});
