import { LoadBalancerListenerTls } from '../../../../compliance/rules/encryption';
import { isTls12Policy } from '../../../../compliance/rule-helpers/tls';
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

  it('Noncompliance: a redirecting HTTP listener with a listener rule that forwards serves plain HTTP', () => {
    const redirect = [{ type: 'redirect', redirect: [{ protocol: 'HTTPS', port: '443', status_code: 'HTTP_301' }] }];
    const stack = fixtureStack({
      aws_lb: { main: {} },
      aws_lb_listener: {
        leaky: { load_balancer_arn: lb, port: 80, protocol: 'HTTP', default_action: redirect },
        clean: { load_balancer_arn: lb, port: 8080, protocol: 'http', default_action: redirect },
        computed_action: { load_balancer_arn: lb, port: 81, protocol: 'HTTP', default_action: ref('var.actions') },
        default_protocol_redirect: { load_balancer_arn: lb, port: 82, protocol: 'HTTP', default_action: { type: 'redirect', redirect: { port: '443' } } },
      },
      aws_lb_listener_rule: {
        forward: { listener_arn: ref('aws_lb_listener.leaky.arn'), action: [{ type: 'forward', target_group_arn: ref('aws_lb_target_group.t.arn') }], condition: [{ path_pattern: [{ values: ['/api/*'] }] }] },
        also_redirect: { listener_arn: ref('aws_lb_listener.clean.arn'), action: redirect, condition: [{ path_pattern: [{ values: ['/x'] }] }] },
      },
    });
    expect(verdicts(LoadBalancerListenerTls, stack)).toEqual({
      fail: ['aws_lb_listener.default_protocol_redirect', 'aws_lb_listener.leaky'],
      unknown: ['aws_lb_listener.computed_action'],
      pass: ['aws_lb_listener.clean'],
    });
  });

  it('a listener rule on an unresolvable listener makes redirecting HTTP listeners unknown', () => {
    const stack = fixtureStack({
      aws_lb_listener: { http: { load_balancer_arn: lb, port: 80, protocol: 'HTTP', default_action: { type: 'redirect', redirect: { protocol: 'HTTPS' } } } },
      aws_alb_listener_rule: { r: { listener_arn: ref('var.listener'), action: { type: 'forward', target_group_arn: 'arn:tg' }, condition: { path_pattern: { values: ['/'] } } } },
    });
    expect(verdicts(LoadBalancerListenerTls, stack)).toEqual({ fail: [], unknown: ['aws_lb_listener.http'], pass: [] });
  });
});
