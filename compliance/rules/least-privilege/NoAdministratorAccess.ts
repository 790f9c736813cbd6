import { ADMIN_EQUIVALENT_POLICIES, attachedArns, attachedPolicyVerdict, MANAGED_ATTACHMENTS } from '../../iam/managed-policies';
import { checkEach, defineRule, fail, pass, unknown } from '../../rule-kit';
import { ResourceModel, RuleOutcome } from '../../types';

/** TF-LP-9: no admin-equivalent or full-access AWS managed policy is attached to anybody. */
export const NoAdministratorAccess = defineRule(
  {
    id: 'TF-LP-9',
    title: 'Ensure no admin-equivalent or full-access AWS managed policy (AdministratorAccess, PowerUserAccess, IAMFullAccess, *FullAccess, …) is attached to any user, group, role or permission set',
    category: 'least-privilege',
    level: 'error',
    resourceTypes: Object.keys(MANAGED_ATTACHMENTS),
    remediation: `Attach a policy with the actions the principal needs. Admin-equivalent AWS managed policies (${Object.keys(ADMIN_EQUIVALENT_POLICIES).join(', ')}) and every other *FullAccess policy grant whole services, their data and permission management included. Break-glass administration belongs to a separate, MFA-protected role outside the workload stacks. A customer-managed policy ARN that is not defined in the same stack cannot be read and is unknown.`,
    references: { cis: 'CIS AWS v5.0.0 1.15', checkov: ['CKV_AWS_274'], cdkNag: ['AwsSolutions-IAM4'] },
  },
  (stack) =>
    checkEach(stack, Object.keys(MANAGED_ATTACHMENTS), (r: ResourceModel): RuleOutcome | RuleOutcome[] => {
      const arns = attachedArns(r);
      if (arns.length === 0) return r.type === 'aws_iam_role' ? [] : pass(r.address, 'no managed policy is attached.');
      const verdicts = arns.map((arn) => attachedPolicyVerdict(stack, arn));
      const admin = verdicts.filter((v) => v.kind === 'no');
      if (admin.length > 0) return admin.map((v) => fail(r.address, `an admin-equivalent managed policy is attached: ${v.kind === 'no' ? v.reason : ''}.`));
      const unresolved = verdicts.find((v) => v.kind === 'unknown');
      if (unresolved !== undefined && unresolved.kind === 'unknown') return unknown(r.address, `${unresolved.reason}.`);
      return pass(r.address, 'no admin-equivalent managed policy is attached.');
    }),
);
