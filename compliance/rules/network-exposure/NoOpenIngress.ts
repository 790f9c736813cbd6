import { Rule, RuleOutcome, StackModel } from '../../types';
import { fail, pass, unknown } from '../_shared/outcomes';
import { IngressPermission, ingressPermissions, internetFacingLoadBalancersOf, redirectsHttp } from '../_shared/security-groups';

/** SSH and RDP from anywhere are TF-NET-2's; this rule reports everything else. */
const ADMIN_PORTS = [22, 3389];

/** TF-NET-1: no ingress from 0.0.0.0/0 or ::/0, except 80/443 on internet-facing load balancers. */
export const NoOpenIngress: Rule = {
  meta: {
    id: 'TF-NET-1',
    title: 'Ensure no security group admits 0.0.0.0/0 or ::/0, except HTTPS (and HTTP that only redirects) on internet-facing load balancers',
    category: 'network-exposure',
    level: 'error',
    resourceTypes: ['aws_security_group', 'aws_default_security_group', 'aws_security_group_rule', 'aws_vpc_security_group_ingress_rule'],
    remediation:
      'Admit traffic from the security group of the tier in front (`referenced_security_group_id` / `source_security_group_id`) or from known CIDRs. Only an internet-facing load balancer may take 443 from anywhere, and 80 only when its port-80 listener redirects to HTTPS.',
    references: { checkov: ['CKV_AWS_260', 'CKV_AWS_277'], cdkNag: ['AwsSolutions-EC23'] },
    invariant: false,
  },
  check(stack) {
    const outcomes: RuleOutcome[] = [];
    for (const [address, permissions] of ingressPermissions(stack)) {
      const bad = permissions.map((p) => [p, judge(stack, p)] as const).filter(([, v]) => v !== 'ok');
      if (bad.length === 0) outcomes.push(pass(address, 'no ingress from anywhere beyond the load-balancer exception'));
      for (const [p, verdict] of bad) {
        if (verdict === 'unknown') outcomes.push(unknown(address, `cannot tell whether ${p.key} is open to the internet`, p.key));
        else outcomes.push(fail(address, `${p.key} admits the whole internet`, p.key));
      }
    }
    return outcomes;
  },
};

function judge(stack: StackModel, p: IngressPermission): 'ok' | 'fail' | 'unknown' {
  if (p.fromAnywhere === false) return 'ok';
  if (p.ports !== 'all' && p.ports !== 'unknown' && p.protocol !== 'unknown') {
    const onlyAdmin = p.ports.from === p.ports.to && ADMIN_PORTS.includes(p.ports.from);
    if (onlyAdmin && (p.protocol === 'tcp' || p.protocol === 'udp')) return 'ok';
  }
  const exception = loadBalancerException(stack, p);
  if (exception === true) return 'ok';
  if (p.fromAnywhere === 'unknown' || exception === 'unknown') return 'unknown';
  return 'fail';
}

/** Whether the permission is 443 (or redirecting 80) on an internet-facing load balancer's group. */
function loadBalancerException(stack: StackModel, p: IngressPermission): boolean | 'unknown' {
  if (p.protocol !== 'tcp' || p.ports === 'all' || p.ports === 'unknown') return p.protocol === 'unknown' || p.ports === 'unknown' ? 'unknown' : false;
  const { from, to } = p.ports;
  const port = from === to ? from : undefined;
  if (port !== 80 && port !== 443) return false;
  if (p.group === 'unknown') return 'unknown';
  const lbs = internetFacingLoadBalancersOf(stack, p.group);
  if (lbs === 'unknown') return 'unknown';
  if (lbs.length === 0) return false;
  return port === 443 || lbs.every((lb) => redirectsHttp(stack, lb));
}
