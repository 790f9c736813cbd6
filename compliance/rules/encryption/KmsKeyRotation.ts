import { Rule } from '../../types';
import { decide } from '../_shared/outcomes';
import { boolOf, isUnresolved, resourcesOf } from '../_shared/values';

/** TF-ENC-13: symmetric customer-managed keys rotate automatically. */
export const KmsKeyRotation: Rule = {
  meta: {
    id: 'TF-ENC-13',
    title: 'Ensure symmetric KMS keys have automatic rotation enabled',
    category: 'encryption',
    level: 'error',
    resourceTypes: ['aws_kms_key'],
    remediation:
      'Set `enable_key_rotation = true` (optionally `rotation_period_in_days`). Rotation keeps old key material for decryption, so nothing has to be re-encrypted. Asymmetric and HMAC keys cannot rotate and are not checked.',
    references: { cis: 'CIS AWS v5.0.0 4.6', checkov: ['CKV_AWS_7'], cdkNag: ['AwsSolutions-KMS5'] },
    invariant: false,
  },
  check(stack) {
    return resourcesOf(stack, 'aws_kms_key').flatMap((key) => {
      const spec = key.values.customer_master_key_spec ?? 'SYMMETRIC_DEFAULT';
      if (isUnresolved(spec)) return [decide(key.address, [], ['customer_master_key_spec is unresolved'], '')];
      if (spec !== 'SYMMETRIC_DEFAULT') return [];
      const rotation = boolOf(key.values.enable_key_rotation, false);
      if (rotation === 'unknown') return [decide(key.address, [], ['enable_key_rotation is unresolved'], '')];
      return [decide(key.address, rotation ? [] : ['enable_key_rotation is not true'], [], 'automatic rotation is enabled')];
    });
  },
};
