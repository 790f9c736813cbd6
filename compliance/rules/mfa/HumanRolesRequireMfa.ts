import { externalIdRequired, isSpecificReference } from '../../iam/conditions';
import { trustPolicies } from '../../iam/documents';
import { allowRequiresMfa } from '../../iam/mfa';
import { awsPrincipals } from '../../iam/principals';
import { unreadableStatement } from '../../iam/statement-rule';
import { defineRule, fail, isUnknown, pass, unknown } from '../../rule-kit';
import { RuleOutcome } from '../../types';

/**
 * True when an AWS principal can be a human: an account (root or bare ID,
 * meaning any IAM user the account allows) or an IAM user. Roles are machine
 * identities or federated sessions that did their MFA at the identity provider.
 */
function canBeHuman(principal: string): boolean {
  if (principal === '*') return true;
  if (/^\d{12}$/.test(principal)) return true;
  return /^arn:[^:]*:iam::\d{12}:(root|user\/)/.test(principal);
}

/** TF-MFA-3: roles humans can assume only admit MFA sessions. */
export const HumanRolesRequireMfa = defineRule(
  {
    id: 'TF-MFA-3',
    title: 'Ensure roles that account principals (humans) can assume require MFA',
    category: 'mfa',
    level: 'error',
    resourceTypes: ['aws_iam_role'],
    remediation:
      'Add "Bool": {"aws:MultiFactorAuthPresent": "true"} (or a NumericLessThan aws:MultiFactorAuthAge bound) to the trust statement that names the account or user. Third parties use a non-empty, literal sts:ExternalId (StringEquals) instead; CI uses an OIDC trust (sts:AssumeRoleWithWebIdentity), which is exempt, as are service principals.',
    references: { cdkNag: ['AwsSolutions-IAM5'] },
  },
  (stack) => {
    const out: RuleOutcome[] = [];
    for (const { resource, document } of trustPolicies(stack)) {
      if (isUnknown(document)) {
        out.push(unknown(resource.address, `the trust policy cannot be read (${document.$unknown}).`));
        continue;
      }
      const problems: RuleOutcome[] = [];
      for (const s of document.statements) {
        problems.push(...unreadableStatement(s).map((p) => unknown(resource.address, p.message, p.finding)));
        if (isUnknown(s.Effect)) continue;
        if (s.Effect !== 'Allow' || allowRequiresMfa(s)) continue;
        const externalId = externalIdRequired(s);
        if (externalId.kind === 'yes') continue;
        for (const p of awsPrincipals(s)) {
          if (isUnknown(p)) {
            // A role or user of this stack is specific; a variable could be an account.
            if (!isSpecificReference(p)) problems.push(unknown(resource.address, `trust principal ${p.$unknown} cannot be resolved, so MFA cannot be confirmed.`));
            continue;
          }
          if (!canBeHuman(p)) continue;
          problems.push(
            externalId.kind === 'unknown'
              ? unknown(resource.address, `principal ${p} can assume the role without MFA unless its external ID holds: ${externalId.reason}.`, `Principal::${p}`)
              : fail(resource.address, `principal ${p} can assume the role without MFA.`, `Principal::${p}`),
          );
        }
      }
      out.push(...(problems.length > 0 ? problems : [pass(resource.address, 'no human principal can assume the role without MFA.')]));
    }
    return out;
  },
);
