import { checkEach, defineRule, fail, pass, unknown } from '../../rule-kit';
import { ResourceModel, RuleOutcome } from '../../types';
import { isSpecificUnknown, isUnknown, listValue } from '../../values';

const ATTACHMENTS: Readonly<Record<string, string>> = {
  aws_iam_role_policy_attachment: 'policy_arn',
  aws_iam_user_policy_attachment: 'policy_arn',
  aws_iam_group_policy_attachment: 'policy_arn',
  aws_iam_policy_attachment: 'policy_arn',
  aws_ssoadmin_managed_policy_attachment: 'managed_policy_arn',
  aws_iam_role: 'managed_policy_arns',
};

function isAdministratorAccess(arn: string): boolean {
  return /:policy\/AdministratorAccess$/.test(arn);
}

/** TF-LP-9: the AWS managed AdministratorAccess policy is attached to nobody. */
export const noAdministratorAccess = defineRule(
  {
    id: 'TF-LP-9',
    title: 'Ensure the AdministratorAccess managed policy is not attached to any user, group, role or permission set',
    category: 'least-privilege',
    level: 'error',
    resourceTypes: Object.keys(ATTACHMENTS),
    remediation: 'Attach a policy with the actions the principal needs. Break-glass administration belongs to a separate, MFA-protected role outside the workload stacks.',
    references: { cis: 'CIS AWS v7.0 2.16', checkov: ['CKV_AWS_274'], cdkNag: ['AwsSolutions-IAM4'] },
  },
  (stack) =>
    checkEach(stack, Object.keys(ATTACHMENTS), (r: ResourceModel): RuleOutcome | RuleOutcome[] => {
      const raw = r.values[ATTACHMENTS[r.type]!];
      if (r.type === 'aws_iam_role' && raw === undefined) return [];
      if (isUnknown(raw) && !isSpecificUnknown(raw)) return unknown(r.address, `the attached policy ARN cannot be resolved (${raw.$unknown}).`);
      const arns = isUnknown(raw) ? [] : listValue(raw);
      const unresolved = arns.filter((a) => isUnknown(a) && !isSpecificUnknown(a));
      if (arns.some((a) => typeof a === 'string' && isAdministratorAccess(a))) return fail(r.address, 'AdministratorAccess is attached.');
      if (unresolved.length > 0) return unknown(r.address, 'an attached policy ARN cannot be resolved.');
      return pass(r.address, 'AdministratorAccess is not attached.');
    }),
);
