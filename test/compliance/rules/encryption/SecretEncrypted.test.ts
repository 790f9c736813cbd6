import { SecretEncrypted } from '../../../../compliance/rules/encryption';
import { fixtureStack, ref, verdicts } from '../../../support/rules-fixtures';

describe('TF-ENC-9 SecretEncrypted', () => {
  it('checks aws_secretsmanager_secret.kms_key_id names a customer-managed key', () => {
    expect(SecretEncrypted.meta.id).toBe('TF-ENC-9');
    const stack = fixtureStack({
      aws_kms_key: { k: { enable_key_rotation: true } },
      aws_secretsmanager_secret: {
        cmk: { kms_key_id: ref('aws_kms_key.k.arn') },
        alias: { kms_key_id: 'alias/team-key' },
        aws_managed: { kms_key_id: 'alias/aws/aws_secretsmanager_secret' },
        none: {},
        wrong_attribute: { kms_master_key_id: ref('aws_kms_key.k.arn') },
        from_var: { kms_key_id: ref('var.k') },
      },
    });
    expect(verdicts(SecretEncrypted, stack)).toEqual({
      fail: ['aws_secretsmanager_secret.aws_managed', 'aws_secretsmanager_secret.none', 'aws_secretsmanager_secret.wrong_attribute'],
      unknown: ['aws_secretsmanager_secret.from_var'],
      pass: ['aws_secretsmanager_secret.alias', 'aws_secretsmanager_secret.cmk'],
    });
  });

  it('Noncompliance: a conditional that may pick an AWS-managed key, or a non-key attribute of a key, is unknown', () => {
    const stack = fixtureStack({
      aws_kms_key: { k: { enable_key_rotation: true, description: 'd' } },
      aws_secretsmanager_secret: {
        conditional: { kms_key_id: ref('var.prod ? aws_kms_key.k.arn : "alias/aws/aws_secretsmanager_secret"') },
        not_an_identifier: { kms_key_id: ref('aws_kms_key.k.policy') },
        missing_key: { kms_key_id: ref('aws_kms_key.gone.arn') },
      },
    });
    expect(verdicts(SecretEncrypted, stack)).toEqual({ fail: [], unknown: ['aws_secretsmanager_secret.conditional', 'aws_secretsmanager_secret.missing_key', 'aws_secretsmanager_secret.not_an_identifier'], pass: [] });
  });
});
