import { LoadBalancerListenerTls } from '../../../../compliance/rules/encryption';
import { isTls12Policy } from '../../../../compliance/rules/encryption/LoadBalancerListenerTls';
import { fixtureStack, ref, verdicts } from '../../../support/rules-fixtures';

const lb = ref('aws_lb.main.arn');

describe('TF-ENC-14 LoadBalancerListenerTls', () => {
  it('accepts HTTPS/TLS with TLS 1.2 policies, HTTP redirects and pass-through; rejects the rest', () => {
    const stack = fixtureStack({
      aws_lb: { main: { internal: false } },
      aws_lb_listener: {
        https: { load_balancer_arn: lb, port: 443, protocol: 'HTTPS', ssl_policy: 'ELBSecurityPolicy-TLS13-1-2-2021-06', default_action: [{ type: 'fixed-response' }] },
        tls_nlb: { load_balancer_arn: lb, port: 443, protocol: 'TLS', ssl_policy: 'ELBSecurityPolicy-TLS-1-2-Ext-2018-06' },
        tcp: { load_balancer_arn: lb, port: 5432, protocol: 'TCP' },
        redirect: { load_balancer_arn: lb, port: 80, protocol: 'HTTP', default_action: [{ type: 'redirect', redirect: [{ protocol: 'HTTPS', port: '443', status_code: 'HTTP_301' }] }] },
        http_forward: { load_balancer_arn: lb, port: 80, protocol: 'HTTP', default_action: [{ type: 'forward', target_group_arn: ref('aws_lb_target_group.t.arn') }] },
        no_protocol: { load_balancer_arn: lb, port: 80, default_action: [{ type: 'forward' }] },
        old_policy: { load_balancer_arn: lb, port: 443, protocol: 'HTTPS', ssl_policy: 'ELBSecurityPolicy-2016-08' },
        no_policy: { load_balancer_arn: lb, port: 443, protocol: 'HTTPS' },
        policy_var: { load_balancer_arn: lb, port: 443, protocol: 'HTTPS', ssl_policy: ref('var.policy') },
      },
      aws_alb_listener: { legacy_redirect_to_http: { port: 80, protocol: 'HTTP', default_action: { type: 'redirect', redirect: { protocol: 'HTTP', port: '8080' } } } },
    });
    expect(verdicts(LoadBalancerListenerTls, stack)).toEqual({
      fail: ['aws_alb_listener.legacy_redirect_to_http', 'aws_lb_listener.http_forward', 'aws_lb_listener.no_policy', 'aws_lb_listener.no_protocol', 'aws_lb_listener.old_policy'],
      unknown: ['aws_lb_listener.policy_var'],
      pass: ['aws_lb_listener.https', 'aws_lb_listener.redirect', 'aws_lb_listener.tcp', 'aws_lb_listener.tls_nlb'],
    });
  });

  it.each([
    ['ELBSecurityPolicy-TLS13-1-2-2021-06', true],
    ['ELBSecurityPolicy-TLS13-1-3-2021-06', true],
    ['ELBSecurityPolicy-FS-1-2-Res-2020-10', true],
    ['ELBSecurityPolicy-TLS13-1-1-2021-06', false],
    ['ELBSecurityPolicy-TLS-1-1-2017-01', false],
    ['ELBSecurityPolicy-FS-2018-06', false],
  ])('%s admits only TLS 1.2+: %s', (policy, expected) => {
    expect(isTls12Policy(policy)).toBe(expected);
  });
});
