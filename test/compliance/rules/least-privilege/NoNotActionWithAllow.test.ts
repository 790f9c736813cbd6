import { NoNotActionWithAllow } from '../../../../compliance/rules/least-privilege/NoNotActionWithAllow';
import { byStatus, fixtureStack, runRule } from '../../support/compliance-fixtures';
import { policy } from './support';

describe('TF-LP-4 no NotAction / NotResource with Allow', () => {
  test('flags Allow with NotAction or NotResource (both as separate findings); Deny with them is fine', () => {
    const stack = fixtureStack({
      data: { aws_iam_policy_document: { not_res: { statement: [{ actions: ['s3:GetObject'], not_resources: ['arn:aws:s3:::secret/*'] }] } } },
      resource: {
        aws_iam_policy: {
          not_action: { policy: policy({ Effect: 'Allow', NotAction: 'iam:*', Resource: '*' }) },
          both: { policy: policy({ Effect: 'Allow', NotAction: 'iam:*', NotResource: 'arn:aws:s3:::x' }) },
          not_resource_doc: { policy: '${data.aws_iam_policy_document.not_res.json}' },
          deny_not_action: { policy: policy({ Effect: 'Deny', NotAction: 'iam:ChangePassword', Resource: '*' }) },
        },
      },
    });
    expect(byStatus(runRule(NoNotActionWithAllow, stack), true)).toEqual({
      fail: ['aws_iam_policy.both#NotAction', 'aws_iam_policy.both#NotResource', 'aws_iam_policy.not_action#NotAction', 'aws_iam_policy.not_resource_doc#NotResource'],
      unknown: [],
      suppressed: [],
      pass: ['aws_iam_policy.deny_not_action'],
    });
  });
});
