import { BackupVaultEncrypted } from '../../../../compliance/rules/encryption';
import { fixtureStack, ref, verdicts } from '../../../support/rules-fixtures';

describe('TF-ENC-42 BackupVaultEncrypted', () => {
  it('requires a customer-managed key on every vault', () => {
    const stack = fixtureStack({
      aws_kms_key: { k: { enable_key_rotation: true } },
      aws_backup_vault: { good: { name: 'a', kms_key_arn: ref('aws_kms_key.k.arn') }, literal: { name: 'b', kms_key_arn: 'arn:aws:kms:eu-west-1:111111111111:key/abc' }, none: { name: 'c' }, from_var: { name: 'd', kms_key_arn: ref('var.k') } },
    });
    expect(verdicts(BackupVaultEncrypted, stack)).toEqual({
      fail: ['aws_backup_vault.none'],
      unknown: ['aws_backup_vault.from_var'],
      pass: ['aws_backup_vault.good', 'aws_backup_vault.literal'],
    });
  });
});
