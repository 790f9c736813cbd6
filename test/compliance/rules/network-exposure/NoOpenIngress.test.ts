import { NoAdminPortsFromAnywhere, NoOpenIngress } from '../../../../compliance/rules/network-exposure';
import { fixtureStack, ref, verdicts } from '../../../support/rules-fixtures';

const ingress = (from: number, to: number, cidr: string, protocol = 'tcp') => ({ from_port: from, to_port: to, protocol, cidr_blocks: cidr.includes(':') ? [] : [cidr], ipv6_cidr_blocks: cidr.includes(':') ? [cidr] : [] });

/** One fixture for TF-NET-1 and TF-NET-2: every way a security group can be written. */
const stack = fixtureStack({
  aws_security_group: {
    lb_https: { ingress: [ingress(443, 443, '0.0.0.0/0')] },
    lb_http_redirect: { ingress: [ingress(80, 80, '0.0.0.0/0')] },
    lb_http_forward: { ingress: [ingress(80, 80, '0.0.0.0/0')] },
    app_https_anywhere: { ingress: [ingress(443, 443, '0.0.0.0/0')] },
    ssh_only: { ingress: [ingress(22, 22, '0.0.0.0/0')] },
    all_v6: { ingress: [ingress(0, 0, '::/0', '-1')] },
    private_cidr: { ingress: [ingress(22, 22, '10.0.0.0/8')] },
    no_rules: {},
    var_cidr: { ingress: [{ from_port: 5432, to_port: 5432, protocol: 'tcp', cidr_blocks: [ref('var.cidr')] }] },
    target: {},
  },
  aws_lb: {
    public_https: { internal: false, security_groups: [ref('aws_security_group.lb_https.id')] },
    public_redirect: { security_groups: [ref('aws_security_group.lb_http_redirect.id')] },
    public_forward: { security_groups: [ref('aws_security_group.lb_http_forward.id')] },
  },
  aws_lb_listener: {
    redirect: { load_balancer_arn: ref('aws_lb.public_redirect.arn'), port: 80, protocol: 'HTTP', default_action: [{ type: 'redirect', redirect: [{ protocol: 'HTTPS' }] }] },
    forward: { load_balancer_arn: ref('aws_lb.public_forward.arn'), port: 80, protocol: 'HTTP', default_action: [{ type: 'forward' }] },
  },
  aws_security_group_rule: {
    rdp_anywhere: { type: 'ingress', security_group_id: ref('aws_security_group.target.id'), from_port: 3389, to_port: 3389, protocol: 'tcp', cidr_blocks: ['0.0.0.0/0'] },
    wide_range: { type: 'ingress', security_group_id: ref('aws_security_group.target.id'), from_port: 0, to_port: 65535, protocol: 'tcp', cidr_blocks: ['0.0.0.0/0'] },
    egress_anywhere: { type: 'egress', security_group_id: ref('aws_security_group.target.id'), from_port: 0, to_port: 0, protocol: '-1', cidr_blocks: ['0.0.0.0/0'] },
  },
  aws_vpc_security_group_ingress_rule: {
    v6_ssh: { security_group_id: ref('aws_security_group.target.id'), ip_protocol: 'tcp', from_port: 22, to_port: 22, cidr_ipv6: '::/0' },
    from_group: { security_group_id: ref('aws_security_group.target.id'), ip_protocol: '-1', referenced_security_group_id: ref('aws_security_group.lb_https.id') },
    unknown_group_https: { security_group_id: ref('var.sg'), ip_protocol: 'tcp', from_port: 443, to_port: 443, cidr_ipv4: '0.0.0.0/0' },
  },
});

describe('TF-NET-1 NoOpenIngress', () => {
  it('allows only 443 (and redirecting 80) on internet-facing load balancers', () => {
    expect(verdicts(NoOpenIngress, stack)).toEqual({
      fail: ['aws_security_group.all_v6', 'aws_security_group.app_https_anywhere', 'aws_security_group.lb_http_forward', 'aws_security_group_rule.wide_range'],
      unknown: ['aws_security_group.var_cidr', 'aws_vpc_security_group_ingress_rule.unknown_group_https'],
      pass: [
        'aws_security_group.lb_http_redirect', 'aws_security_group.lb_https', 'aws_security_group.no_rules', 'aws_security_group.private_cidr',
        'aws_security_group.ssh_only', 'aws_security_group.target', 'aws_security_group_rule.rdp_anywhere',
        'aws_vpc_security_group_ingress_rule.from_group', 'aws_vpc_security_group_ingress_rule.v6_ssh',
      ],
    });
  });
});

describe('TF-NET-2 NoAdminPortsFromAnywhere', () => {
  it('is unknown when SSH could be open to an unresolved CIDR', () => {
    const s = fixtureStack({ aws_security_group: { g: { ingress: [{ from_port: 22, to_port: 22, protocol: 'tcp', cidr_blocks: [ref('var.admin_cidr')] }] } } });
    expect(verdicts(NoAdminPortsFromAnywhere, s)).toEqual({ fail: [], unknown: ['aws_security_group.g'], pass: [] });
  });

  it('flags SSH/RDP from anywhere in inline, legacy-rule and vpc-rule forms', () => {
    expect(verdicts(NoAdminPortsFromAnywhere, stack)).toEqual({
      fail: ['aws_security_group.all_v6', 'aws_security_group.ssh_only', 'aws_security_group_rule.rdp_anywhere', 'aws_security_group_rule.wide_range', 'aws_vpc_security_group_ingress_rule.v6_ssh'],
      unknown: [],
      pass: [
        'aws_security_group.app_https_anywhere', 'aws_security_group.lb_http_forward', 'aws_security_group.lb_http_redirect', 'aws_security_group.lb_https',
        'aws_security_group.no_rules', 'aws_security_group.private_cidr', 'aws_security_group.target', 'aws_security_group.var_cidr',
        'aws_vpc_security_group_ingress_rule.from_group', 'aws_vpc_security_group_ingress_rule.unknown_group_https',
      ],
    });
  });
});
