import { blockOf, blocksOf, checkEach, decide, defineRule, isUnresolved, listOf } from '../../rule-kit';
import { noteCustomerKey } from '../../rule-helpers/kms';

/** TF-ENC-40: EKS envelope-encrypts Kubernetes secrets with a customer-managed key. */
export const EksSecretsEncrypted = defineRule(
  {
    id: 'TF-ENC-40',
    title: 'Ensure EKS clusters envelope-encrypt Kubernetes secrets with a customer-managed KMS key',
    category: 'encryption',
    level: 'error',
    resourceTypes: ['aws_eks_cluster'],
    remediation: 'Add `encryption_config { resources = ["secrets"], provider { key_arn = <customer-managed key> } }`. It can be added to a running cluster but never removed.',
    references: { checkov: ['CKV_AWS_58'], cdkNag: [] },
  },
  (stack) =>
    checkEach(stack, ['aws_eks_cluster'], (c) => {
      const problems: string[] = [];
      const unknowns: string[] = [];
      if (isUnresolved(c.values.encryption_config)) unknowns.push('encryption_config is unresolved');
      const configs = blocksOf(c.values.encryption_config);
      const forSecrets = configs.filter((e) => listOf(e.resources).includes('secrets'));
      if (configs.some((e) => isUnresolved(e.resources))) unknowns.push('encryption_config.resources is unresolved');
      else if (forSecrets.length === 0 && !isUnresolved(c.values.encryption_config)) problems.push('Kubernetes secrets are not envelope-encrypted (no encryption_config for "secrets")');
      for (const e of forSecrets) noteCustomerKey(stack, blockOf(e.provider).key_arn, 'encryption_config.provider.key_arn', problems, unknowns);
      return decide(c.address, problems, unknowns, 'secrets are envelope-encrypted with a customer-managed key');
    }),
);
