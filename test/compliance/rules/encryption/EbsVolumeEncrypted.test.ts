import { EbsVolumeEncrypted } from '../../../../compliance/rules/encryption';
import { fixtureStack, ref, verdicts } from '../../../support/rules-fixtures';

describe('TF-ENC-1 EbsVolumeEncrypted', () => {
  const stack = fixtureStack({
    aws_kms_key: { data: { enable_key_rotation: true } },
    aws_ebs_volume: {
      cmk: { availability_zone: 'eu-west-1a', size: 10, encrypted: true, kms_key_id: ref('aws_kms_key.data.arn') },
      literal_cmk: { availability_zone: 'eu-west-1a', size: 10, encrypted: 'true', kms_key_id: 'arn:aws:kms:eu-west-1:111111111111:key/abc' },
      unencrypted: { availability_zone: 'eu-west-1a', size: 10 },
      aws_managed: { availability_zone: 'eu-west-1a', size: 10, encrypted: true, kms_key_id: 'alias/aws/ebs' },
      no_key: { availability_zone: 'eu-west-1a', size: 10, encrypted: true },
      key_from_var: { availability_zone: 'eu-west-1a', size: 10, encrypted: true, kms_key_id: ref('var.key') },
      flag_from_var: { availability_zone: 'eu-west-1a', size: 10, encrypted: ref('var.encrypt'), kms_key_id: ref('aws_kms_key.data.arn') },
      missing_key_ref: { availability_zone: 'eu-west-1a', size: 10, encrypted: true, kms_key_id: ref('aws_kms_key.elsewhere.arn') },
    },
  });

  it('GIVEN volumes with and without a CMK THEN exactly the weak ones fail and unresolved ones are unknown', () => {
    expect(verdicts(EbsVolumeEncrypted, stack)).toEqual({
      fail: ['aws_ebs_volume.aws_managed', 'aws_ebs_volume.no_key', 'aws_ebs_volume.unencrypted'],
      unknown: ['aws_ebs_volume.flag_from_var', 'aws_ebs_volume.key_from_var', 'aws_ebs_volume.missing_key_ref'],
      pass: ['aws_ebs_volume.cmk', 'aws_ebs_volume.literal_cmk'],
    });
  });

  it('data-source keys are judged by the key they look up', () => {
    const s = fixtureStack(
      {
        aws_ebs_volume: {
          managed: { availability_zone: 'a', size: 1, encrypted: true, kms_key_id: ref('data.aws_kms_key.ebs.arn') },
          own: { availability_zone: 'a', size: 1, encrypted: true, kms_key_id: ref('data.aws_kms_alias.mine.target_key_arn') },
        },
      },
      { data: { aws_kms_key: { ebs: { key_id: 'alias/aws/ebs' } }, aws_kms_alias: { mine: { name: 'alias/tenant-data' } } } },
    );
    expect(verdicts(EbsVolumeEncrypted, s)).toEqual({ fail: ['aws_ebs_volume.managed'], unknown: [], pass: ['aws_ebs_volume.own'] });
  });
});
