import { boolOf, decide, defineRule, isUnresolved, resourcesOf } from '../../rule-kit';

/** TF-ENC-13: symmetric customer-managed keys rotate automatically. */
export const KmsKeyRotation = defineRule(
  {
    id: 'TF-ENC-13',
    title: 'Ensure symmetric KMS keys have automatic rotation enabled',
    category: 'encryption',
    level: 'error',
    resourceTypes: ['aws_kms_key'],
    remediation:
      'Set `enable_key_rotation = true` (optionally `rotation_period_in_days`). Rotation keeps old key material for decryption, so nothing has to be re-encrypted. Asymmetric and HMAC keys cannot rotate and are not checked.',
    references: { cis: 'CIS AWS v5.0.0 3.6', checkov: ['CKV_AWS_7'], cdkNag: ['AwsSolutions-KMS5'] },
  },
  (stack) =>
    resourcesOf(stack, 'aws_kms_key').flatMap((key) => {
      const spec = key.values.customer_master_key_spec ?? 'SYMMETRIC_DEFAULT';
      if (isUnresolved(spec)) return [decide(key.address, [], ['customer_master_key_spec is unresolved'], '')];
      if (spec !== 'SYMMETRIC_DEFAULT') return [];
      const rotation = boolOf(key.values.enable_key_rotation, false);
      if (rotation === 'unknown') return [decide(key.address, [], ['enable_key_rotation is unresolved'], '')];
      return [decide(key.address, rotation ? [] : ['enable_key_rotation is not true'], [], 'automatic rotation is enabled')];
    }),
);
