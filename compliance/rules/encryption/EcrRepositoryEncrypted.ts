import { Rule } from '../../types';
import { requireCustomerKey } from '../_shared/kms';
import { decide } from '../_shared/outcomes';
import { blockOf, isUnresolved, resourcesOf } from '../_shared/values';

/** TF-ENC-12: ECR repositories use KMS encryption with a customer-managed key. */
export const EcrRepositoryEncrypted: Rule = {
  meta: {
    id: 'TF-ENC-12',
    title: 'Ensure ECR repositories are encrypted with a customer-managed KMS key',
    category: 'encryption',
    level: 'error',
    resourceTypes: ['aws_ecr_repository'],
    remediation:
      'Declare `encryption_configuration { encryption_type = "KMS", kms_key = <customer-managed key ARN> }`. The setting is fixed at creation, so an existing repository must be recreated and its images pushed again.',
    references: { checkov: ['CKV_AWS_136'] },
    invariant: false,
  },
  check(stack) {
    return resourcesOf(stack, 'aws_ecr_repository').map((repo) => {
      const config = blockOf(repo.values.encryption_configuration);
      const problems: string[] = [];
      const unknowns: string[] = [];
      const type = config.encryption_type ?? 'AES256';
      if (isUnresolved(type)) unknowns.push('encryption_type is unresolved');
      else if (type !== 'KMS') problems.push(`encryption_type is ${JSON.stringify(type)}, not KMS`);
      const key = requireCustomerKey(stack, config.kms_key, 'encryption_configuration.kms_key');
      if (key.problem) problems.push(key.problem);
      if (key.unknown) unknowns.push(key.unknown);
      return decide(repo.address, problems, unknowns, 'KMS-encrypted with a customer-managed key');
    });
  },
};
