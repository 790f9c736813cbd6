import { IdentityPoliciesStayInEnvironment } from '../../../../compliance/rules/account-separation/IdentityPoliciesStayInEnvironment';
import { byStatus, runRule } from '../../support/compliance-fixtures';
import { DEV, devStack, PROD, policy, prodStack } from './separation-fixtures';

const allow = (extra: Record<string, unknown>) => policy({ Effect: 'Allow', Action: 's3:GetObject', Resource: 'arn:aws:s3:::x/*', ...extra });

describe('TF-SEP-6 identity policies reach only their own environment', () => {
  test('GIVEN a dev stack beside prod THEN resources, role ARNs and account conditions in prod fail', () => {
    const dev = devStack({
      resource: {
        aws_iam_role_policy: {
          resource_account: { role: 'r', policy: allow({ Condition: { StringEquals: { 's3:ResourceAccount': PROD } } }) },
          assume_prod: { role: 'r', policy: policy({ Effect: 'Allow', Action: 'sts:AssumeRole', Resource: `arn:aws:iam::${PROD}:role/admin` }) },
          own: { role: 'r', policy: policy({ Effect: 'Allow', Action: 'kms:Decrypt', Resource: `arn:aws:kms:eu-west-1:${DEV}:key/k` }) },
          deny_prod: { role: 'r', policy: policy({ Effect: 'Deny', Action: '*', Resource: `arn:aws:iam::${PROD}:role/admin` }) },
          var_resource: { role: 'r', policy: allow({ Resource: '${var.arn}' }) },
        },
        aws_iam_policy: { managed: { policy: policy({ Effect: 'Allow', Action: 'sqs:SendMessage', Resource: `arn:aws:sqs:eu-west-1:${PROD}:q` }) } },
        aws_iam_role: { inline: { assume_role_policy: policy({ Effect: 'Allow', Principal: { Service: 'ec2.amazonaws.com' }, Action: 'sts:AssumeRole' }), inline_policy: [{ name: 'p', policy: allow({ Resource: `arn:aws:secretsmanager:eu-west-1:${PROD}:secret:db` }) }] } },
      },
    });
    expect(byStatus(runRule(IdentityPoliciesStayInEnvironment, prodStack(), dev).filter((f) => f.stack === 'dev'))).toEqual({
      fail: ['aws_iam_policy.managed', 'aws_iam_role.inline', 'aws_iam_role_policy.assume_prod', 'aws_iam_role_policy.resource_account'],
      unknown: ['aws_iam_role_policy.var_resource'],
      suppressed: [],
      pass: ['aws_iam_role_policy.deny_prod', 'aws_iam_role_policy.own'],
    });
  });

  test('a resource of the same stack stays in the account', () => {
    const dev = devStack({ resource: { aws_sqs_queue: { q: {} }, aws_iam_policy: { p: { policy: policy({ Effect: 'Allow', Action: 'sqs:SendMessage', Resource: '${aws_sqs_queue.q.arn}' }) } } } });
    expect(byStatus(runRule(IdentityPoliciesStayInEnvironment, dev)).pass).toEqual(['aws_iam_policy.p']);
  });

  test('a ResourceOrgID bound alone reaches every account of the organization, from dev as from prod', () => {
    const resource = { aws_iam_policy: { p: { policy: policy({ Effect: 'Allow', Action: 's3:GetObject', Resource: '*', Condition: { StringEquals: { 'aws:ResourceOrgID': 'o-abcdefghij' } } }) } } };
    expect(byStatus(runRule(IdentityPoliciesStayInEnvironment, prodStack({ resource }))).fail).toEqual(['aws_iam_policy.p']);
    expect(byStatus(runRule(IdentityPoliciesStayInEnvironment, devStack({ resource }))).fail).toEqual(['aws_iam_policy.p']);
  });
});
