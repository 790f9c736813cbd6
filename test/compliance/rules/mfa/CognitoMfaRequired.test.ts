import { CognitoMfaRequired } from '../../../../compliance/rules/mfa/CognitoMfaRequired';
import { byStatus, fixtureStack, runRule } from '../../support/compliance-fixtures';

describe('TF-MFA-20 Cognito user pools require MFA', () => {
  test('GIVEN pools with MFA on, optional, off, unset and unresolved THEN only "ON" passes', () => {
    const stack = fixtureStack({
      variable: { mfa: { type: 'string', default: 'OFF' } },
      resource: {
        aws_cognito_user_pool: {
          required: { name: 'a', mfa_configuration: 'ON', software_token_mfa_configuration: { enabled: true } },
          optional: { name: 'b', mfa_configuration: 'OPTIONAL' },
          off: { name: 'c', mfa_configuration: 'OFF' },
          unset: { name: 'd' },
          conditional: { name: 'e', mfa_configuration: '${var.mfa == "ON" ? "ON" : "OFF"}' },
        },
      },
    });
    expect(byStatus(runRule(CognitoMfaRequired, stack))).toEqual({
      fail: ['aws_cognito_user_pool.off', 'aws_cognito_user_pool.optional', 'aws_cognito_user_pool.unset'],
      unknown: ['aws_cognito_user_pool.conditional'],
      suppressed: [],
      pass: ['aws_cognito_user_pool.required'],
    });
  });
});
