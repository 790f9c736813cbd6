import { ClassicElbListenerTls } from '../../../../compliance/rules/encryption';
import { fixtureStack, ref, verdicts } from '../../../support/rules-fixtures';

const cert = 'arn:aws:acm:eu-west-1:111111111111:certificate/1';
const https = { instance_port: 8080, instance_protocol: 'http', lb_port: 443, lb_protocol: 'https', ssl_certificate_id: cert };
const tls12 = (elb: string, name: string, value = 'ELBSecurityPolicy-TLS-1-2-2017-01') => ({
  load_balancer_name: ref(`aws_elb.${elb}.name`),
  policy_name: name,
  policy_type_name: 'SSLNegotiationPolicyType',
  policy_attribute: [{ name: 'Reference-Security-Policy', value }],
});
const attach = (elb: string, policy: string, port = 443) => ({ load_balancer_name: ref(`aws_elb.${elb}.name`), load_balancer_port: port, policy_names: [ref(`aws_load_balancer_policy.${policy}.policy_name`)] });

describe('TF-ENC-17 ClassicElbListenerTls', () => {
  it('Compliance: HTTPS with a certificate and a TLS 1.2 reference policy, attached by listener policy or negotiation policy', () => {
    const stack = fixtureStack({
      aws_elb: { by_listener_policy: { name: 'a', listener: [https] }, by_negotiation: { name: 'b', listener: { ...https, lb_protocol: 'SSL' } }, internal_tcp: { internal: true, listener: [{ instance_port: 5432, instance_protocol: 'tcp', lb_port: 5432, lb_protocol: 'tcp' }] } },
      aws_load_balancer_policy: { a_tls: tls12('by_listener_policy', 'a-tls') },
      aws_load_balancer_listener_policy: { a_443: attach('by_listener_policy', 'a_tls') },
      aws_lb_ssl_negotiation_policy: { b: { name: 'b-tls', load_balancer: ref('aws_elb.by_negotiation.id'), lb_port: 443, attribute: [{ name: 'Reference-Security-Policy', value: 'ELBSecurityPolicy-TLS-1-2-Ext-2018-06' }] } },
    });
    expect(verdicts(ClassicElbListenerTls, stack)).toEqual({ fail: [], unknown: [], pass: ['aws_elb.by_listener_policy', 'aws_elb.by_negotiation', 'aws_elb.internal_tcp'] });
  });

  it('Noncompliance 1: plaintext listeners: HTTP anywhere, TCP to the internet', () => {
    const stack = fixtureStack({
      aws_elb: {
        http: { listener: { instance_port: 80, instance_protocol: 'http', lb_port: 80, lb_protocol: 'http' } },
        tcp_public: { listener: [{ instance_port: 443, instance_protocol: 'tcp', lb_port: 443, lb_protocol: 'TCP' }] },
        tcp_internal_string_false: { internal: 'false', listener: [{ instance_port: 443, instance_protocol: 'tcp', lb_port: 443, lb_protocol: 'tcp' }] },
        tcp_internal_var: { internal: ref('var.internal'), listener: [{ instance_port: 443, instance_protocol: 'tcp', lb_port: 443, lb_protocol: 'tcp' }] },
      },
    });
    expect(verdicts(ClassicElbListenerTls, stack)).toEqual({ fail: ['aws_elb.http', 'aws_elb.tcp_internal_string_false', 'aws_elb.tcp_public'], unknown: ['aws_elb.tcp_internal_var'], pass: [] });
  });

  it('Noncompliance 2: HTTPS without a certificate, on the default policy, or with a weak reference policy', () => {
    const stack = fixtureStack({
      aws_elb: { no_cert: { name: 'n', listener: [{ ...https, ssl_certificate_id: undefined }] }, default_policy: { name: 'd', listener: [https] }, weak: { name: 'w', listener: [https] }, other_port: { name: 'o', listener: [https] } },
      aws_load_balancer_policy: { n: tls12('no_cert', 'n-tls'), w: tls12('weak', 'w-old', 'ELBSecurityPolicy-2016-08'), o: tls12('other_port', 'o-tls') },
      aws_load_balancer_listener_policy: { n: attach('no_cert', 'n'), w: attach('weak', 'w'), o: attach('other_port', 'o', 8443) },
    });
    expect(verdicts(ClassicElbListenerTls, stack)).toEqual({ fail: ['aws_elb.default_policy', 'aws_elb.no_cert', 'aws_elb.other_port', 'aws_elb.weak'], unknown: [], pass: [] });
  });

  it('Noncompliance 3: what the rule cannot read is unknown', () => {
    const stack = fixtureStack({
      aws_elb: { computed_listeners: { listener: ref('var.listeners') }, computed_protocol: { listener: [{ ...https, lb_protocol: ref('var.p') }] }, custom_policy: { name: 'c', listener: [https] }, ambiguous: { name: 'x', listener: [https] } },
      aws_load_balancer_policy: { c: { load_balancer_name: ref('aws_elb.custom_policy.name'), policy_name: 'c', policy_type_name: 'SSLNegotiationPolicyType', policy_attribute: [{ name: 'Protocol-TLSv1.2', value: 'true' }] } },
      aws_load_balancer_listener_policy: { c: attach('custom_policy', 'c'), any: { load_balancer_name: ref('var.elb'), load_balancer_port: 443, policy_names: ['p'] } },
    });
    expect(verdicts(ClassicElbListenerTls, stack)).toEqual({ fail: [], unknown: ['aws_elb.ambiguous', 'aws_elb.computed_listeners', 'aws_elb.computed_protocol', 'aws_elb.custom_policy'], pass: [] });
  });
});
