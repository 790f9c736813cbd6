import { blockOf, checkEach, decide, defineRule, isRecord, isUnresolved } from '../../rule-kit';
import { requireCustomerKey } from '../../rule-helpers/kms';

/** TF-ENC-20: a Lambda function's environment variables are encrypted with a customer-managed key. */
export const LambdaEnvironmentEncrypted = defineRule(
  {
    id: 'TF-ENC-20',
    title: 'Ensure Lambda functions with environment variables encrypt them with a customer-managed KMS key',
    category: 'encryption',
    level: 'error',
    resourceTypes: ['aws_lambda_function'],
    remediation:
      "Set `kms_key_arn` to a customer-managed key the function's role may decrypt with. Without it Lambda uses the AWS managed key, which every principal of the account with Lambda read access can use to see the variables.",
    references: { checkov: ['CKV_AWS_173'] },
  },
  (stack) =>
    checkEach(stack, ['aws_lambda_function'], (f) => {
      const env = f.values.environment;
      if (isUnresolved(env)) return decide(f.address, [], ['environment is unresolved'], '');
      const variables = blockOf(env).variables;
      if (isUnresolved(variables)) return decide(f.address, [], ['environment.variables is unresolved'], '');
      if (!isRecord(variables) || Object.keys(variables).length === 0) return decide(f.address, [], [], 'no environment variables');
      const key = requireCustomerKey(stack, f.values.kms_key_arn, 'kms_key_arn');
      return decide(f.address, key.problem ? [key.problem] : [], key.unknown ? [key.unknown] : [], 'environment variables are under a customer-managed key');
    }),
);
