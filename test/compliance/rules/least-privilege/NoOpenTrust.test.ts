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
});
