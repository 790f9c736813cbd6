import { externalIdRequired, isSpecificReference } from '../../iam/conditions';
import { trustPolicies } from '../../iam/documents';
import { allowRequiresMfa } from '../../iam/mfa';
import { accountOf, awsPrincipals } from '../../iam/principals';
import { checkStatements, describeStatement, StatementProblem } from '../../iam/statement-rule';
import { defineRule, isUnknown } from '../../rule-kit';
import { SeparationView } from '../../rule-helpers/separation';

/** TF-LP-7: another account may assume a role only with an external ID (third parties) or MFA (humans). */
export const CrossAccountTrustConditions = defineRule(
  {
    id: 'TF-LP-7',
    title: 'Ensure cross-account role trust requires sts:ExternalId (third parties) or MFA (humans)',
    category: 'least-privilege',
    level: 'error',
    resourceTypes: ['aws_iam_role'],
    remediation:
      'For a third party, add "StringEquals": {"sts:ExternalId": "<secret agreed with them>"} to the trust statement (it defeats the confused-deputy problem); an empty value, a StringLike wildcard or a StringEqualsIfExists form is no condition. For people in another account, add "Bool": {"aws:MultiFactorAuthPresent": "true"}.',
    references: { cdkNag: ['AwsSolutions-IAM5'] },
  },
  (stack, context) => {
    const view = new SeparationView(stack, context);
    return checkStatements(
      trustPolicies(stack),
      (s) => {
        if (s.Effect !== 'Allow' || allowRequiresMfa(s)) return [];
        const externalId = externalIdRequired(s);
        if (externalId.kind === 'yes') return [];
        const problems: StatementProblem[] = [];
        for (const p of awsPrincipals(s)) {
          if (isUnknown(p)) {
            if (!isSpecificReference(p)) problems.push({ status: 'unknown', message: `${describeStatement(s)} trusts ${p.$unknown}, which cannot be resolved.`, finding: `Principal::${p.$unknown}` });
            continue;
          }
          const account = accountOf(p);
          if (account === undefined) continue; // "*" is TF-LP-6's concern.
          if (stack.accounts.length === 0) problems.push({ status: 'unknown', message: `${describeStatement(s)} trusts account ${account}, but the stack's own account is not pinned.`, finding: `Principal::${p}` });
          else if (stack.accounts.includes(account)) continue;
          // Along a declared edge the edge's own condition applies, and TF-SEP-3 judges it.
          else if (view.edgeFrom(account) !== undefined) continue;
          else if (externalId.kind === 'unknown') problems.push({ status: 'unknown', message: `${describeStatement(s)} lets account ${account} assume the role, and ${externalId.reason}.`, finding: `Principal::${p}` });
          else problems.push({ status: 'fail', message: `${describeStatement(s)} lets account ${account} assume the role without sts:ExternalId or MFA (${externalId.reason}).`, finding: `Principal::${p}` });
        }
        return problems;
      },
      'cross-account trust is conditioned (or there is none).',
    );
  },
);
