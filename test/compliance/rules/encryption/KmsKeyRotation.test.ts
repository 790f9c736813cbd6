import { KmsKeyRotation } from '../../../../compliance/rules/encryption';
import { fixtureStack, ref, verdicts } from '../../../support/rules-fixtures';

describe('TF-ENC-13 KmsKeyRotation', () => {
  it('requires rotation on symmetric keys and skips asymmetric ones', () => {
    const stack = fixtureStack({
      aws_kms_key: {
        rotating: { enable_key_rotation: true },
        rotating_string: { enable_key_rotation: 'true', customer_master_key_spec: 'SYMMETRIC_DEFAULT' },
        static: {},
        disabled: { enable_key_rotation: false },
        signing: { customer_master_key_spec: 'RSA_2048', key_usage: 'SIGN_VERIFY' },
        from_var: { enable_key_rotation: ref('var.rotate') },
      },
    });
    expect(verdicts(KmsKeyRotation, stack)).toEqual({
      fail: ['aws_kms_key.disabled', 'aws_kms_key.static'],
      unknown: ['aws_kms_key.from_var'],
      pass: ['aws_kms_key.rotating', 'aws_kms_key.rotating_string'],
    });
  });
});
