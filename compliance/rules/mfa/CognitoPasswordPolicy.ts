import { blockOf, boolOf, checkEach, decide, defineRule, isUnresolved, numberOf } from '../../rule-kit';

/** Shortest password the rule accepts; Cognito's default is 8. */
const MIN_LENGTH = 12;
const CLASSES = ['require_lowercase', 'require_uppercase', 'require_numbers', 'require_symbols'] as const;

/** TF-MFA-21: Cognito user pools enforce a strong password policy. */
export const CognitoPasswordPolicy = defineRule(
  {
    id: 'TF-MFA-21',
    title: `Ensure Cognito user pools require passwords of at least ${MIN_LENGTH} characters with every character class`,
    category: 'mfa',
    level: 'error',
    resourceTypes: ['aws_cognito_user_pool'],
    remediation: `Set \`password_policy { minimum_length = 14, require_lowercase = true, require_uppercase = true, require_numbers = true, require_symbols = true }\`. Cognito defaults to 8 characters; a password is the first factor, so a weak one halves what MFA protects.`,
    references: { cdkNag: ['AwsSolutions-COG1'] },
  },
  (stack) =>
    checkEach(stack, ['aws_cognito_user_pool'], (p) => {
      const raw = p.values.password_policy;
      if (isUnresolved(raw)) return decide(p.address, [], ['password_policy is unresolved'], '');
      const policy = blockOf(raw);
      const problems: string[] = [];
      const unknowns: string[] = [];
      const length = numberOf(policy.minimum_length);
      if (length === 'unknown') unknowns.push('minimum_length is unresolved');
      else if ((length ?? 8) < MIN_LENGTH) problems.push(`minimum_length is ${length ?? '8 (default)'}, below ${MIN_LENGTH}`);
      for (const key of CLASSES) {
        // Each class defaults to required when the block is written, and the provider's block default also requires it.
        const required = boolOf(policy[key], true);
        if (required === 'unknown') unknowns.push(`${key} is unresolved`);
        else if (!required) problems.push(`${key} is false`);
      }
      return decide(p.address, problems, unknowns, `passwords need ${String(length)}+ characters of every class`);
    }),
);
