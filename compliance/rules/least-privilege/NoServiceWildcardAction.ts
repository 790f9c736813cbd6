import { identityPolicies } from '../../iam/documents';
import { checkStatements, describeStatement } from '../../iam/statement-rule';
import { defineRule } from '../../rule-kit';

/** TF-LP-2: `service:*` grants a whole service, including its permission-management calls. */
export const NoServiceWildcardAction = defineRule(
  {
    id: 'TF-LP-2',
    title: 'Ensure IAM policies do not allow every action of a service ("service:*")',
    category: 'least-privilege',
    level: 'warning',
    resourceTypes: ['aws_iam_policy', 'aws_iam_role_policy', 'aws_iam_user_policy', 'aws_iam_group_policy', 'aws_iam_role', 'aws_ssoadmin_permission_set_inline_policy'],
    remediation: 'Replace "service:*" with the specific actions needed (e.g. s3:GetObject, s3:PutObject); a service wildcard also grants the policy and ACL calls of that service.',
    references: { checkov: ['CKV_AWS_355'], cdkNag: ['AwsSolutions-IAM5', 'NIST.800.53.R5-IAMPolicyNoStatementsWithFullAccess'] },
  },
  (stack) =>
    checkStatements(
      identityPolicies(stack),
      (s) =>
        s.Effect !== 'Allow'
          ? []
          : s.Action.filter((a): a is string => typeof a === 'string' && /^[\w-]+:\*$/.test(a)).map((a) => ({ status: 'fail' as const, message: `${describeStatement(s)} allows ${a}.`, finding: `Action::${a}` })),
      'no statement allows a whole service.',
    ),
);
