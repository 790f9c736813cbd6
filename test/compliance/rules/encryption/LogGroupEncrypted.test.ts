import { LogGroupEncrypted } from '../../../../compliance/rules/encryption';
import { fixtureStack, ref, verdicts } from '../../../support/rules-fixtures';

describe('TF-ENC-8 LogGroupEncrypted', () => {
  it('checks aws_cloudwatch_log_group.kms_key_id names a customer-managed key', () => {
    expect(LogGroupEncrypted.meta.id).toBe('TF-ENC-8');
    const stack = fixtureStack({
      aws_kms_key: { k: { enable_key_rotation: true } },
      aws_cloudwatch_log_group: {
        cmk: { kms_key_id: ref('aws_kms_key.k.arn') },
        alias: { kms_key_id: 'alias/team-key' },
        aws_managed: { kms_key_id: 'alias/aws/aws_cloudwatch_log_group' },
        none: {},
        wrong_attribute: { kms_master_key_id: ref('aws_kms_key.k.arn') },
        from_var: { kms_key_id: ref('var.k') },
      },
    });
    expect(verdicts(LogGroupEncrypted, stack)).toEqual({
      fail: ['aws_cloudwatch_log_group.aws_managed', 'aws_cloudwatch_log_group.none', 'aws_cloudwatch_log_group.wrong_attribute'],
      unknown: ['aws_cloudwatch_log_group.from_var'],
      pass: ['aws_cloudwatch_log_group.alias', 'aws_cloudwatch_log_group.cmk'],
    });
  });

  it('Noncompliance: a conditional that may pick an AWS-managed key, or a non-key attribute of a key, is unknown', () => {
    const stack = fixtureStack({
      aws_kms_key: { k: { enable_key_rotation: true, description: 'd' } },
      aws_cloudwatch_log_group: {
        conditional: { kms_key_id: ref('var.prod ? aws_kms_key.k.arn : "alias/aws/aws_cloudwatch_log_group"') },
        not_an_identifier: { kms_key_id: ref('aws_kms_key.k.policy') },
        missing_key: { kms_key_id: ref('aws_kms_key.gone.arn') },
      },
    });
    expect(verdicts(LogGroupEncrypted, stack)).toEqual({ fail: [], unknown: ['aws_cloudwatch_log_group.conditional', 'aws_cloudwatch_log_group.missing_key', 'aws_cloudwatch_log_group.not_an_identifier'], pass: [] });
  });
});
