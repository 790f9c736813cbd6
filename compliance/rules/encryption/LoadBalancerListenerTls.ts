import { checkEach, decide, defineRule, isUnresolved, pass, type Tri } from '../../rule-kit';
import { nestedBlock, nestedBlocks } from '../../rule-helpers/blocks';
import { companionIndex } from '../../rule-helpers/links';
import { isTls12Policy } from '../../rule-helpers/tls';

/** Protocols that carry no payload encryption the listener could enforce (NLB pass-through). */
const PASS_THROUGH = ['TCP', 'UDP', 'TCP_UDP', 'GENEVE'];
const LISTENERS = ['aws_lb_listener', 'aws_alb_listener'];
const LISTENER_RULES = ['aws_lb_listener_rule', 'aws_alb_listener_rule'];

/** Whether every action of a list redirects to HTTPS; `'unknown'` when one cannot be read. */
function allRedirectToHttps(actionsValue: unknown): Tri {
  const actions = nestedBlocks(actionsValue);
  if (actions === 'unknown') return 'unknown';
  let unknown = false;
  for (const action of actions) {
    if (isUnresolved(action.type)) {
      unknown = true;
      continue;
    }
    if (action.type !== 'redirect') return false;
    const redirect = nestedBlock(action.redirect);
    if (redirect === 'unknown' || isUnresolved(redirect.protocol)) unknown = true;
    // The redirect's protocol defaults to `#{protocol}`: the same plain HTTP.
    else if (String(redirect.protocol ?? '').toUpperCase() !== 'HTTPS') return false;
  }
  if (unknown) return 'unknown';
  return actions.length > 0;
}

/** TF-ENC-14: ALB/NLB listeners use HTTPS/TLS with a TLS 1.2+ policy; plain HTTP only to redirect. */
export const LoadBalancerListenerTls = defineRule(
  {
    id: 'TF-ENC-14',
    title: 'Ensure load balancer listeners use HTTPS or TLS with a TLS 1.2+ security policy, and HTTP only to redirect to HTTPS',
    category: 'encryption',
    level: 'error',
    resourceTypes: [...LISTENERS, ...LISTENER_RULES],
    remediation:
      'Use `protocol = "HTTPS"` (ALB) or `"TLS"` (NLB) with an ACM certificate and `ssl_policy = "ELBSecurityPolicy-TLS13-1-2-2021-06"`. Keep a port-80 HTTP listener only with a `redirect { protocol = "HTTPS", status_code = "HTTP_301" }` default action, and attach no listener rule to it that does anything but redirect to HTTPS. TCP/UDP pass-through listeners are accepted: the targets terminate TLS.',
    references: { checkov: ['CKV_AWS_2', 'CKV_AWS_103'], cdkNag: ['NIST.800.53.R5-ELBTlsHttpsListenersOnly', 'AwsSolutions-ELB2'] },
  },
  (stack) => {
    const rulesOf = companionIndex(stack, LISTENERS, LISTENER_RULES, 'listener_arn', []);
    return checkEach(stack, LISTENERS, (listener) => {
      const protocol = listener.values.protocol ?? 'HTTP';
      if (isUnresolved(protocol)) return decide(listener.address, [], ['protocol is unresolved'], '');
      const p = String(protocol).toUpperCase();
      if (PASS_THROUGH.includes(p)) return pass(listener.address, `${p} pass-through; TLS is the targets' to terminate`);
      if (p === 'HTTP') {
        const problems: string[] = [];
        const unknowns: string[] = [];
        const redirects = allRedirectToHttps(listener.values.default_action);
        if (redirects === 'unknown') unknowns.push('default_action is unresolved');
        else if (!redirects) problems.push('plain HTTP listener that does not redirect to HTTPS');
        const { matches, ambiguous } = rulesOf(listener);
        for (const rule of matches) {
          const ruleRedirects = allRedirectToHttps(rule.values.action);
          if (ruleRedirects === 'unknown') unknowns.push(`listener rule ${rule.address} has unresolved actions`);
          else if (!ruleRedirects) problems.push(`listener rule ${rule.address} serves plain HTTP instead of redirecting to HTTPS`);
        }
        if (ambiguous) unknowns.push('a listener rule names a listener that cannot be resolved');
        return decide(listener.address, problems, unknowns, 'HTTP only redirects to HTTPS');
      }
      const policy = listener.values.ssl_policy;
      if (isUnresolved(policy)) return decide(listener.address, [], ['ssl_policy is unresolved'], '');
      if (typeof policy !== 'string' || policy === '') {
        return decide(listener.address, ['ssl_policy is not set; the default policy admits TLS 1.0'], [], '');
      }
      return decide(listener.address, isTls12Policy(policy) ? [] : [`ssl_policy ${policy} admits TLS below 1.2`], [], `${p} with ${policy}`);
    });
  },
);
