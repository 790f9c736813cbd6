import { needsScoping, readsSensitiveData } from '../../iam/actions';
import { identityPolicies } from '../../iam/documents';
import { scopedToOwnEnvironment } from '../../iam/environment-scope';
import { isEveryDataResource, resourceScope } from '../../iam/resources';
import { checkStatements, describeStatement, StatementProblem } from '../../iam/statement-rule';
import { defineRule, isUnknown } from '../../rule-kit';

/** TF-LP-3: writes, permission changes and data reads are scoped to named resources. */
export const NoWriteOnAnyResource = defineRule(
  {
    id: 'TF-LP-3',
    title: 'Ensure IAM policies do not allow write, permissions-management or data-read actions on Resource "*"',
    category: 'least-privilege',
    level: 'error',
    resourceTypes: ['aws_iam_policy', 'aws_iam_role_policy', 'aws_iam_user_policy', 'aws_iam_group_policy', 'aws_iam_role', 'aws_ssoadmin_permission_set_inline_policy'],
    remediation:
      'Scope the statement to the ARNs it acts on (the grant helpers do this). A statement whose condition requires the environment tag of the stack itself (a plain StringEquals on aws:RequestTag/environment or aws:ResourceTag/environment with exactly that value) counts as scoped. Configuration reads (Describe/List/Get of settings) and the few actions AWS only grants on "*" (cloudwatch:PutMetricData, the SSM agent channels) are exempt; data-plane reads (s3:GetObject*, secretsmanager:Get*, ssm:GetParameter*, kms:Decrypt, dynamodb:GetItem, …, listed in compliance/iam/actions.ts) are not, since on "*" they read every secret and object of the account. KMS key policies are not checked: there "*" means the key itself.',
    references: { checkov: ['CKV_AWS_111', 'CKV_AWS_109', 'CKV_AWS_355'], cdkNag: ['AwsSolutions-IAM5'] },
  },
  (stack) =>
    checkStatements(
      identityPolicies(stack),
      (s) => {
        if (s.Effect !== 'Allow' || s.NotResource !== undefined) return [];
        // Only the stack's own environment's tagged requests and resources: scoped by tag (ABAC).
        if (scopedToOwnEnvironment(s, stack.environment)) return [];
        const scope = resourceScope(s.Resource);
        // Every secret, parameter or object is as wide as "*"; a condition may narrow it (by tag, say), which the gate cannot judge.
        const everyData = s.Resource.some((r) => typeof r === 'string' && isEveryDataResource(r));
        if (scope === 'scoped' && everyData) {
          return s.Action.filter((a): a is string => typeof a === 'string' && needsScoping(a)).map((a) =>
            s.Condition === undefined
              ? { status: 'fail' as const, message: `${describeStatement(s)} allows ${a} on every secret, parameter or object.`, finding: `Action::${a}` }
              : { status: 'unknown' as const, message: `${describeStatement(s)} allows ${a} on every secret, parameter or object, narrowed only by a condition the gate cannot judge.`, finding: `Action::${a}` },
          );
        }
        if (scope === 'scoped') return [];
        const problems: StatementProblem[] = [];
        for (const a of s.Action) {
          if (isUnknown(a)) problems.push({ status: 'unknown', message: `${describeStatement(s)} has an unresolved action (${a.$unknown}) on a wide resource.`, finding: `Action::${a.$unknown}` });
          else if (needsScoping(a)) {
            const what = readsSensitiveData(a) ? `${a} (it reads secrets or data)` : a;
            problems.push(
              scope === 'any'
                ? { status: 'fail', message: `${describeStatement(s)} allows ${what} on every resource.`, finding: `Action::${a}` }
                : { status: 'unknown', message: `${describeStatement(s)} allows ${what} on a resource that cannot be resolved.`, finding: `Action::${a}` },
            );
          }
        }
        return problems;
      },
      'write, permissions-management and data-read actions are scoped to resources.',
    ),
);
