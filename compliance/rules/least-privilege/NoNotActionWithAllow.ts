import { identityPolicies, trustPolicies } from '../../iam/documents';
import { checkStatements, describeStatement, StatementProblem } from '../../iam/statement-rule';
import { defineRule } from '../../rule-kit';

/** TF-LP-4: Allow + NotAction/NotResource grants everything not listed, including what AWS adds later. */
export const NoNotActionWithAllow = defineRule(
  {
    id: 'TF-LP-4',
    title: 'Ensure no IAM policy combines Allow with NotAction or NotResource',
    category: 'least-privilege',
    level: 'error',
    resourceTypes: ['aws_iam_policy', 'aws_iam_role_policy', 'aws_iam_user_policy', 'aws_iam_group_policy', 'aws_iam_role', 'aws_ssoadmin_permission_set_inline_policy'],
    remediation: 'Rewrite the statement as an Allow of the listed actions on listed resources. NotAction and NotResource belong in Deny statements (such as the force-MFA deny).',
    references: { cdkNag: ['AwsSolutions-IAM5'] },
  },
  (stack) =>
    checkStatements(
      [...identityPolicies(stack), ...trustPolicies(stack)],
      (s) => {
        if (s.Effect !== 'Allow') return [];
        const problems: StatementProblem[] = [];
        if (s.NotAction !== undefined) problems.push({ status: 'fail', message: `${describeStatement(s)} allows every action except those listed in NotAction.`, finding: 'NotAction' });
        if (s.NotResource !== undefined) problems.push({ status: 'fail', message: `${describeStatement(s)} allows on every resource except those listed in NotResource.`, finding: 'NotResource' });
        return problems;
      },
      'no Allow uses NotAction or NotResource.',
    ),
);
