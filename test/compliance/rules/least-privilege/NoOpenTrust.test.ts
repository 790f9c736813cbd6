import { NoOpenTrust } from '../../../../compliance/rules/least-privilege/NoOpenTrust';
import { byStatus, fixtureStack, runRule } from '../../support/compliance-fixtures';
import { policy } from './support';

const trust = (principal: unknown, condition?: unknown) => policy({ Effect: 'Allow', Action: 'sts:AssumeRole', Principal: principal, ...(condition ? { Condition: condition } : {}) });

describe('TF-LP-6 no open trust', () => {
  test('flags "*" and AWS "*" without conditions', () => {
    const stack = fixtureStack({
      data: { aws_iam_policy_document: { star: { statement: [{ actions: ['sts:AssumeRole'], principals: [{ type: '*', identifiers: ['*'] }] }] } } },
      resource: {
        aws_iam_role: {
          bare_star: { assume_role_policy: trust('*') },
          aws_star: { assume_role_policy: trust({ AWS: '*' }) },
          doc_star: { assume_role_policy: '${data.aws_iam_policy_document.star.json}' },
          star_in_org: { assume_role_policy: trust({ AWS: '*' }, { StringEquals: { 'aws:PrincipalOrgID': 'o-123' } }) },
          named: { assume_role_policy: trust({ Service: 'ecs-tasks.amazonaws.com' }) },
          var_principal: { assume_role_policy: policy({ Effect: 'Allow', Action: 'sts:AssumeRole', Principal: '${var.p}' }) },
        },
      },
    });
    expect(byStatus(runRule(NoOpenTrust, stack))).toEqual({
      fail: ['aws_iam_role.aws_star', 'aws_iam_role.bare_star', 'aws_iam_role.doc_star'],
      unknown: ['aws_iam_role.var_principal'],
      suppressed: [],
      pass: ['aws_iam_role.named', 'aws_iam_role.star_in_org'],
    });
  });

  test('"*" is bounded only by a condition on who the caller is; ExternalId, MFA, network, IfExists and negated forms are not', () => {
    const star = (condition?: unknown) => ({ assume_role_policy: trust({ AWS: ['*'] }, condition) });
    const stack = fixtureStack({
      variable: { org: {} },
      resource: {
        aws_organizations_organization: { org: { feature_set: 'ALL' } },
        aws_iam_role: {
          external_id: star({ StringEquals: { 'sts:ExternalId': 'x-123' } }),
          mfa: star({ Bool: { 'aws:MultiFactorAuthPresent': 'true' } }),
          source_ip: star({ IpAddress: { 'aws:SourceIp': '203.0.113.0/24' } }),
          if_exists: star({ StringEqualsIfExists: { 'aws:PrincipalOrgID': 'o-abc123' } }),
          negated: star({ StringNotEquals: { 'aws:PrincipalAccount': '999999999999' } }),
          org_wildcard: star({ StringLike: { 'aws:PrincipalOrgID': 'o-*' } }),
          any_account_arn: star({ ArnLike: { 'aws:PrincipalArn': 'arn:aws:iam::*:role/deployer' } }),
          // ArnEquals matches wildcards as ArnLike does.
          any_account_arn_equals: star({ ArnEquals: { 'aws:PrincipalArn': 'arn:aws:iam::*:role/deployer' } }),
          empty_account: star({ StringEquals: { 'aws:PrincipalAccount': '' } }),
          one_open_value: star({ StringLike: { 'aws:PrincipalAccount': ['222222222222', '*'] } }),
          literal_star_is_literal: star({ StringEquals: { 'aws:PrincipalAccount': ['222222222222', '*'] } }),
          bare_star_mfa: { assume_role_policy: trust('*', { Bool: { 'aws:MultiFactorAuthPresent': 'true' } }) },
          not_principal: { assume_role_policy: policy({ Effect: 'Allow', Action: 'sts:AssumeRole', NotPrincipal: { AWS: 'arn:aws:iam::222222222222:root' } }) },
          account_arn_pattern: star({ ArnLike: { 'aws:PrincipalArn': 'arn:aws:iam::222222222222:role/ci-*' } }),
          org_ref: star({ StringEquals: { 'aws:PrincipalOrgID': '${aws_organizations_organization.org.id}' } }),
          own_account_ref: star({ StringEquals: { 'aws:PrincipalAccount': '${data.aws_caller_identity.current.account_id}' } }),
          org_var: star({ StringEquals: { 'aws:PrincipalOrgID': '${var.org}' } }),
          any_value_set: star({ 'ForAnyValue:StringEquals': { 'aws:PrincipalOrgID': 'o-abc123' } }),
          partial_wildcard: { assume_role_policy: trust({ AWS: 'arn:aws:iam::*:root' }) },
        },
      },
    });
    expect(byStatus(runRule(NoOpenTrust, stack))).toEqual({
      fail: [
        'aws_iam_role.any_account_arn', 'aws_iam_role.any_account_arn_equals', 'aws_iam_role.bare_star_mfa', 'aws_iam_role.empty_account', 'aws_iam_role.external_id', 'aws_iam_role.if_exists', 'aws_iam_role.mfa',
        'aws_iam_role.negated', 'aws_iam_role.not_principal', 'aws_iam_role.one_open_value', 'aws_iam_role.org_wildcard', 'aws_iam_role.source_ip',
      ],
      unknown: ['aws_iam_role.any_value_set', 'aws_iam_role.org_var', 'aws_iam_role.partial_wildcard'],
      suppressed: [],
      // StringEquals compares literally: "*" there names no account.
      pass: ['aws_iam_role.account_arn_pattern', 'aws_iam_role.literal_star_is_literal', 'aws_iam_role.org_ref', 'aws_iam_role.own_account_ref'],
    });
  });

  test('a GitHub OIDC trust needs aud = sts.amazonaws.com and a sub naming the repository and its ref or environment', () => {
    const GITHUB = 'arn:aws:iam::222222222222:oidc-provider/token.actions.githubusercontent.com';
    const AUD = { 'token.actions.githubusercontent.com:aud': 'sts.amazonaws.com' };
    const oidc = (federated: string, condition?: unknown) => ({
      assume_role_policy: policy({ Effect: 'Allow', Action: 'sts:AssumeRoleWithWebIdentity', Principal: { Federated: federated }, ...(condition ? { Condition: condition } : {}) }),
    });
    const like = (sub: unknown) => oidc(GITHUB, { StringEquals: AUD, StringLike: { 'token.actions.githubusercontent.com:sub': sub } });
    const stack = fixtureStack({
      variable: { provider: {} },
      resource: {
        aws_iam_openid_connect_provider: { github: { url: 'https://token.actions.githubusercontent.com', client_id_list: ['sts.amazonaws.com'] } },
        aws_iam_role: {
          no_conditions: oidc(GITHUB),
          aud_only: oidc(GITHUB, { StringEquals: AUD }),
          any_repo: like('repo:*'),
          bare_star: like('*'),
          any_repo_of_owner: like('repo:acme/*'),
          any_ref: like('repo:acme/app:*'),
          any_ref_kind: like('repo:acme/app:ref:*'),
          one_wide_value: like(['repo:acme/app:environment:prod', 'repo:*']),
          if_exists: oidc(GITHUB, { StringEquals: AUD, StringEqualsIfExists: { 'token.actions.githubusercontent.com:sub': 'repo:acme/app:environment:prod' } }),
          no_aud: oidc(GITHUB, { StringEquals: { 'token.actions.githubusercontent.com:sub': 'repo:acme/app:environment:prod' } }),
          wrong_aud: oidc(GITHUB, { StringEquals: { 'token.actions.githubusercontent.com:aud': 'my-client', 'token.actions.githubusercontent.com:sub': 'repo:acme/app:environment:prod' } }),
          by_reference_open: oidc('${aws_iam_openid_connect_provider.github.arn}', { StringEquals: AUD }),
          unresolved_provider: oidc('${var.provider}'),
          environment: oidc(GITHUB, { StringEquals: { ...AUD, 'token.actions.githubusercontent.com:sub': 'repo:acme/app:environment:prod' } }),
          branch_like: like('repo:acme/app:ref:refs/heads/main'),
          by_reference: oidc('${aws_iam_openid_connect_provider.github.arn}', { StringEquals: { ...AUD, 'token.actions.githubusercontent.com:sub': 'repo:acme/app:ref:refs/heads/main' } }),
          other_provider: oidc('arn:aws:iam::222222222222:oidc-provider/oidc.eks.eu-west-1.amazonaws.com/id/ABC'),
          // An enterprise's customised issuer: its condition keys carry the path.
          enterprise: oidc(`${GITHUB}/acme`, { StringEquals: { 'token.actions.githubusercontent.com/acme:aud': 'sts.amazonaws.com', 'token.actions.githubusercontent.com/acme:sub': 'repo:acme/app:environment:prod' } }),
          enterprise_wrong_keys: oidc(`${GITHUB}/acme`, { StringEquals: { ...AUD, 'token.actions.githubusercontent.com:sub': 'repo:acme/app:environment:prod' } }),
        },
      },
    });
    expect(byStatus(runRule(NoOpenTrust, stack))).toEqual({
      fail: [
        'aws_iam_role.any_ref', 'aws_iam_role.any_ref_kind', 'aws_iam_role.any_repo', 'aws_iam_role.any_repo_of_owner', 'aws_iam_role.aud_only', 'aws_iam_role.bare_star',
        'aws_iam_role.by_reference_open', 'aws_iam_role.enterprise_wrong_keys', 'aws_iam_role.if_exists', 'aws_iam_role.no_aud', 'aws_iam_role.no_conditions', 'aws_iam_role.one_wide_value', 'aws_iam_role.wrong_aud',
      ],
      unknown: ['aws_iam_role.unresolved_provider'],
      suppressed: [],
      pass: ['aws_iam_role.branch_like', 'aws_iam_role.by_reference', 'aws_iam_role.enterprise', 'aws_iam_role.environment', 'aws_iam_role.other_provider'],
    });
  });
});
