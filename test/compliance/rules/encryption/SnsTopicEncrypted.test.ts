import { SnsTopicEncrypted } from '../../../../compliance/rules/encryption';
import { fixtureStack, ref, verdicts } from '../../../support/rules-fixtures';

describe('TF-ENC-7 SnsTopicEncrypted', () => {
  it('checks aws_sns_topic.kms_master_key_id names a customer-managed key', () => {
    expect(SnsTopicEncrypted.meta.id).toBe('TF-ENC-7');
    const stack = fixtureStack({
      aws_kms_key: { k: { enable_key_rotation: true } },
      aws_sns_topic: {
        cmk: { kms_master_key_id: ref('aws_kms_key.k.arn') },
        alias: { kms_master_key_id: 'alias/team-key' },
        aws_managed: { kms_master_key_id: 'alias/aws/aws_sns_topic' },
        none: {},
        wrong_attribute: { kms_key_id: ref('aws_kms_key.k.arn') },
        from_var: { kms_master_key_id: ref('var.k') },
      },
    });
    expect(verdicts(SnsTopicEncrypted, stack)).toEqual({
      fail: ['aws_sns_topic.aws_managed', 'aws_sns_topic.none', 'aws_sns_topic.wrong_attribute'],
      unknown: ['aws_sns_topic.from_var'],
      pass: ['aws_sns_topic.alias', 'aws_sns_topic.cmk'],
    });
  });

  it('Noncompliance: a conditional that may pick an AWS-managed key, or a non-key attribute of a key, is unknown', () => {
    const stack = fixtureStack({
      aws_kms_key: { k: { enable_key_rotation: true, description: 'd' } },
      aws_sns_topic: {
        conditional: { kms_master_key_id: ref('var.prod ? aws_kms_key.k.arn : "alias/aws/aws_sns_topic"') },
        not_an_identifier: { kms_master_key_id: ref('aws_kms_key.k.policy') },
        missing_key: { kms_master_key_id: ref('aws_kms_key.gone.arn') },
      },
    });
    expect(verdicts(SnsTopicEncrypted, stack)).toEqual({ fail: [], unknown: ['aws_sns_topic.conditional', 'aws_sns_topic.missing_key', 'aws_sns_topic.not_an_identifier'], pass: [] });
  });
});
