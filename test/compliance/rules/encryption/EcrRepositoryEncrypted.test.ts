import { EcrRepositoryEncrypted } from '../../../../compliance/rules/encryption';
import { fixtureStack, ref, verdicts } from '../../../support/rules-fixtures';

describe('TF-ENC-12 EcrRepositoryEncrypted', () => {
  it('requires KMS encryption with a customer-managed key', () => {
    const stack = fixtureStack({
      aws_kms_key: { k: { enable_key_rotation: true } },
      aws_ecr_repository: {
        good: { name: 'a', encryption_configuration: [{ encryption_type: 'KMS', kms_key: ref('aws_kms_key.k.arn') }] },
        aes: { name: 'b', encryption_configuration: [{ encryption_type: 'AES256' }] },
        none: { name: 'c' },
        kms_default_key: { name: 'd', encryption_configuration: [{ encryption_type: 'KMS' }] },
        from_var: { name: 'e', encryption_configuration: [{ encryption_type: 'KMS', kms_key: ref('var.k') }] },
      },
    });
    expect(verdicts(EcrRepositoryEncrypted, stack)).toEqual({
      fail: ['aws_ecr_repository.aes', 'aws_ecr_repository.kms_default_key', 'aws_ecr_repository.none'],
      unknown: ['aws_ecr_repository.from_var'],
      pass: ['aws_ecr_repository.good'],
    });
  });

  it('a computed encryption_configuration is unknown; KMS_DSSE with a customer key passes', () => {
    const stack = fixtureStack({
      aws_ecr_repository: {
        computed: { name: 'a', encryption_configuration: ref('var.enc') },
        dsse: { name: 'b', encryption_configuration: { encryption_type: 'KMS_DSSE', kms_key: 'arn:aws:kms:eu-west-1:111111111111:key/1' } },
      },
    });
    expect(verdicts(EcrRepositoryEncrypted, stack)).toEqual({ fail: [], unknown: ['aws_ecr_repository.computed'], pass: ['aws_ecr_repository.dsse'] });
  });
});
