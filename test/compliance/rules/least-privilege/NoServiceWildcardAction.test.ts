import { NoServiceWildcardAction } from '../../../../compliance/rules/least-privilege/NoServiceWildcardAction';
import { byStatus, fixtureStack, runRule } from '../../support/compliance-fixtures';
import { allow, policy } from './support';

describe('TF-LP-2 no service:* (warning)', () => {
  test('flags each service wildcard as its own finding; prefixes like s3:Get* are not whole services', () => {
    const stack = fixtureStack({
      resource: {
        aws_iam_policy: {
          two_services: { policy: policy(allow(['s3:*', 'sqs:*'], 'arn:aws:s3:::b')) },
          prefix: { policy: policy(allow('s3:Get*', 'arn:aws:s3:::b/*')) },
          denied: { policy: policy({ Effect: 'Deny', Action: 'iam:*', Resource: '*' }) },
        },
      },
    });
    const findings = runRule(NoServiceWildcardAction, stack);
    expect(byStatus(findings, true)).toEqual({
      fail: ['aws_iam_policy.two_services#Action::s3:*', 'aws_iam_policy.two_services#Action::sqs:*'],
      unknown: [],
      suppressed: [],
      pass: ['aws_iam_policy.denied', 'aws_iam_policy.prefix'],
    });
    expect(findings.every((f) => f.level === 'warning')).toBe(true);
  });
});
