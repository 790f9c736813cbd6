import { checkEach, decide, defineRule, isUnresolved, show } from '../../rule-kit';
import { nestedBlock } from '../../rule-helpers/blocks';
import { noteCustomerKey } from '../../rule-helpers/kms';

/** TF-ENC-12: ECR repositories use KMS encryption with a customer-managed key. */
export const EcrRepositoryEncrypted = defineRule(
  {
    id: 'TF-ENC-12',
    title: 'Ensure ECR repositories are encrypted with a customer-managed KMS key',
    category: 'encryption',
    level: 'error',
    resourceTypes: ['aws_ecr_repository'],
    remediation:
      'Declare `encryption_configuration { encryption_type = "KMS", kms_key = <customer-managed key ARN> }`. The setting is fixed at creation, so an existing repository must be recreated and its images pushed again.',
    references: { checkov: ['CKV_AWS_136'] },
  },
  (stack) =>
    checkEach(stack, ['aws_ecr_repository'], (repo) => {
      const config = nestedBlock(repo.values.encryption_configuration);
      if (config === 'unknown') return decide(repo.address, [], ['encryption_configuration is unresolved'], '');
      const problems: string[] = [];
      const unknowns: string[] = [];
      const type = config.encryption_type ?? 'AES256';
      if (isUnresolved(type)) unknowns.push('encryption_type is unresolved');
      else if (type !== 'KMS' && type !== 'KMS_DSSE') problems.push(`encryption_type is ${show(type)}, not KMS`);
      noteCustomerKey(stack, config.kms_key, 'encryption_configuration.kms_key', problems, unknowns);
      return decide(repo.address, problems, unknowns, 'KMS-encrypted with a customer-managed key');
    }),
);
