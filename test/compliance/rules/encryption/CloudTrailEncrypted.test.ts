import { CloudTrailEncrypted } from '../../../../compliance/rules/encryption';
import { fixtureStack, ref, verdicts } from '../../../support/rules-fixtures';

describe('TF-ENC-11 CloudTrailEncrypted', () => {
  it('checks aws_cloudtrail.kms_key_id names a customer-managed key', () => {
    expect(CloudTrailEncrypted.meta.id).toBe('TF-ENC-11');
    const stack = fixtureStack({
      aws_kms_key: { k: { enable_key_rotation: true } },
      aws_cloudtrail: {
        cmk: { kms_key_id: ref('aws_kms_key.k.arn') },
        alias: { kms_key_id: 'alias/team-key' },
        aws_managed: { kms_key_id: 'alias/aws/aws_cloudtrail' },
        none: {},
        wrong_attribute: { kms_master_key_id: ref('aws_kms_key.k.arn') },
        from_var: { kms_key_id: ref('var.k') },
      },
    });
    expect(verdicts(CloudTrailEncrypted, stack)).toEqual({
      fail: ['aws_cloudtrail.aws_managed', 'aws_cloudtrail.none', 'aws_cloudtrail.wrong_attribute'],
      unknown: ['aws_cloudtrail.from_var'],
      pass: ['aws_cloudtrail.alias', 'aws_cloudtrail.cmk'],
    });
  });

  it('Noncompliance: a conditional that may pick an AWS-managed key, or a non-key attribute of a key, is unknown', () => {
    const stack = fixtureStack({
      aws_kms_key: { k: { enable_key_rotation: true, description: 'd' } },
      aws_cloudtrail: {
        conditional: { kms_key_id: ref('var.prod ? aws_kms_key.k.arn : "alias/aws/aws_cloudtrail"') },
        not_an_identifier: { kms_key_id: ref('aws_kms_key.k.policy') },
        missing_key: { kms_key_id: ref('aws_kms_key.gone.arn') },
      },
    });
    expect(verdicts(CloudTrailEncrypted, stack)).toEqual({ fail: [], unknown: ['aws_cloudtrail.conditional', 'aws_cloudtrail.missing_key', 'aws_cloudtrail.not_an_identifier'], pass: [] });
  });
});
