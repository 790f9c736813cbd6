import { NoPublicResourcePolicy } from '../../../../compliance/rules/least-privilege/NoPublicResourcePolicy';
import { byStatus, fixtureStack, runRule } from '../../support/compliance-fixtures';
import { policy } from './support';

const grant = (principal: unknown, action: string, condition?: unknown, effect = 'Allow') =>
  policy({ Effect: effect, Principal: principal, Action: action, Resource: '*', ...(condition ? { Condition: condition } : {}) });

describe('TF-LP-10 no resource policy grants access to everyone', () => {
  test('GIVEN resource policies of every kind THEN "*" passes only with a condition that bounds the caller', () => {
    const stack = fixtureStack({
      variable: { policy: {} },
      data: {
        aws_iam_policy_document: {
          public_queue: { statement: [{ actions: ['sqs:SendMessage'], resources: ['*'], principals: [{ type: 'AWS', identifiers: ['*'] }] }] },
          org_queue: {
            statement: [
              { actions: ['sqs:SendMessage'], resources: ['*'], principals: [{ type: '*', identifiers: ['*'] }], condition: [{ test: 'StringEquals', variable: 'aws:PrincipalOrgID', values: ['o-abc123'] }] },
            ],
          },
        },
      },
      resource: {
        aws_kms_key: {
          open: { policy: grant({ AWS: '*' }, 'kms:Decrypt') },
          caller_account: { policy: grant({ AWS: '*' }, 'kms:Decrypt', { StringEquals: { 'kms:CallerAccount': '222222222222', 'kms:ViaService': 'ec2.eu-west-1.amazonaws.com' } }) },
          via_service_only: { policy: grant({ AWS: '*' }, 'kms:Decrypt', { StringEquals: { 'kms:ViaService': 'ec2.eu-west-1.amazonaws.com' } }) },
          own_root: { policy: grant({ AWS: 'arn:aws:iam::222222222222:root' }, 'kms:*') },
        },
        aws_kms_key_policy: { open: { key_id: 'k', policy: grant('*', 'kms:Decrypt') } },
        aws_s3_bucket_policy: {
          public_read: { bucket: 'b', policy: grant('*', 's3:GetObject') },
          vpce_only: { bucket: 'b', policy: grant('*', 's3:GetObject', { StringEquals: { 'aws:SourceVpce': 'vpce-1234' } }) },
          deny_tls: { bucket: 'b', policy: grant('*', 's3:*', { Bool: { 'aws:SecureTransport': 'false' } }, 'Deny') },
          service: { bucket: 'b', policy: grant({ Service: 'cloudtrail.amazonaws.com' }, 's3:PutObject') },
          unreadable: { bucket: 'b', policy: '${var.policy}' },
        },
        aws_sqs_queue_policy: {
          public_doc: { queue_url: 'q', policy: '${data.aws_iam_policy_document.public_queue.json}' },
          org_doc: { queue_url: 'q', policy: '${data.aws_iam_policy_document.org_queue.json}' },
        },
        aws_sns_topic_policy: { owner_bounded: { arn: 't', policy: grant({ AWS: '*' }, 'sns:Publish', { StringEquals: { 'aws:SourceOwner': '222222222222' } }) } },
        aws_secretsmanager_secret_policy: { external_id: { secret_arn: 's', policy: grant({ AWS: ['*'] }, 'secretsmanager:GetSecretValue', { StringEquals: { 'sts:ExternalId': 'x' } }) } },
        aws_ecr_repository_policy: { any_account_arn: { repository: 'r', policy: grant({ AWS: '*' }, 'ecr:BatchGetImage', { ArnLike: { 'aws:SourceArn': 'arn:aws:iam::*:role/x' } }) } },
        aws_lambda_permission: {
          public: { action: 'lambda:InvokeFunction', function_name: 'f', principal: '*' },
          public_url: { action: 'lambda:InvokeFunctionUrl', function_name: 'f', principal: '*', function_url_auth_type: 'NONE' },
          source_account: { action: 'lambda:InvokeFunction', function_name: 'f', principal: '*', source_account: '222222222222' },
          any_account_source: { action: 'lambda:InvokeFunction', function_name: 'f', principal: '*', source_arn: 'arn:aws:execute-api:eu-west-1:*:abc/*' },
          api_in_account: { action: 'lambda:InvokeFunction', function_name: 'f', principal: '*', source_arn: 'arn:aws:execute-api:eu-west-1:222222222222:abc/*' },
          service: { action: 'lambda:InvokeFunction', function_name: 'f', principal: 'events.amazonaws.com' },
          var_principal: { action: 'lambda:InvokeFunction', function_name: 'f', principal: '${var.principal}' },
        },
      },
    });
    expect(byStatus(runRule(NoPublicResourcePolicy, stack))).toEqual({
      fail: [
        'aws_ecr_repository_policy.any_account_arn',
        'aws_kms_key.open',
        'aws_kms_key.via_service_only',
        'aws_kms_key_policy.open',
        'aws_lambda_permission.any_account_source',
        'aws_lambda_permission.public',
        'aws_lambda_permission.public_url',
        'aws_s3_bucket_policy.public_read',
        'aws_s3_bucket_policy.vpce_only',
        'aws_secretsmanager_secret_policy.external_id',
        'aws_sqs_queue_policy.public_doc',
      ],
      unknown: ['aws_lambda_permission.var_principal', 'aws_s3_bucket_policy.unreadable'],
      suppressed: [],
      pass: [
        'aws_kms_key.caller_account',
        'aws_kms_key.own_root',
        'aws_lambda_permission.api_in_account',
        'aws_lambda_permission.service',
        'aws_lambda_permission.source_account',
        'aws_s3_bucket_policy.deny_tls',
        'aws_s3_bucket_policy.service',
        'aws_sns_topic_policy.owner_bounded',
        'aws_sqs_queue_policy.org_doc',
      ],
    });
  });

  test('the finding is keyed Principal::* and the rule is not an invariant (a deliberate public bucket may be suppressed with a reason)', () => {
    const stack = fixtureStack({ resource: { aws_s3_bucket_policy: { p: { bucket: 'b', policy: grant('*', 's3:GetObject') } } } });
    expect(byStatus(runRule(NoPublicResourcePolicy, stack), true).fail).toEqual(['aws_s3_bucket_policy.p#Principal::*']);
    expect(NoPublicResourcePolicy.meta.invariant).toBe(false);
  });
});
