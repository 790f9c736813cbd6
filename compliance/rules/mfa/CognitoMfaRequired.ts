import { checkEach, decide, defineRule, isUnresolved } from '../../rule-kit';

/** TF-MFA-20: Cognito user pools require MFA for every user. */
export const CognitoMfaRequired = defineRule(
  {
    id: 'TF-MFA-20',
    title: 'Ensure Cognito user pools require MFA (mfa_configuration = "ON")',
    category: 'mfa',
    level: 'error',
    resourceTypes: ['aws_cognito_user_pool'],
    remediation:
      'Set `mfa_configuration = "ON"` with `software_token_mfa_configuration { enabled = true }`. The default is "OFF"; "OPTIONAL" leaves MFA to each user, so an administrator without it signs in with a password alone. A pool federated with a corporate identity provider should still require it for any local user.',
    references: { cdkNag: ['AwsSolutions-COG2'] },
  },
  (stack) =>
    checkEach(stack, ['aws_cognito_user_pool'], (p) => {
      const mfa = p.values.mfa_configuration;
      if (isUnresolved(mfa)) return decide(p.address, [], ['mfa_configuration is unresolved'], '');
      if (mfa !== 'ON') return decide(p.address, [`mfa_configuration is ${JSON.stringify(mfa ?? 'OFF (default)')}, so users may sign in without MFA`], [], '');
      return decide(p.address, [], [], 'MFA is required');
    }),
);
