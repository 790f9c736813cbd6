import { trustPolicies } from '../../iam/documents';
import { checkStatements, describeStatement } from '../../iam/statement-rule';
import { principalIsEveryone } from '../../policy';
import { defineRule } from '../../rule-kit';
import { isUnknown } from '../../values';

/** TF-LP-6: a trust policy open to everyone lets any AWS account assume the role. */
export const noOpenTrust = defineRule(
  {
    id: 'TF-LP-6',
    title: 'Ensure no role trust policy allows Principal "*" without conditions',
    category: 'least-privilege',
    level: 'error',
    resourceTypes: ['aws_iam_role'],
    remediation: 'Name the principals that may assume the role (an account, a role ARN, a service), or at least constrain "*" with aws:PrincipalOrgID or sts:ExternalId conditions.',
    references: { checkov: ['CKV_AWS_60'] },
  },
  (stack) =>
    checkStatements(
      trustPolicies(stack),
      (s) => {
        if (s.Effect !== 'Allow') return [];
        if (isUnknown(s.Principal)) return [{ status: 'unknown', message: `${describeStatement(s)} has a principal that cannot be resolved.` }];
        const conditioned = s.Condition !== undefined && (isUnknown(s.Condition) || Object.keys(s.Condition).length > 0);
        return principalIsEveryone(s.Principal) && !conditioned ? [{ status: 'fail', message: `${describeStatement(s)} lets anyone assume the role.`, finding: 'Principal::*' }] : [];
      },
      'the trust policy names its principals.',
    ),
);
