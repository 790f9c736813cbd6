import { actionMatches } from '../../iam/actions';
import { isSpecificReference } from '../../iam/conditions';
import { identityPoliciesByResource } from '../../iam/documents';
import { scopedToOwnEnvironment } from '../../iam/environment-scope';
import { ESCALATION_METHODS } from '../../iam/escalation';
import { unreadableStatement } from '../../iam/statement-rule';
import { PolicyStatement } from '../../policy';
import { defineRule, fail, isUnknown, pass, unknown } from '../../rule-kit';
import { RuleOutcome } from '../../types';

type Grant = 'wide' | 'unknown' | 'none';

/**
 * How an action is granted by a set of statements: 'wide' when some Allow
 * covers it on a wildcard resource (`*` anywhere in the ARN), 'unknown' when
 * an Allow might, 'none' otherwise. Scoped grants (one role ARN for PassRole)
 * are not escalation paths.
 */
function grantOf(action: string, statements: readonly PolicyStatement[], environment: string | undefined): Grant {
  if (statements.some((s) => deniesEverywhere(s, action))) return 'none';
  let result: Grant = 'none';
  for (const s of statements) {
    // A grant confined to the stack's own environment tag acts on that environment's resources only.
    if (s.Effect !== 'Allow' || scopedToOwnEnvironment(s, environment)) continue;
    const actionCovered = s.NotAction !== undefined ? !s.NotAction.some((n) => typeof n === 'string' && actionMatches(n, action)) : s.Action.some((a) => typeof a === 'string' && actionMatches(a, action));
    const actionMaybe = s.Action.some((a) => isUnknown(a));
    if (!actionCovered && !actionMaybe) continue;
    const wide = s.NotResource !== undefined || s.Resource.some((r) => typeof r === 'string' && r.includes('*'));
    const maybeWide = s.Resource.some((r) => isUnknown(r) && !isSpecificReference(r));
    if (actionCovered && wide) return 'wide';
    if (wide || maybeWide) result = 'unknown';
  }
  return result;
}

/**
 * An explicit Deny overrides every Allow: one with no condition, on `"*"`,
 * whose literal actions cover `action`, removes it wherever it was granted.
 * Anything less certain (a condition, unresolved parts) removes nothing.
 */
function deniesEverywhere(s: PolicyStatement, action: string): boolean {
  if (s.Effect !== 'Deny' || s.Condition !== undefined || s.NotAction !== undefined || s.NotResource !== undefined) return false;
  return s.Resource.some((r) => r === '*') && s.Action.some((a) => typeof a === 'string' && actionMatches(a, action));
}

/** TF-LP-5: no principal holds an unscoped privilege-escalation path. */
export const NoUnscopedPrivilegeEscalation = defineRule(
  {
    id: 'TF-LP-5',
    title: 'Ensure IAM policies do not allow privilege-escalation action sets on unscoped resources',
    category: 'least-privilege',
    level: 'error',
    resourceTypes: ['aws_iam_policy', 'aws_iam_role_policy', 'aws_iam_user_policy', 'aws_iam_group_policy', 'aws_iam_role', 'aws_ssoadmin_permission_set_inline_policy'],
    remediation:
      'Scope each action of the set to specific ARNs (iam:PassRole to the one role the service needs, with an iam:PassedToService condition), or to the environment of the stack itself by tag (a plain StringEquals on aws:RequestTag/environment or aws:ResourceTag/environment), or drop it. Any of these sets on "*" lets the principal make itself administrator.',
    references: { checkov: ['CKV_AWS_110', 'CKV_AWS_286'], cdkNag: ['AwsSolutions-IAM5'] },
  },
  (stack) => {
    const out: RuleOutcome[] = [];
    for (const [resource, policies] of identityPoliciesByResource(stack)) {
      if (policies.some((p) => isUnknown(p.document))) {
        out.push(unknown(resource.address, 'a policy of this resource cannot be read, so escalation paths cannot be ruled out.'));
        continue;
      }
      // Statements of all policies of one resource together: an escalation set may span them.
      const statements = policies.flatMap((p) => (isUnknown(p.document) ? [] : p.document.statements));
      // A statement that cannot be read may complete any set.
      const problems: RuleOutcome[] = statements.flatMap((s) => unreadableStatement(s).map((p) => unknown(resource.address, p.message, p.finding)));
      for (const [method, actions] of Object.entries(ESCALATION_METHODS)) {
        const grants = actions.map((a) => grantOf(a, statements, stack.environment));
        if (grants.every((g) => g === 'wide')) problems.push(fail(resource.address, `allows ${actions.join(' + ')} on unscoped resources (${method}).`, `Escalation::${method}`));
        else if (grants.every((g) => g !== 'none')) problems.push(unknown(resource.address, `may allow ${actions.join(' + ')} on unscoped resources (${method}); some values cannot be resolved.`, `Escalation::${method}`));
      }
      out.push(...(problems.length > 0 ? problems : [pass(resource.address, 'no unscoped privilege-escalation set.')]));
    }
    return out;
  },
);
