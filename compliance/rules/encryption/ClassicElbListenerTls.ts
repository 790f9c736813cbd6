import { boolOf, checkEach, decide, defineRule, isSet, isUnresolved, numberOf } from '../../rule-kit';
import { nestedBlocks } from '../../rule-helpers/blocks';
import { classicTlsPolicies } from '../../rule-helpers/elb';

/** TF-ENC-17: classic ELB listeners encrypt traffic from clients with TLS 1.2+. */
export const ClassicElbListenerTls = defineRule(
  {
    id: 'TF-ENC-17',
    title: 'Ensure classic load balancer listeners use HTTPS or SSL with a certificate and a TLS 1.2+ security policy',
    category: 'encryption',
    level: 'error',
    resourceTypes: ['aws_elb', 'aws_load_balancer_listener_policy', 'aws_load_balancer_policy', 'aws_lb_ssl_negotiation_policy'],
    remediation:
      'Prefer an ALB or NLB. On a classic ELB, give every listener `lb_protocol = "HTTPS"` or `"SSL"` with an `ssl_certificate_id`, and attach an `aws_load_balancer_policy` of type `SSLNegotiationPolicyType` with `Reference-Security-Policy = "ELBSecurityPolicy-TLS-1-2-2017-01"` through an `aws_load_balancer_listener_policy` on that port. Without one the ELB uses ELBSecurityPolicy-2016-08, which admits TLS 1.0. HTTP listeners, and TCP listeners on an internet-facing ELB, carry plaintext.',
    references: { checkov: ['CKV_AWS_127'], cdkNag: ['NIST.800.53.R5-ELBTlsHttpsListenersOnly'] },
  },
  (stack) => {
    const policyFor = classicTlsPolicies(stack);
    return checkEach(stack, ['aws_elb'], (elb) => {
      const listeners = nestedBlocks(elb.values.listener);
      if (listeners === 'unknown') return decide(elb.address, [], ['listener is unresolved'], '');
      const problems: string[] = [];
      const unknowns: string[] = [];
      const internal = boolOf(elb.values.internal, false);
      for (const listener of listeners) {
        const port = numberOf(listener.lb_port);
        const name = `listener ${typeof port === 'number' ? port : '?'}`;
        const protocol = listener.lb_protocol;
        if (isUnresolved(protocol) || typeof protocol !== 'string') {
          unknowns.push(`${name} lb_protocol is unresolved`);
          continue;
        }
        const p = protocol.toUpperCase();
        if (p === 'HTTP') problems.push(`${name} serves plain HTTP`);
        else if (p === 'TCP') {
          if (internal === 'unknown') unknowns.push('internal is unresolved, so a TCP listener may face the internet');
          else if (!internal) problems.push(`${name} passes plain TCP from the internet`);
        } else if (p === 'HTTPS' || p === 'SSL') {
          if (!isSet(listener.ssl_certificate_id)) problems.push(`${name} is ${p} without an ssl_certificate_id`);
          if (typeof port !== 'number') {
            unknowns.push(`${name} lb_port is unresolved`);
            continue;
          }
          const verdict = policyFor(elb, port);
          if (verdict.kind === 'default') problems.push(`${name} has no SSL negotiation policy; the default ELBSecurityPolicy-2016-08 admits TLS 1.0`);
          else if (verdict.kind === 'weak') problems.push(`${name} uses ${verdict.policy}, which admits TLS below 1.2`);
          else if (verdict.kind === 'unknown') unknowns.push(`${name}: ${verdict.why}`);
        } else unknowns.push(`${name} lb_protocol ${JSON.stringify(protocol)} is not one this rule knows`);
      }
      return decide(elb.address, problems, unknowns, 'every listener uses TLS 1.2+');
    });
  },
);
