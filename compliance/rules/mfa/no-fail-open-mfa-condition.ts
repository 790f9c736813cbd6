import { identityPolicies } from '../../iam/documents';
import { conditionEntries } from '../../iam/principals';
import { normalizePolicy } from '../../policy';
import { defineRule, fail, pass, unknown } from '../../rule-kit';
import { ResourceModel, RuleOutcome } from '../../types';
import { isUnknown } from '../../values';

/** TF-MFA-2: the MFA condition that looks right and fails open. */
export const noFailOpenMfaCondition = defineRule(
  {
    id: 'TF-MFA-2',
    title: 'Ensure no policy tests MFA with a fail-open condition (Bool aws:MultiFactorAuthPresent false)',
    category: 'mfa',
    level: 'error',
    resourceTypes: ['aws_iam_policy', 'aws_iam_role_policy', 'aws_iam_user_policy', 'aws_iam_group_policy', 'aws_iam_role', 'aws_organizations_policy'],
    remediation:
      'Use BoolIfExists in a Deny ("BoolIfExists": {"aws:MultiFactorAuthPresent": "false"}). Requests signed with long-term access keys carry no aws:MultiFactorAuthPresent key at all, and a Bool test against a missing key never matches, so a Deny with Bool ... false lets every access-key call through: it fails open. BoolIfExists also matches when the key is absent. For the same reason an Allow must not use BoolIfExists ... true: use Bool ... true there.',
    references: { cis: 'CIS AWS v7.0 2.10' },
  },
  (stack) => {
    const out: RuleOutcome[] = [];
    const byResource = new Map<ResourceModel, RuleOutcome[]>();
    const located = identityPolicies(stack).map((p) => ({ resource: p.resource, document: p.document }));
    for (const r of stack.resources.values()) {
      if (r.type === 'aws_organizations_policy') {
        const document = normalizePolicy(r.values.content);
        if (document !== undefined) located.push({ resource: r, document });
      }
    }
    for (const { resource, document } of located) {
      const list = byResource.get(resource) ?? [];
      byResource.set(resource, list);
      if (isUnknown(document)) {
        list.push(unknown(resource.address, `the policy cannot be read (${document.$unknown}), so its MFA conditions are unknown.`));
        continue;
      }
      for (const s of document.statements) {
        for (const [op, values] of conditionEntries(s.Condition, 'aws:MultiFactorAuthPresent')) {
          if (s.Effect === 'Deny' && op === 'Bool' && values.includes('false')) {
            list.push(fail(resource.address, `statement ${s.Sid ?? '(no Sid)'} denies on Bool aws:MultiFactorAuthPresent false, which never matches access-key calls.`, 'Condition::Bool:false'));
          }
          if (s.Effect === 'Allow' && op === 'BoolIfExists' && values.includes('true')) {
            list.push(fail(resource.address, `statement ${s.Sid ?? '(no Sid)'} allows on BoolIfExists aws:MultiFactorAuthPresent true, which also matches calls without MFA.`, 'Condition::BoolIfExists:true'));
          }
        }
      }
    }
    for (const [resource, list] of byResource) out.push(...(list.length > 0 ? list : [pass(resource.address, 'no fail-open MFA condition.')]));
    return out;
  },
);
