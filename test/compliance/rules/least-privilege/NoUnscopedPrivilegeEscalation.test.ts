import { NoUnscopedPrivilegeEscalation } from '../../../../compliance/rules/least-privilege/NoUnscopedPrivilegeEscalation';
import { byStatus, fixtureStack, runRule } from '../../support/compliance-fixtures';
import { allow, policy } from './support';

describe('TF-LP-5 no unscoped privilege-escalation sets', () => {
  test('a set scoped by the stack environment tag, or removed by an unconditional Deny on "*", is no escalation path', () => {
    const own = { Condition: { StringEquals: { 'aws:ResourceTag/environment': 'dev' } } };
    const other = { Condition: { StringEquals: { 'aws:ResourceTag/environment': 'prod' } } };
    const stack = fixtureStack({
      resource: {
        aws_iam_policy: {
          tagged_own: { policy: policy(allow('iam:AttachRolePolicy', 'arn:aws:iam::222222222222:role/*', own)) },
          tagged_other: { policy: policy(allow('iam:AttachRolePolicy', 'arn:aws:iam::222222222222:role/*', other)) },
          denied: { policy: policy(allow('*'), { Effect: 'Deny', Action: ['iam:*', 'lambda:UpdateFunctionCode', 'glue:UpdateDevEndpoint'], Resource: '*' }) },
          denied_conditionally: { policy: policy(allow('iam:AttachRolePolicy'), { Effect: 'Deny', Action: 'iam:*', Resource: '*', Condition: { Bool: { 'aws:ViaAWSService': 'false' } } }) },
          denied_elsewhere: { policy: policy(allow('iam:AttachRolePolicy'), { Effect: 'Deny', Action: 'iam:*', Resource: 'arn:aws:iam::222222222222:role/admin' }) },
        },
      },
    });
    expect(byStatus(runRule(NoUnscopedPrivilegeEscalation, stack), true)).toEqual({
      fail: ['aws_iam_policy.denied_conditionally#Escalation::AttachRolePolicy', 'aws_iam_policy.denied_elsewhere#Escalation::AttachRolePolicy', 'aws_iam_policy.tagged_other#Escalation::AttachRolePolicy'],
      unknown: [],
      suppressed: [],
      pass: ['aws_iam_policy.denied', 'aws_iam_policy.tagged_own'],
    });
  });

  test('flags complete sets on wildcard resources, across the policies of one resource; scoped PassRole passes', () => {
    const stack = fixtureStack({
      resource: {
        // Declared, so `${aws_lambda_function.f.arn}` names one function of the stack.
        aws_lambda_function: { f: { function_name: 'f', role: 'arn:aws:iam::222222222222:role/f' } },
        aws_iam_policy: {
          pass_and_run: { policy: policy(allow(['iam:PassRole', 'ec2:RunInstances'])) },
          pass_scoped: { policy: policy(allow('iam:PassRole', 'arn:aws:iam::222222222222:role/app'), allow('ec2:RunInstances')) },
          create_version: { policy: policy(allow('iam:CreatePolicyVersion', 'arn:aws:iam::222222222222:policy/*')) },
          iam_wildcard: { policy: policy(allow('iam:*')) },
          lambda_code: { policy: policy(allow('lambda:UpdateFunctionCode', '${aws_lambda_function.f.arn}')) },
          var_resource: { policy: policy(allow('iam:AttachRolePolicy', '${var.role_arn}')) },
        },
        aws_iam_role_policy: { half_a: { role: 'r', policy: policy(allow('iam:PassRole')) } },
        aws_iam_role: { split: { assume_role_policy: '{}', inline_policy: [{ name: 'a', policy: policy(allow('iam:PassRole')) }, { name: 'b', policy: policy(allow('cloudformation:CreateStack')) }] } },
      },
    });
    expect(byStatus(runRule(NoUnscopedPrivilegeEscalation, stack), true)).toEqual({
      fail: [
        'aws_iam_policy.create_version#Escalation::CreateNewPolicyVersion',
        ...[
          'AddUserToGroup', 'AttachGroupPolicy', 'AttachRolePolicy', 'AttachUserPolicy', 'CreateAccessKey', 'CreateLoginProfile', 'CreateNewPolicyVersion',
          'PutGroupPolicy', 'PutRolePolicy', 'PutUserPolicy', 'SetExistingDefaultPolicyVersion', 'UpdateLoginProfile', 'UpdateRolePolicyToAssumeIt',
        ].map((m) => `aws_iam_policy.iam_wildcard#Escalation::${m}`),
        'aws_iam_policy.pass_and_run#Escalation::CreateEC2WithExistingInstanceProfile',
        'aws_iam_role.split#Escalation::PassExistingRoleToNewCloudFormation',
      ],
      unknown: ['aws_iam_policy.var_resource#Escalation::AttachRolePolicy'],
      suppressed: [],
      pass: ['aws_iam_policy.lambda_code', 'aws_iam_policy.pass_scoped', 'aws_iam_role_policy.half_a'],
    });
  });
});
