import { LambdaLogRetention } from '../../../../compliance/rules/logging/LambdaLogRetention';
import { byStatus, fixtureStack, runRule } from '../../support/compliance-fixtures';

const base = { role: 'arn:aws:iam::222222222222:role/f', s3_bucket: 'b', s3_key: 'k', handler: 'app.handler', runtime: 'python3.12' };

describe('TF-LOG-20 Lambda log groups are managed with a retention', () => {
  test('GIVEN functions whose log groups are declared, missing, forever or unresolved THEN only declared ones with retention pass', () => {
    const stack = fixtureStack({
      variable: { name: { type: 'string' } },
      resource: {
        aws_cloudwatch_log_group: {
          default_name: { name: '/aws/lambda/by-name', retention_in_days: 365 },
          custom: { name: '/app/custom', retention_in_days: 30 },
          forever: { name: '/aws/lambda/forever' },
        },
        aws_lambda_function: {
          by_name: { ...base, function_name: 'by-name' },
          by_reference: { ...base, function_name: 'x', logging_config: { log_format: 'JSON', log_group: '${aws_cloudwatch_log_group.custom.name}' } },
          by_literal: { ...base, function_name: 'y', logging_config: [{ log_format: 'JSON', log_group: '/app/custom' }] },
          undeclared: { ...base, function_name: 'nowhere' },
          kept_forever: { ...base, function_name: 'forever' },
          name_from_variable: { ...base, function_name: '${var.name}' },
        },
      },
    });
    expect(byStatus(runRule(LambdaLogRetention, stack))).toEqual({
      fail: ['aws_lambda_function.kept_forever', 'aws_lambda_function.undeclared'],
      unknown: ['aws_lambda_function.name_from_variable'],
      suppressed: [],
      pass: ['aws_lambda_function.by_literal', 'aws_lambda_function.by_name', 'aws_lambda_function.by_reference'],
    });
  });
});
