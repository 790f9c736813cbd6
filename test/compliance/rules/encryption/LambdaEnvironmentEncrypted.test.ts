import { LambdaEnvironmentEncrypted } from '../../../../compliance/rules/encryption/LambdaEnvironmentEncrypted';
import { byStatus, fixtureStack, runRule } from '../../support/compliance-fixtures';

const base = { function_name: 'f', role: 'arn:aws:iam::222222222222:role/f', s3_bucket: 'b', s3_key: 'k', handler: 'app.handler', runtime: 'python3.12' };
const vars = { environment: { variables: { STAGE: 'prod' } } };

describe('TF-ENC-20 Lambda environment variables are under a customer-managed key', () => {
  test('GIVEN functions with and without variables and keys THEN variables without a customer key fail', () => {
    const stack = fixtureStack({
      variable: { key: { type: 'string' } },
      resource: {
        aws_kms_key: { app: { enable_key_rotation: true } },
        aws_lambda_function: {
          customer_key: { ...base, ...vars, kms_key_arn: '${aws_kms_key.app.arn}' },
          no_variables: { ...base },
          aws_managed_key: { ...base, ...vars },
          alias_aws_lambda: { ...base, environment: [{ variables: { STAGE: 'prod' } }], kms_key_arn: 'alias/aws/lambda' },
          key_from_variable: { ...base, ...vars, kms_key_arn: '${var.key}' },
        },
      },
    });
    const verdicts = byStatus(runRule(LambdaEnvironmentEncrypted, stack));
    expect(verdicts.fail).toEqual(expect.arrayContaining(['aws_lambda_function.aws_managed_key', 'aws_lambda_function.alias_aws_lambda']));
    expect(verdicts.pass).toEqual(['aws_lambda_function.customer_key', 'aws_lambda_function.no_variables']);
    expect([...verdicts.fail, ...verdicts.unknown]).toContain('aws_lambda_function.key_from_variable');
  });
});
