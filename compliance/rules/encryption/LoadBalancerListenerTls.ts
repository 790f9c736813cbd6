import { Rule } from '../../types';
import { decide, pass } from '../_shared/outcomes';
import { blockOf, blocksOf, isUnresolved, resourcesOf } from '../_shared/values';

/**
 * ELB security policies that refuse anything below TLS 1.2. The 2016-08
 * default, the TLS-1-1 and the plain FS policies still admit TLS 1.0/1.1.
 */
export function isTls12Policy(policy: string): boolean {
  return /^ELBSecurityPolicy-(TLS13-1-[23]-|TLS-1-2-|FS-1-2-)/.test(policy);
}

/** Protocols that carry no payload encryption the listener could enforce (NLB pass-through). */
const PASS_THROUGH = ['TCP', 'UDP', 'TCP_UDP', 'GENEVE'];

/** TF-ENC-14: ALB/NLB listeners use HTTPS/TLS with a TLS 1.2+ policy; plain HTTP only to redirect. */
export const LoadBalancerListenerTls: Rule = {
  meta: {
    id: 'TF-ENC-14',
    title: 'Ensure load balancer listeners use HTTPS or TLS with a TLS 1.2+ security policy, and HTTP only to redirect to HTTPS',
    category: 'encryption',
    level: 'error',
    resourceTypes: ['aws_lb_listener', 'aws_alb_listener'],
    remediation:
      'Use `protocol = "HTTPS"` (ALB) or `"TLS"` (NLB) with an ACM certificate and `ssl_policy = "ELBSecurityPolicy-TLS13-1-2-2021-06"`. Keep a port-80 HTTP listener only with a `redirect { protocol = "HTTPS", status_code = "HTTP_301" }` default action. TCP/UDP pass-through listeners are accepted: the targets terminate TLS.',
    references: { checkov: ['CKV_AWS_2', 'CKV_AWS_103'], cdkNag: ['NIST.800.53.R5-ELBTlsHttpsListenersOnly', 'AwsSolutions-ELB2'] },
    invariant: false,
  },
  check(stack) {
    return resourcesOf(stack, 'aws_lb_listener', 'aws_alb_listener').map((listener) => {
      const protocol = listener.values.protocol ?? 'HTTP';
      if (isUnresolved(protocol)) return decide(listener.address, [], ['protocol is unresolved'], '');
      const p = String(protocol).toUpperCase();
      if (PASS_THROUGH.includes(p)) return pass(listener.address, `${p} pass-through; TLS is the targets' to terminate`);
      if (p === 'HTTP') {
        const actions = blocksOf(listener.values.default_action);
        if (actions.some((a) => isUnresolved(a.type) || isUnresolved(blockOf(a.redirect).protocol))) {
          return decide(listener.address, [], ['default_action is unresolved'], '');
        }
        const redirects = actions.length > 0 && actions.every((a) => a.type === 'redirect' && String(blockOf(a.redirect).protocol ?? '').toUpperCase() === 'HTTPS');
        return decide(listener.address, redirects ? [] : ['plain HTTP listener that does not redirect to HTTPS'], [], 'HTTP only redirects to HTTPS');
      }
      const policy = listener.values.ssl_policy;
      if (isUnresolved(policy)) return decide(listener.address, [], ['ssl_policy is unresolved'], '');
      if (typeof policy !== 'string' || policy === '') {
        return decide(listener.address, ['ssl_policy is not set; the default policy admits TLS 1.0'], [], '');
      }
      return decide(listener.address, isTls12Policy(policy) ? [] : [`ssl_policy ${policy} admits TLS below 1.2`], [], `${p} with ${policy}`);
    });
  },
};
