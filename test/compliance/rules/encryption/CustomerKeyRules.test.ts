import { CloudTrailEncrypted, LogGroupEncrypted, SecretEncrypted, SnsTopicEncrypted, SqsQueueEncrypted } from '../../../../compliance/rules/encryption';
import { fixtureStack, ref, verdicts } from '../../../support/rules-fixtures';

/** The five "attribute names a customer-managed key" rules share one builder; each is pinned to its type and attribute here. */
describe.each([
  ['TF-ENC-6', SqsQueueEncrypted, 'aws_sqs_queue', 'kms_master_key_id'],
  ['TF-ENC-7', SnsTopicEncrypted, 'aws_sns_topic', 'kms_master_key_id'],
  ['TF-ENC-8', LogGroupEncrypted, 'aws_cloudwatch_log_group', 'kms_key_id'],
  ['TF-ENC-9', SecretEncrypted, 'aws_secretsmanager_secret', 'kms_key_id'],
  ['TF-ENC-11', CloudTrailEncrypted, 'aws_cloudtrail', 'kms_key_id'],
] as const)('%s', (id, rule, type, attribute) => {
  it(`checks ${type}.${attribute}`, () => {
    expect(rule.meta.id).toBe(id);
    const stack = fixtureStack({
      aws_kms_key: { k: { enable_key_rotation: true } },
      [type]: {
        cmk: { [attribute]: ref('aws_kms_key.k.arn') },
        alias: { [attribute]: 'alias/team-key' },
        aws_managed: { [attribute]: `alias/aws/${type}` },
        none: {},
        wrong_attribute: { [attribute === 'kms_key_id' ? 'kms_master_key_id' : 'kms_key_id']: ref('aws_kms_key.k.arn') },
        from_var: { [attribute]: ref('var.k') },
      },
    });
    expect(verdicts(rule, stack)).toEqual({
      fail: [`${type}.aws_managed`, `${type}.none`, `${type}.wrong_attribute`],
      unknown: [`${type}.from_var`],
      pass: [`${type}.alias`, `${type}.cmk`],
    });
  });
});
