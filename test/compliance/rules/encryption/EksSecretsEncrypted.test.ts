import { EksSecretsEncrypted } from '../../../../compliance/rules/encryption';
import { fixtureStack, ref, verdicts } from '../../../support/rules-fixtures';

describe('TF-ENC-40 EksSecretsEncrypted', () => {
  it('requires an encryption_config for secrets under a customer-managed key', () => {
    const stack = fixtureStack({
      aws_kms_key: { k: { enable_key_rotation: true } },
      aws_eks_cluster: {
        good: { encryption_config: { resources: ['secrets'], provider: { key_arn: ref('aws_kms_key.k.arn') } } },
        as_list: { encryption_config: [{ resources: ['secrets'], provider: [{ key_arn: ref('aws_kms_key.k.arn') }] }] },
        none: { name: 'x' },
        aws_key: { encryption_config: { resources: ['secrets'], provider: { key_arn: 'alias/aws/eks' } } },
        key_var: { encryption_config: { resources: ['secrets'], provider: { key_arn: ref('var.key') } } },
      },
    });
    expect(verdicts(EksSecretsEncrypted, stack)).toEqual({
      fail: ['aws_eks_cluster.aws_key', 'aws_eks_cluster.none'],
      unknown: ['aws_eks_cluster.key_var'],
      pass: ['aws_eks_cluster.as_list', 'aws_eks_cluster.good'],
    });
  });
});
