import { boolOf, checkEach, decide, defineRule } from '../../rule-kit';
import { isProd } from '../../rule-helpers/posture';

/** TF-RES-4: production load balancers cannot be deleted by accident. */
export const LoadBalancerDeletionProtection = defineRule(
  {
    id: 'TF-RES-4',
    title: 'Ensure production load balancers have deletion protection enabled',
    category: 'resilience',
    level: 'warning',
    resourceTypes: ['aws_lb', 'aws_alb'],
    remediation: 'Set `enable_deletion_protection = true` in prod. Tenants are pinned to their ALB for life; losing it re-addresses every tenant on it.',
    references: { checkov: ['CKV_AWS_150'] },
  },
  (stack) => {
    const prod = isProd(stack);
    if (prod === false) return [];
    return checkEach(stack, ['aws_lb', 'aws_alb'], (lb) => {
      if (prod === 'unknown') return decide(lb.address, [], ['the stack declares no environment'], '');
      const on = boolOf(lb.values.enable_deletion_protection, false);
      if (on === 'unknown') return decide(lb.address, [], ['enable_deletion_protection is unresolved'], '');
      return decide(lb.address, on ? [] : ['enable_deletion_protection is not true in prod'], [], 'deletion protection on');
    });
  },
);
