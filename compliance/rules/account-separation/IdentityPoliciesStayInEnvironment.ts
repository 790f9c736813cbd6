import { identityPoliciesByResource } from '../../iam/documents';
import { defineRule, isUnknown, pass, unknown } from '../../rule-kit';
import { RuleOutcome } from '../../types';
import { distinct, SeparationView, statementReach } from '../../rule-helpers/separation';

/** TF-SEP-6: identity policies reach only resources of their own environment. */
export const IdentityPoliciesStayInEnvironment = defineRule(
  {
    id: 'TF-SEP-6',
    title: "Ensure no identity policy grants access to resources or principals in another environment's account",
    category: 'account-separation',
    level: 'error',
    resourceTypes: ['aws_iam_policy', 'aws_iam_role_policy', 'aws_iam_user_policy', 'aws_iam_group_policy', 'aws_ssoadmin_permission_set_inline_policy', 'aws_iam_role'],
    remediation:
      "Grant only on resources of the environment's own account: no role ARNs of another environment to assume, no resource ARNs or aws:ResourceAccount / s3:ResourceAccount values naming another environment's account. A dev role that can reach prod resources turns a dev compromise into a prod one. An account that no stack of the run declares fails from a production stack and is unknown from any other (it may be production's): check every stack of the app in one run.",
    references: {},
  },
  (stack, context) => {
    const view = new SeparationView(stack, context);
    const out: RuleOutcome[] = [];
    for (const [resource, policies] of identityPoliciesByResource(stack)) {
      const problems: RuleOutcome[] = [];
      for (const p of policies) {
        if (isUnknown(p.document)) problems.push(unknown(resource.address, `${p.attribute} cannot be read (${p.document.$unknown}).`));
        else for (const s of p.document.statements) problems.push(...statementReach(view, resource.address, `${p.attribute}`, s, { resources: true }));
      }
      const unique = distinct(problems);
      out.push(...(unique.length > 0 ? unique : [pass(resource.address, 'reaches only its own environment.')]));
    }
    return out;
  },
);
