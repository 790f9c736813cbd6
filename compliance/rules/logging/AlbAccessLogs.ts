import { Rule } from '../../types';
import { decide } from '../_shared/outcomes';
import { blockOf, boolOf, isSet, isUnresolved, resourcesOf } from '../_shared/values';

/** TF-LOG-3: application load balancers write access logs. */
export const AlbAccessLogs: Rule = {
  meta: {
    id: 'TF-LOG-3',
    title: 'Ensure application load balancers have access logging enabled',
    category: 'logging',
    level: 'error',
    resourceTypes: ['aws_lb', 'aws_alb'],
    remediation:
      'Set `access_logs { bucket = <log bucket>, enabled = true }`. The bucket policy must let the regional ELB account (or `logdelivery.elasticloadbalancing.amazonaws.com`) put objects, and the bucket must use SSE-S3: ALB log delivery does not support SSE-KMS.',
    references: { checkov: ['CKV_AWS_91'], cdkNag: ['AwsSolutions-ELB2'] },
    invariant: false,
  },
  check(stack) {
    return resourcesOf(stack, 'aws_lb', 'aws_alb').flatMap((lb) => {
      const type = lb.values.load_balancer_type ?? 'application';
      if (isUnresolved(type)) return [decide(lb.address, [], ['load_balancer_type is unresolved'], '')];
      if (type !== 'application') return [];
      const logs = blockOf(lb.values.access_logs);
      // The block's `enabled` defaults to true once a bucket is given.
      const enabled = boolOf(logs.enabled, isSet(logs.bucket));
      if (enabled === 'unknown') return [decide(lb.address, [], ['access_logs.enabled is unresolved'], '')];
      if (!enabled || !isSet(logs.bucket)) return [decide(lb.address, ['access logs are not enabled'], [], '')];
      return [decide(lb.address, [], [], 'access logs enabled')];
    });
  },
};
