import { CloudFrontAccessLogs } from '../../../../compliance/rules/logging';
import { fixtureStack, ref, verdicts } from '../../../support/rules-fixtures';

describe('TF-LOG-5 CloudFrontAccessLogs', () => {
  it('accepts legacy logging_config or a v2 delivery source with a delivery', () => {
    const stack = fixtureStack({
      aws_cloudfront_distribution: { legacy: { logging_config: [{ bucket: 'logs.s3.amazonaws.com' }] }, v2: {}, dark: {} },
      aws_cloudwatch_log_delivery_source: { cf: { name: 'cf', log_type: 'ACCESS_LOGS', resource_arn: ref('aws_cloudfront_distribution.v2.arn') } },
      aws_cloudwatch_log_delivery: { d: { delivery_source_name: ref('aws_cloudwatch_log_delivery_source.cf.name'), delivery_destination_arn: ref('aws_cloudwatch_log_delivery_destination.s3.arn') } },
    });
    expect(verdicts(CloudFrontAccessLogs, stack)).toEqual({ fail: ['aws_cloudfront_distribution.dark'], unknown: [], pass: ['aws_cloudfront_distribution.legacy', 'aws_cloudfront_distribution.v2'] });
  });

  it('Noncompliance: a delivery source with no delivery logs nothing; unresolved links are unknown', () => {
    const stack = fixtureStack({
      aws_cloudfront_distribution: { source_only: {}, wrong_type: {}, computed_logging: { logging_config: ref('var.logging') }, ambiguous: {} },
      aws_cloudwatch_log_delivery_source: {
        s: { name: 's', log_type: 'ACCESS_LOGS', resource_arn: ref('aws_cloudfront_distribution.source_only.arn') },
        t: { name: 't', log_type: 'CONNECTION_LOGS', resource_arn: ref('aws_cloudfront_distribution.wrong_type.arn') },
        a: { name: 'a', log_type: 'ACCESS_LOGS', resource_arn: ref('aws_cloudfront_distribution.ambiguous.arn') },
      },
      aws_cloudwatch_log_delivery: {
        to_t: { delivery_source_name: 't', delivery_destination_arn: 'arn:aws:logs:us-east-1:111111111111:delivery-destination:x' },
        from_var: { delivery_source_name: ref('var.source'), delivery_destination_arn: 'arn:aws:logs:us-east-1:111111111111:delivery-destination:x' },
      },
    });
    expect(verdicts(CloudFrontAccessLogs, stack)).toEqual({
      fail: ['aws_cloudfront_distribution.wrong_type'],
      unknown: ['aws_cloudfront_distribution.ambiguous', 'aws_cloudfront_distribution.computed_logging', 'aws_cloudfront_distribution.source_only'],
      pass: [],
    });
  });

  it('Noncompliance: a delivery source alone, with no delivery anywhere, fails', () => {
    const stack = fixtureStack({
      aws_cloudfront_distribution: { d: {} },
      aws_cloudwatch_log_delivery_source: { s: { name: 's', log_type: 'ACCESS_LOGS', resource_arn: ref('aws_cloudfront_distribution.d.arn') } },
    });
    expect(verdicts(CloudFrontAccessLogs, stack)).toEqual({ fail: ['aws_cloudfront_distribution.d'], unknown: [], pass: [] });
  });
});
