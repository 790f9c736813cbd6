import { blockOf, checkEach, decide, defineRule, isUnresolved, resolveTarget } from '../../rule-kit';

/** TF-RES-20: failed asynchronous invocations of a Lambda function land in a dead-letter queue instead of vanishing. */
export const LambdaDeadLetterQueue = defineRule(
  {
    id: 'TF-RES-20',
    title: 'Ensure Lambda functions have a dead-letter queue (dead_letter_config.target_arn)',
    category: 'resilience',
    level: 'error',
    resourceTypes: ['aws_lambda_function'],
    remediation:
      'Set `dead_letter_config { target_arn = <SQS queue or SNS topic ARN> }` and let the role send to it. Lambda retries an asynchronous event twice and then drops it; the dead-letter queue keeps it for inspection and replay.',
    references: { checkov: ['CKV_AWS_116'], cdkNag: ['NIST.800.53.R5-LambdaDLQ'] },
  },
  (stack) =>
    checkEach(stack, ['aws_lambda_function'], (f) => {
      const raw = f.values.dead_letter_config;
      if (isUnresolved(raw)) return decide(f.address, [], ['dead_letter_config is unresolved'], '');
      const target = blockOf(raw).target_arn;
      // A queue or topic of this configuration names its ARN only once it exists.
      if (typeof resolveTarget(stack, target, ['aws_sqs_queue', 'aws_sns_topic']) === 'object') return decide(f.address, [], [], 'failed asynchronous invocations go to a dead-letter queue');
      if (isUnresolved(target)) return decide(f.address, [], ['dead_letter_config.target_arn is unresolved'], '');
      if (typeof target !== 'string' || target === '') return decide(f.address, ['the function has no dead-letter queue'], [], '');
      return decide(f.address, [], [], 'failed asynchronous invocations go to a dead-letter queue');
    }),
);
