import { StackModel } from '../../../../../compliance/types';
import { fixtureStack, ref } from '../../../../support/rules-fixtures';

/** An inline ingress block; `cidr` goes to `ipv6_cidr_blocks` when it is IPv6. */
export const ingress = (from: number, to: number, cidr: string, protocol = 'tcp') => ({
  from_port: from,
  to_port: to,
  protocol,
  cidr_blocks: cidr.includes(':') ? [] : [cidr],
  ipv6_cidr_blocks: cidr.includes(':') ? [cidr] : [],
});

/** One fixture for TF-NET-1 and TF-NET-2: every way a security group can be written. */
export function everyForm(): StackModel {
  return fixtureStack({
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
}

/** A group `g` plus separate rules on it, one per source, all on one port. */
export function splitSources(port: number, sources: readonly string[], options: { protocol?: string } = {}): StackModel {
  const legacy: Record<string, Record<string, unknown>> = {};
  const vpc: Record<string, Record<string, unknown>> = {};
  sources.forEach((cidr, i) => {
    const v6 = cidr.includes(':');
    if (i % 2 === 0) {
      legacy[`r${i}`] = { type: 'ingress', security_group_id: ref('aws_security_group.g.id'), protocol: options.protocol ?? 'tcp', from_port: port, to_port: port, ...(v6 ? { ipv6_cidr_blocks: [cidr] } : { cidr_blocks: [cidr] }) };
    } else {
      vpc[`r${i}`] = { security_group_id: ref('aws_security_group.g.id'), ip_protocol: options.protocol ?? 'tcp', from_port: port, to_port: port, ...(v6 ? { cidr_ipv6: cidr } : { cidr_ipv4: cidr }) };
    }
  });
  return fixtureStack({ aws_security_group: { g: {} }, aws_security_group_rule: legacy, aws_vpc_security_group_ingress_rule: vpc });
}
