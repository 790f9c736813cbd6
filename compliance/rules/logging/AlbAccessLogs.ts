import { boolOf, checkEach, decide, defineRule, isSet, isUnresolved } from '../../rule-kit';
import { nestedBlock } from '../../rule-helpers/blocks';

/** TF-LOG-3: application load balancers write access logs. */
export const AlbAccessLogs = defineRule(
  {
    id: 'TF-LOG-3',
    title: 'Ensure application load balancers have access logging enabled',
    category: 'logging',
    level: 'error',
    resourceTypes: ['aws_lb', 'aws_alb'],
    remediation:
      'Set `access_logs { bucket = <log bucket>, enabled = true }`: the provider defaults `enabled` to false, so a bucket alone logs nothing. The bucket policy must let the regional ELB account (or `logdelivery.elasticloadbalancing.amazonaws.com`) put objects, and the bucket must use SSE-S3: ALB log delivery does not support SSE-KMS.',
    references: { checkov: ['CKV_AWS_91'], cdkNag: ['AwsSolutions-ELB2'] },
  },
  (stack) =>
    checkEach(stack, ['aws_lb', 'aws_alb'], (lb) => {
      const type = lb.values.load_balancer_type ?? 'application';
      if (isUnresolved(type)) return decide(lb.address, [], ['load_balancer_type is unresolved'], '');
      if (type !== 'application') return [];
      const logs = nestedBlock(lb.values.access_logs);
      if (logs === 'unknown') return decide(lb.address, [], ['access_logs is unresolved'], '');
      // In the AWS provider `enabled` defaults to false, even when a bucket is given.
      const enabled = boolOf(logs.enabled, false);
      if (enabled === 'unknown') return decide(lb.address, [], ['access_logs.enabled is unresolved'], '');
      if (!enabled) return decide(lb.address, [isSet(logs.bucket) ? 'access_logs names a bucket but enabled is not true, so nothing is logged' : 'access logs are not enabled'], [], '');
      if (!isSet(logs.bucket)) return decide(lb.address, ['access_logs.enabled is true but no bucket is set'], [], '');
      return decide(lb.address, [], [], 'access logs enabled');
    }),
);
