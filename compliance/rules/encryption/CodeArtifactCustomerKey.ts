import { customerKeyRule } from '../../rule-helpers/customer-key-rule';

/** TF-ENC-30: CodeArtifact domains encrypt their packages with a customer-managed key. */
export const CodeArtifactCustomerKey = customerKeyRule(
  {
    id: 'TF-ENC-30',
    title: 'Ensure CodeArtifact domains are encrypted with a customer-managed KMS key',
    category: 'encryption',
    level: 'error',
    resourceTypes: ['aws_codeartifact_domain'],
    remediation:
      'Set `encryption_key` to a customer-managed key. Without it the domain uses the AWS managed key, whose policy no one in the account controls, so access to every package in every repository of the domain cannot be limited or audited through the key.',
    references: {},
  },
  'encryption_key',
);
