import { boolOf, checkEach, decide, defineRule, isSet } from '../../rule-kit';
import { nestedBlock } from '../../rule-helpers/blocks';

/** TF-LOG-7: classic load balancers write access logs. */
export const ClassicElbAccessLogs = defineRule(
  {
    id: 'TF-LOG-7',
    title: 'Ensure classic load balancers have access logging enabled',
    category: 'logging',
    level: 'error',
    resourceTypes: ['aws_elb'],
    remediation:
      'Declare `access_logs { bucket = <log bucket>, interval = 5 }` (`enabled` defaults to true on a classic ELB; do not set it to false). The bucket policy must let the regional ELB account put objects, with SSE-S3 on the bucket.',
    references: { checkov: ['CKV_AWS_92'] },
  },
  (stack) =>
    checkEach(stack, ['aws_elb'], (elb) => {
      const logs = nestedBlock(elb.values.access_logs);
      if (logs === 'unknown') return decide(elb.address, [], ['access_logs is unresolved'], '');
      if (Object.keys(logs).length === 0) return decide(elb.address, ['no access_logs block, so nothing is logged'], [], '');
      // Unlike aws_lb, the classic ELB's access_logs.enabled defaults to true.
      const enabled = boolOf(logs.enabled, true);
      if (enabled === 'unknown') return decide(elb.address, [], ['access_logs.enabled is unresolved'], '');
      if (!enabled) return decide(elb.address, ['access_logs.enabled is false'], [], '');
      if (!isSet(logs.bucket)) return decide(elb.address, ['access_logs names no bucket'], [], '');
      return decide(elb.address, [], [], 'access logs enabled');
    }),
);
