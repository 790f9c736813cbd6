import { NoFullWildcardAction } from '../../../../compliance/rules/least-privilege/NoFullWildcardAction';
import { byStatus, fixtureStack, runRule } from '../../support/compliance-fixtures';
import { allow, policy } from './support';

describe('TF-LP-1 no Action "*"', () => {
  test('flags Allow "*" in every place a policy lives; Deny "*" is fine', () => {
    const stack = fixtureStack({
      data: { aws_iam_policy_document: { admin: { statement: [{ actions: ['*'], resources: ['*'] }] } } },
      resource: {
        aws_iam_policy: { admin_json: { policy: policy(allow('*')) }, admin_doc: { policy: '${data.aws_iam_policy_document.admin.json}' }, scoped: { policy: policy(allow(['s3:GetObject'], 'arn:aws:s3:::b/*')) } },
        aws_iam_role_policy: { admin_list: { role: 'r', policy: policy(allow(['s3:GetObject', '*'])) }, deny_all: { role: 'r', policy: policy({ Effect: 'Deny', Action: '*', Resource: '*' }) } },
        aws_iam_role: { inline_admin: { assume_role_policy: '{}', inline_policy: [{ name: 'x', policy: policy(allow('*')) }] } },
        aws_iam_group_policy: { var_action: { group: 'g', policy: policy(allow('${var.action}')) }, var_policy: { group: 'g', policy: '${var.policy}' } },
      },
    });
    expect(byStatus(runRule(NoFullWildcardAction, stack))).toEqual({
      fail: ['aws_iam_policy.admin_doc', 'aws_iam_policy.admin_json', 'aws_iam_role.inline_admin', 'aws_iam_role_policy.admin_list'],
      unknown: ['aws_iam_group_policy.var_action', 'aws_iam_group_policy.var_policy'],
      suppressed: [],
      pass: ['aws_iam_policy.scoped', 'aws_iam_role_policy.deny_all'],
    });
  });

  test('"*:*" is Action "*" by another name', () => {
    const stack = fixtureStack({ resource: { aws_iam_policy: { star_star: { policy: policy(allow('*:*')) }, service: { policy: policy(allow('s3:*', 'arn:aws:s3:::b')) } } } });
    expect(byStatus(runRule(NoFullWildcardAction, stack))).toEqual({ fail: ['aws_iam_policy.star_star'], unknown: [], suppressed: [], pass: ['aws_iam_policy.service'] });
  });
});
