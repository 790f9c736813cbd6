import { EncryptionKeysInOwnAccount } from '../../../../compliance/rules/account-separation/EncryptionKeysInOwnAccount';
import { byStatus, runRule } from '../../support/compliance-fixtures';
import { DEV, devStack, ELSEWHERE, PROD, prodStack } from './separation-fixtures';

const devKey = `arn:aws:kms:eu-west-1:${DEV}:key/1234abcd-12ab-34cd-56ef-1234567890ab`;

describe('TF-SEP-7 resources encrypted with keys of their own account', () => {
  test('GIVEN a prod stack beside dev THEN every key attribute naming a dev key fails', () => {
    const prod = prodStack({
      data: { aws_kms_key: { dev_lookup: { key_id: devKey }, alias: { key_id: 'alias/prod-data' } } },
      resource: {
        aws_ebs_volume: { dev_key: { availability_zone: 'eu-west-1a', size: 10, encrypted: true, kms_key_id: devKey }, own: { availability_zone: 'eu-west-1a', size: 10, kms_key_id: '${aws_kms_key.own.arn}' } },
        aws_kms_key: { own: {} },
        aws_sqs_queue: { q: { kms_master_key_id: `arn:aws:kms:eu-west-1:${DEV}:alias/queues` } },
        aws_cloudwatch_log_group: { lg: { kms_key_id: '${data.aws_kms_key.dev_lookup.arn}' }, alias: { kms_key_id: '${data.aws_kms_key.alias.arn}' } },
        aws_s3_bucket_server_side_encryption_configuration: {
          sse: { bucket: 'b', rule: [{ apply_server_side_encryption_by_default: [{ sse_algorithm: 'aws:kms', kms_master_key_id: devKey }] }] },
        },
        aws_secretsmanager_secret: { var_key: { kms_key_id: '${var.key}' } },
        aws_lambda_function: { fn: { function_name: 'f', role: 'r', kms_key_arn: devKey } },
        aws_ebs_default_kms_key: { account_default: { key_arn: devKey } },
        aws_ssm_parameter: { secret: { name: '/db/password', type: 'SecureString', value: 'x', key_id: devKey } },
      },
    });
    expect(byStatus(runRule(EncryptionKeysInOwnAccount, prod, devStack()).filter((f) => f.stack === 'prod'))).toEqual({
      fail: [
        'aws_cloudwatch_log_group.lg',
        'aws_ebs_default_kms_key.account_default',
        'aws_ebs_volume.dev_key',
        'aws_lambda_function.fn',
        'aws_s3_bucket_server_side_encryption_configuration.sse',
        'aws_sqs_queue.q',
        'aws_ssm_parameter.secret',
        'data.aws_kms_key.dev_lookup',
      ],
      unknown: ['aws_secretsmanager_secret.var_key'],
      suppressed: [],
      pass: ['aws_cloudwatch_log_group.alias', 'aws_ebs_volume.own', 'data.aws_kms_key.alias'],
    });
  });

  test('a key in an account the run does not declare fails from prod and is unknown from dev', () => {
    const volume = { resource: { aws_ebs_volume: { v: { availability_zone: 'eu-west-1a', size: 1, kms_key_id: `arn:aws:kms:eu-west-1:${ELSEWHERE}:key/k` } } } };
    expect(byStatus(runRule(EncryptionKeysInOwnAccount, prodStack(volume))).fail).toEqual(['aws_ebs_volume.v']);
    expect(byStatus(runRule(EncryptionKeysInOwnAccount, devStack(volume))).unknown).toEqual(['aws_ebs_volume.v']);
  });

  test('a key ARN in the own account and key names inside policies are not judged here', () => {
    const prod = prodStack({ resource: { aws_ebs_volume: { v: { availability_zone: 'a', size: 1, kms_key_id: `arn:aws:kms:eu-west-1:${PROD}:key/k` } }, aws_iam_policy: { p: { policy: JSON.stringify({ Statement: [{ Effect: 'Allow', Action: 'kms:Decrypt', Resource: devKey }] }) } } } });
    expect(byStatus(runRule(EncryptionKeysInOwnAccount, prod, devStack()).filter((f) => f.stack === 'prod'))).toEqual({ fail: [], unknown: [], suppressed: [], pass: ['aws_ebs_volume.v'] });
  });
});
