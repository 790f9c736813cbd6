import { needsScoping } from '../../iam/actions';
import { identityPolicies } from '../../iam/documents';
import { checkStatements, describeStatement, StatementProblem } from '../../iam/statement-rule';
import { PolicyValue } from '../../policy';
import { defineRule } from '../../rule-kit';
import { isSpecificUnknown, isUnknown } from '../../values';

/** `*`, or an ARN whose resource part is only `*` (every resource of a service). */
export function isAnyResource(r: string): boolean {
  return r === '*' || /^arn:[^:]*:[^:]*:[^:]*:[^:]*:\*$/.test(r);
}

/** 'any' when some resource is a wildcard, 'unknown' when some cannot be resolved, else 'scoped'. */
export function resourceScope(resources: readonly PolicyValue[]): 'any' | 'unknown' | 'scoped' {
  if (resources.some((r) => typeof r === 'string' && isAnyResource(r))) return 'any';
  if (resources.some((r) => isUnknown(r) && !isSpecificUnknown(r))) return 'unknown';
  return 'scoped';
}

/** TF-LP-3: writes and permission changes are scoped to named resources. */
export const noWriteOnAnyResource = defineRule(
  {
    id: 'TF-LP-3',
    title: 'Ensure IAM policies do not allow write or permissions-management actions on Resource "*"',
    category: 'least-privilege',
    level: 'error',
    resourceTypes: ['aws_iam_policy', 'aws_iam_role_policy', 'aws_iam_user_policy', 'aws_iam_group_policy', 'aws_iam_role', 'aws_ssoadmin_permission_set_inline_policy'],
    remediation:
      'Scope the statement to the ARNs it acts on (the grant helpers do this). Read-only Describe/List/Get calls and the few actions AWS only grants on "*" (cloudwatch:PutMetricData, the SSM agent channels) are exempt. KMS key policies are not checked: there "*" means the key itself.',
    references: { checkov: ['CKV_AWS_111', 'CKV_AWS_109', 'CKV_AWS_355'], cdkNag: ['AwsSolutions-IAM5'] },
  },
  (stack) =>
    checkStatements(
      identityPolicies(stack),
      (s) => {
        if (s.Effect !== 'Allow' || s.NotResource !== undefined) return [];
        const scope = resourceScope(s.Resource);
        if (scope === 'scoped') return [];
        const problems: StatementProblem[] = [];
        for (const a of s.Action) {
          if (isUnknown(a)) problems.push({ status: 'unknown', message: `${describeStatement(s)} has an unresolved action (${a.$unknown}) on a wide resource.`, finding: `Action::${a.$unknown}` });
          else if (needsScoping(a)) {
            problems.push(
              scope === 'any'
                ? { status: 'fail', message: `${describeStatement(s)} allows ${a} on every resource.`, finding: `Action::${a}` }
                : { status: 'unknown', message: `${describeStatement(s)} allows ${a} on a resource that cannot be resolved.`, finding: `Action::${a}` },
            );
          }
        }
        return problems;
      },
      'write and permissions-management actions are scoped to resources.',
    ),
);
