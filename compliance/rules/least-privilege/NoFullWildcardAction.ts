import { isEveryAction } from '../../iam/actions';
import { identityPolicies } from '../../iam/documents';
import { checkStatements, describeStatement } from '../../iam/statement-rule';
import { defineRule } from '../../rule-kit';

/** TF-LP-1: `Action: "*"` grants every current and future AWS action. */
export const NoFullWildcardAction = defineRule(
  {
    id: 'TF-LP-1',
    title: 'Ensure no IAM policy allows Action "*"',
    category: 'least-privilege',
    level: 'error',
    resourceTypes: ['aws_iam_policy', 'aws_iam_role_policy', 'aws_iam_user_policy', 'aws_iam_group_policy', 'aws_iam_role', 'aws_ssoadmin_permission_set_inline_policy'],
    remediation: 'List the actions the principal needs (use the grant helpers of tenantform/constructs); never "*".',
    references: { cis: 'CIS AWS v5.0.0 1.15', checkov: ['CKV_AWS_1', 'CKV_AWS_63'], cdkNag: ['AwsSolutions-IAM5', 'HIPAA.Security-IAMPolicyNoStatementsWithAdminAccess'] },
  },
  (stack) =>
    checkStatements(
      identityPolicies(stack),
      (s) => {
        // Unreadable effects and actions are reported by checkStatements itself.
        if (s.Effect !== 'Allow') return [];
        // `*:*` and `**` mean the same as `*`.
        if (s.Action.some((a) => typeof a === 'string' && isEveryAction(a))) return [{ status: 'fail', message: `${describeStatement(s)} allows Action "*".`, finding: 'Action::*' }];
        return [];
      },
      'no statement allows Action "*".',
    ),
);
