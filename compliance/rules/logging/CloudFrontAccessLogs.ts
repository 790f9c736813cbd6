import { Rule } from '../../types';
import { decide } from '../_shared/outcomes';
import { blockOf, isSet, pointsAt, resourcesOf } from '../_shared/values';

/** TF-LOG-5: CloudFront distributions log requests. */
export const CloudFrontAccessLogs: Rule = {
  meta: {
    id: 'TF-LOG-5',
    title: 'Ensure CloudFront distributions have access logging enabled',
    category: 'logging',
    level: 'error',
    resourceTypes: ['aws_cloudfront_distribution', 'aws_cloudwatch_log_delivery_source'],
    remediation:
      'Set `logging_config { bucket = "<bucket>.s3.amazonaws.com" }` (standard logging to S3), or deliver standard logging v2 with an `aws_cloudwatch_log_delivery_source` whose `resource_arn` is the distribution and `log_type = "ACCESS_LOGS"`.',
    references: { checkov: ['CKV_AWS_86'], cdkNag: ['AwsSolutions-CFR3'] },
    invariant: false,
  },
  check(stack) {
    const sources = resourcesOf(stack, 'aws_cloudwatch_log_delivery_source');
    return resourcesOf(stack, 'aws_cloudfront_distribution').map((dist) => {
      const legacy = isSet(blockOf(dist.values.logging_config).bucket);
      const v2 = sources.some((s) => pointsAt(s.values.resource_arn, dist) && s.values.log_type === 'ACCESS_LOGS');
      return decide(dist.address, legacy || v2 ? [] : ['neither logging_config nor a log delivery source'], [], legacy ? 'standard logging to S3' : 'standard logging v2');
    });
  },
};
