import { identityPolicies, LocatedPolicy, trustPolicies } from '../../iam/documents';
import { mfaConditionProblems } from '../../iam/mfa';
import { checkStatements, describeStatement } from '../../iam/statement-rule';
import { normalizePolicy } from '../../policy';
import { defineRule, resourcesOf } from '../../rule-kit';
import { StackModel } from '../../types';

/** Identity and trust policies plus SCPs: an SCP's MFA deny fails open the same way. */
function policiesWithMfaConditions(stack: StackModel): LocatedPolicy[] {
  const located = [...identityPolicies(stack), ...trustPolicies(stack)];
  for (const r of resourcesOf(stack, 'aws_organizations_policy')) {
    const document = normalizePolicy(r.values.content);
    if (document !== undefined) located.push({ resource: r, attribute: 'content', document });
  }
  return located;
}

/** TF-MFA-2: MFA conditions that look right and fail open. */
export const NoFailOpenMfaCondition = defineRule(
  {
    id: 'TF-MFA-2',
    title: 'Ensure every MFA condition uses a fail-closed form (BoolIfExists "false" in a Deny, Bool "true" in an Allow)',
    category: 'mfa',
    level: 'error',
    resourceTypes: ['aws_iam_policy', 'aws_iam_role_policy', 'aws_iam_user_policy', 'aws_iam_group_policy', 'aws_iam_role', 'aws_organizations_policy'],
    remediation:
      'Use BoolIfExists in a Deny ("BoolIfExists": {"aws:MultiFactorAuthPresent": "false"}). Requests signed with long-term access keys carry no aws:MultiFactorAuthPresent key at all, and a Bool test against a missing key never matches, so a Deny with Bool ... false lets every access-key call through: it fails open. StringEquals, StringLike, Null and ForAnyValue:/ForAllValues: forms fail open the same way and are reported too. BoolIfExists also matches when the key is absent. For the same reason an Allow must not use BoolIfExists ... true: use Bool ... true there. For aws:MultiFactorAuthAge use NumericLessThan in an Allow and NumericGreaterThanIfExists in a Deny.',
    references: { cis: 'CIS AWS v5.0.0 1.9' },
  },
  (stack) => checkStatements(policiesWithMfaConditions(stack), (s) => mfaConditionProblems(s, describeStatement(s)), 'every MFA condition is fail-closed.'),
);
