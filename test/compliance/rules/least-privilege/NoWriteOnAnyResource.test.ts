import { accessLevel, needsScoping, readsSensitiveData } from '../../../../compliance/iam/actions';
import { NoWriteOnAnyResource } from '../../../../compliance/rules/least-privilege/NoWriteOnAnyResource';
import { byStatus, fixtureStack, runRule } from '../../support/compliance-fixtures';
import { allow, policy } from './support';

describe('TF-LP-3 no write / permissions management on Resource "*"', () => {
  test('flags writes and permission changes on "*", exempts reads, lists and resource-less actions', () => {
    const stack = fixtureStack({
      resource: {
        // Declared, so `${aws_s3_bucket.b.arn}` names one bucket of the stack.
        aws_s3_bucket: { b: { bucket: 'b' } },
        aws_iam_policy: {
          writes: { policy: policy(allow(['s3:PutObject', 'ec2:DescribeInstances', 'kms:CreateGrant'])) },
          reads: { policy: policy(allow(['ec2:DescribeInstances', 's3:ListAllMyBuckets', 'cloudwatch:GetMetricData', 'ec2:Describe*'])) },
          resource_less: { policy: policy(allow(['cloudwatch:PutMetricData', 'ssmmessages:OpenDataChannel'])) },
          secret_read: { policy: policy(allow('secretsmanager:GetSecretValue')) },
          service_arn_wildcard: { policy: policy(allow('sqs:SendMessage', 'arn:aws:sqs:eu-west-1:222222222222:*')) },
          scoped: { policy: policy(allow('s3:PutObject', ['arn:aws:s3:::b/*', '${aws_s3_bucket.b.arn}'])) },
          var_resource: { policy: policy(allow('s3:PutObject', '${var.bucket_arn}')) },
          var_resource_read: { policy: policy(allow('s3:ListBucket', '${var.bucket_arn}')) },
        },
      },
    });
    expect(byStatus(runRule(NoWriteOnAnyResource, stack), true)).toEqual({
      fail: [
        'aws_iam_policy.secret_read#Action::secretsmanager:GetSecretValue',
        'aws_iam_policy.service_arn_wildcard#Action::sqs:SendMessage',
        'aws_iam_policy.writes#Action::kms:CreateGrant',
        'aws_iam_policy.writes#Action::s3:PutObject',
      ],
      unknown: ['aws_iam_policy.var_resource#Action::s3:PutObject'],
      suppressed: [],
      pass: ['aws_iam_policy.reads', 'aws_iam_policy.resource_less', 'aws_iam_policy.scoped', 'aws_iam_policy.var_resource_read'],
    });
  });

  test('counts a condition on the stack environment tag as scoping, and nothing weaker', () => {
    const tag = (operator: string, key: string, value: unknown) => ({ Condition: { [operator]: { [key]: value } } });
    const stack = fixtureStack({
      resource: {
        aws_iam_policy: {
          create_own: { policy: policy(allow(['ec2:CreateVpc', 'secretsmanager:GetSecretValue'], '*', tag('StringEquals', 'aws:RequestTag/environment', 'dev'))) },
          change_own: { policy: policy(allow(['ec2:DeleteVpc'], '*', tag('StringEquals', 'aws:ResourceTag/environment', ['dev']))) },
          other_env: { policy: policy(allow('ec2:DeleteVpc', '*', tag('StringEquals', 'aws:ResourceTag/environment', 'prod'))) },
          wildcard: { policy: policy(allow('ec2:DeleteVpc', '*', tag('StringLike', 'aws:ResourceTag/environment', '*'))) },
          if_exists: { policy: policy(allow('ec2:DeleteVpc', '*', tag('StringEqualsIfExists', 'aws:ResourceTag/environment', 'dev'))) },
          variable: { policy: policy(allow('ec2:DeleteVpc', '*', tag('StringEquals', 'aws:ResourceTag/environment', '${var.env}'))) },
        },
      },
    });
    expect(byStatus(runRule(NoWriteOnAnyResource, stack), true)).toEqual({
      fail: ['aws_iam_policy.if_exists#Action::ec2:DeleteVpc', 'aws_iam_policy.other_env#Action::ec2:DeleteVpc', 'aws_iam_policy.variable#Action::ec2:DeleteVpc', 'aws_iam_policy.wildcard#Action::ec2:DeleteVpc'],
      unknown: [],
      suppressed: [],
      pass: ['aws_iam_policy.change_own', 'aws_iam_policy.create_own'],
    });
  });

  test('a stack without a declared environment gets no credit for an environment tag', () => {
    const stack = fixtureStack({
      provider: { aws: [{ region: 'eu-west-1', allowed_account_ids: ['222222222222'] }] },
      resource: { aws_iam_policy: { p: { policy: policy(allow('ec2:DeleteVpc', '*', { Condition: { StringEquals: { 'aws:ResourceTag/environment': 'dev' } } })) } } },
    });
    expect(byStatus(runRule(NoWriteOnAnyResource, stack), true).fail).toEqual(['aws_iam_policy.p#Action::ec2:DeleteVpc']);
  });

  test.each([
    ['ec2:DescribeInstances', 'list'],
    ['s3:ListBucket', 'list'],
    ['s3:GetBucketPolicy', 'read'],
    ['s3:PutObject', 'write'],
    ['iam:PassRole', 'permissions-management'],
    ['iam:GetRole', 'read'],
    ['kms:PutKeyPolicy', 'permissions-management'],
    ['ec2:CreateTags', 'write'],
    ['ec2:DeleteTags', 'write'],
    ['s3:TagResource', 'tagging'],
    ['s3:*', 'permissions-management'],
    ['s3:Put*', 'permissions-management'],
    ['s3:Get*', 'read'],
    ['*', 'permissions-management'],
  ])('classifies %s as %s', (action, level) => {
    expect(accessLevel(action)).toBe(level);
  });

  test('data-plane reads on "*" are not harmless, in literal and wildcard forms; configuration reads stay exempt', () => {
    const stack = fixtureStack({
      data: { aws_iam_policy_document: { params: { statement: [{ actions: ['ssm:GetParameter*'], resources: ['*'] }] } } },
      resource: {
        aws_iam_policy: {
          secrets_wildcard: { policy: policy(allow('secretsmanager:Get*')) },
          objects_wildcard: { policy: policy(allow(['s3:GetObject*'], 'arn:aws:s3:::*')) },
          params_doc: { policy: '${data.aws_iam_policy_document.params.json}' },
          decrypt: { policy: policy(allow('kms:Decrypt')) },
          any_service_get: { policy: policy(allow('*:Get*')) },
          items: { policy: policy(allow('dynamodb:Get*')) },
          bucket_config: { policy: policy(allow(['s3:GetBucket*', 'secretsmanager:DescribeSecret', 'ssm:DescribeParameters'])) },
        },
        aws_iam_role: { inline: { assume_role_policy: '{}', inline_policy: [{ name: 'x', policy: policy(allow('s3:Get*')) }] } },
      },
    });
    expect(byStatus(runRule(NoWriteOnAnyResource, stack), true)).toEqual({
      fail: [
        'aws_iam_policy.any_service_get#Action::*:Get*',
        'aws_iam_policy.decrypt#Action::kms:Decrypt',
        'aws_iam_policy.items#Action::dynamodb:Get*',
        'aws_iam_policy.objects_wildcard#Action::s3:GetObject*',
        'aws_iam_policy.params_doc#Action::ssm:GetParameter*',
        'aws_iam_policy.secrets_wildcard#Action::secretsmanager:Get*',
        'aws_iam_role.inline#Action::s3:Get*',
      ],
      unknown: [],
      suppressed: [],
      pass: ['aws_iam_policy.bucket_config'],
    });
  });

  test('every secret, every parameter and every object of every bucket are as wide as "*"', () => {
    const stack = fixtureStack({
      resource: {
        aws_iam_policy: {
          all_secrets: { policy: policy(allow('secretsmanager:GetSecretValue', 'arn:aws:secretsmanager:*:*:secret:*')) },
          all_parameters: { policy: policy(allow(['ssm:GetParameters'], 'arn:aws:ssm:eu-west-1:222222222222:parameter/*')) },
          all_objects: { policy: policy(allow(['s3:GetObject', 's3:PutObject'], 'arn:aws:s3:::*/*')) },
          tag_condition: { policy: policy(allow('secretsmanager:GetSecretValue', 'arn:aws:secretsmanager:eu-west-1:222222222222:secret:*', { Condition: { StringEquals: { 'secretsmanager:ResourceTag/app': 'orders' } } })) },
          one_bucket: { policy: policy(allow('s3:GetObject', 'arn:aws:s3:::orders/*')) },
          secret_prefix: { policy: policy(allow('secretsmanager:GetSecretValue', 'arn:aws:secretsmanager:eu-west-1:222222222222:secret:orders/*')) },
          describe_all: { policy: policy(allow('secretsmanager:DescribeSecret', 'arn:aws:secretsmanager:eu-west-1:222222222222:secret:*')) },
        },
      },
    });
    expect(byStatus(runRule(NoWriteOnAnyResource, stack), true)).toEqual({
      fail: [
        'aws_iam_policy.all_objects#Action::s3:GetObject',
        'aws_iam_policy.all_objects#Action::s3:PutObject',
        'aws_iam_policy.all_parameters#Action::ssm:GetParameters',
        'aws_iam_policy.all_secrets#Action::secretsmanager:GetSecretValue',
      ],
      unknown: ['aws_iam_policy.tag_condition#Action::secretsmanager:GetSecretValue'],
      suppressed: [],
      pass: ['aws_iam_policy.describe_all', 'aws_iam_policy.one_bucket', 'aws_iam_policy.secret_prefix'],
    });
  });

  test.each([
    ['secretsmanager:Get*', true],
    ['secretsmanager:GetSecretValue', true],
    ['SSM:GetParameter*', true],
    ['s3:GetObject*', true],
    ['s3:Get*', true],
    ['kms:Decrypt', true],
    ['s3:GetBucketPolicy', false],
    ['ssm:DescribeParameters', false],
    ['ec2:Describe*', false],
  ])('%s reads sensitive data: %s', (action, sensitive) => {
    expect(readsSensitiveData(action)).toBe(sensitive);
    if (sensitive) expect(needsScoping(action)).toBe(true);
  });
});
