import { boundsPrincipal, Verdict } from '../../iam/conditions';
import { trustPolicies } from '../../iam/documents';
import { githubTrustVerdict } from '../../iam/github-oidc';
import { grantsToEveryone } from '../../iam/principals';
import { checkStatements, describeStatement, StatementProblem } from '../../iam/statement-rule';
import { defineRule } from '../../rule-kit';

function problem(verdict: Verdict, message: (reason: string) => string, finding: string): StatementProblem[] {
  if (verdict.kind === 'yes') return [];
  return [{ status: verdict.kind === 'no' ? 'fail' : 'unknown', message: message(verdict.reason), finding }];
}

/**
 * TF-LP-6: a trust policy open to everyone lets any AWS account assume the
 * role; a GitHub OIDC trust without `sub` and `aud` conditions lets any
 * workflow on GitHub do so.
 */
export const NoOpenTrust = defineRule(
  {
    id: 'TF-LP-6',
    title: 'Ensure no role trust policy lets anyone assume the role (Principal "*" without a condition that bounds the caller, or GitHub OIDC without sub and aud)',
    category: 'least-privilege',
    level: 'error',
    resourceTypes: ['aws_iam_role'],
    remediation:
      'Name the principals that may assume the role (an account, a role ARN, a service). "*" is accepted only with a condition that bounds who the caller is: StringEquals on aws:PrincipalOrgID, aws:PrincipalAccount, aws:SourceAccount or kms:CallerAccount, or aws:PrincipalArn / aws:SourceArn with a fixed account; sts:ExternalId, MFA, network or IfExists conditions do not. A GitHub OIDC trust needs StringEquals token.actions.githubusercontent.com:aud = sts.amazonaws.com and a token.actions.githubusercontent.com:sub condition naming the repository and its ref or environment (repo:owner/name:environment:prod), never repo:* or *.',
    references: { checkov: ['CKV_AWS_60', 'CKV_AWS_358'] },
  },
  (stack) =>
    checkStatements(
      trustPolicies(stack),
      (s) => {
        if (s.Effect !== 'Allow') return [];
        const problems: StatementProblem[] = [];
        const everyone = grantsToEveryone(s);
        if (everyone.kind === 'unknown') problems.push({ status: 'unknown', message: `${describeStatement(s)}: ${everyone.reason}.`, finding: 'Principal::unresolved' });
        if (everyone.kind === 'yes') problems.push(...problem(boundsPrincipal(s), (why) => `${describeStatement(s)} lets anyone assume the role: ${why}.`, 'Principal::*'));
        const github = githubTrustVerdict(stack, s);
        if (github !== undefined) problems.push(...problem(github, (why) => `${describeStatement(s)} trusts GitHub Actions tokens but ${why}.`, 'Federated::github'));
        return problems;
      },
      'the trust policy names its principals.',
    ),
);
