import { SqsQueueEncrypted } from '../../../../compliance/rules/encryption';
import { fixtureStack, ref, verdicts } from '../../../support/rules-fixtures';

describe('TF-ENC-6 SqsQueueEncrypted', () => {
  it('checks aws_sqs_queue.kms_master_key_id names a customer-managed key', () => {
    expect(SqsQueueEncrypted.meta.id).toBe('TF-ENC-6');
    const stack = fixtureStack({
      aws_kms_key: { k: { enable_key_rotation: true } },
      aws_sqs_queue: {
        cmk: { kms_master_key_id: ref('aws_kms_key.k.arn') },
        alias: { kms_master_key_id: 'alias/team-key' },
        aws_managed: { kms_master_key_id: 'alias/aws/aws_sqs_queue' },
        none: {},
        wrong_attribute: { kms_key_id: ref('aws_kms_key.k.arn') },
        from_var: { kms_master_key_id: ref('var.k') },
      },
    });
    expect(verdicts(SqsQueueEncrypted, stack)).toEqual({
      fail: ['aws_sqs_queue.aws_managed', 'aws_sqs_queue.none', 'aws_sqs_queue.wrong_attribute'],
      unknown: ['aws_sqs_queue.from_var'],
      pass: ['aws_sqs_queue.alias', 'aws_sqs_queue.cmk'],
    });
  });

  it('Noncompliance: a conditional that may pick an AWS-managed key, or a non-key attribute of a key, is unknown', () => {
    const stack = fixtureStack({
      aws_kms_key: { k: { enable_key_rotation: true, description: 'd' } },
      aws_sqs_queue: {
        conditional: { kms_master_key_id: ref('var.prod ? aws_kms_key.k.arn : "alias/aws/aws_sqs_queue"') },
        not_an_identifier: { kms_master_key_id: ref('aws_kms_key.k.policy') },
        missing_key: { kms_master_key_id: ref('aws_kms_key.gone.arn') },
      },
    });
    expect(verdicts(SqsQueueEncrypted, stack)).toEqual({ fail: [], unknown: ['aws_sqs_queue.conditional', 'aws_sqs_queue.missing_key', 'aws_sqs_queue.not_an_identifier'], pass: [] });
  });
});
