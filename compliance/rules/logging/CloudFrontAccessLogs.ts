import { checkEach, decide, defineRule, isSet, isUnresolved } from '../../rule-kit';
import { nestedBlock } from '../../rule-helpers/blocks';
import { companionIndex } from '../../rule-helpers/links';

/** TF-LOG-5: CloudFront distributions log requests. */
export const CloudFrontAccessLogs = defineRule(
  {
    id: 'TF-LOG-5',
    title: 'Ensure CloudFront distributions have access logging enabled',
    category: 'logging',
    level: 'error',
    resourceTypes: ['aws_cloudfront_distribution', 'aws_cloudwatch_log_delivery_source', 'aws_cloudwatch_log_delivery'],
    remediation:
      'Set `logging_config { bucket = "<bucket>.s3.amazonaws.com" }` (standard logging to S3), or deliver standard logging v2: an `aws_cloudwatch_log_delivery_source` whose `resource_arn` is the distribution and `log_type = "ACCESS_LOGS"`, plus an `aws_cloudwatch_log_delivery` from that source to a destination. A source without a delivery logs nothing.',
    references: { checkov: ['CKV_AWS_86'], cdkNag: ['AwsSolutions-CFR3'] },
  },
  (stack) => {
    const sourcesOf = companionIndex(stack, ['aws_cloudfront_distribution'], ['aws_cloudwatch_log_delivery_source'], 'resource_arn', []);
    const deliveriesOf = companionIndex(stack, ['aws_cloudwatch_log_delivery_source'], ['aws_cloudwatch_log_delivery'], 'delivery_source_name', ['name']);
    return checkEach(stack, ['aws_cloudfront_distribution'], (dist) => {
      const legacy = nestedBlock(dist.values.logging_config);
      if (legacy !== 'unknown' && isSet(legacy.bucket)) return decide(dist.address, [], [], 'standard logging to S3');
      const unknowns: string[] = legacy === 'unknown' ? ['logging_config is unresolved'] : [];
      const sources = sourcesOf(dist);
      if (sources.ambiguous) unknowns.push('a log delivery source names a resource that cannot be resolved');
      for (const source of sources.matches) {
        const type = source.values.log_type;
        if (isUnresolved(type)) {
          unknowns.push(`${source.address} has an unresolved log_type`);
          continue;
        }
        if (type !== 'ACCESS_LOGS') continue;
        const deliveries = deliveriesOf(source);
        if (deliveries.matches.some((d) => isSet(d.values.delivery_destination_arn))) return decide(dist.address, [], [], `standard logging v2 through ${source.address}`);
        if (deliveries.ambiguous) unknowns.push('a log delivery names a source that cannot be resolved');
      }
      return decide(dist.address, unknowns.length > 0 ? [] : ['neither logging_config nor a log delivery source with a delivery'], unknowns, '');
    });
  },
);
