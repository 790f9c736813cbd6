import { LambdaDeadLetterQueue } from '../../../../compliance/rules/resilience/LambdaDeadLetterQueue';
import { byStatus, fixtureStack, runRule } from '../../support/compliance-fixtures';

const base = { function_name: 'f', role: 'arn:aws:iam::222222222222:role/f', s3_bucket: 'b', s3_key: 'k', handler: 'app.handler', runtime: 'python3.12' };

describe('TF-RES-20 Lambda functions have a dead-letter queue', () => {
  test('GIVEN functions with a queue, none, an empty target and an unresolved one THEN only the queue passes', () => {
    const stack = fixtureStack({
      variable: { dlq: { type: 'string' } },
      resource: {
        aws_sqs_queue: { dlq: { name: 'dlq' } },
        aws_lambda_function: {
          with_dlq: { ...base, dead_letter_config: { target_arn: '${aws_sqs_queue.dlq.arn}' } },
          with_dlq_array_form: { ...base, dead_letter_config: [{ target_arn: 'arn:aws:sqs:eu-west-1:111111111111:dlq' }] },
          without: { ...base },
          empty_target: { ...base, dead_letter_config: { target_arn: '' } },
          from_variable: { ...base, dead_letter_config: { target_arn: '${var.dlq}' } },
        },
      },
    });
    expect(byStatus(runRule(LambdaDeadLetterQueue, stack))).toEqual({
      fail: ['aws_lambda_function.empty_target', 'aws_lambda_function.without'],
      unknown: ['aws_lambda_function.from_variable'],
      suppressed: [],
      pass: ['aws_lambda_function.with_dlq', 'aws_lambda_function.with_dlq_array_form'],
    });
  });
});
