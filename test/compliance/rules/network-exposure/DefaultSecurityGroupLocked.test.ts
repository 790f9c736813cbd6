import { DefaultSecurityGroupLocked } from '../../../../compliance/rules/network-exposure';
import { fixtureStack, ref, verdicts } from '../../../support/rules-fixtures';

describe('TF-NET-4 DefaultSecurityGroupLocked', () => {
  it('needs an adopted default group with no rules for every VPC', () => {
    const stack = fixtureStack({
      aws_vpc: { locked: {}, open: {}, missing: {}, extra_rule: {} },
      aws_default_security_group: {
        locked: { vpc_id: ref('aws_vpc.locked.id'), ingress: [], egress: [] },
        open: { vpc_id: ref('aws_vpc.open.id'), ingress: [{ from_port: 0, to_port: 0, protocol: '-1', self: true }] },
        extra_rule: { vpc_id: ref('aws_vpc.extra_rule.id') },
      },
      aws_vpc_security_group_ingress_rule: { into_default: { security_group_id: ref('aws_default_security_group.extra_rule.id'), ip_protocol: '-1', cidr_ipv4: '10.0.0.0/8' } },
    });
    expect(verdicts(DefaultSecurityGroupLocked, stack)).toEqual({ fail: ['aws_vpc.extra_rule', 'aws_vpc.missing', 'aws_vpc.open'], unknown: [], pass: ['aws_vpc.locked'] });
  });
  it('flags legacy rule resources on the default group and is unknown when a default group names an unresolved VPC', () => {
    const stack = fixtureStack({
      aws_vpc: { with_rule: {}, orphan: {} },
      aws_default_security_group: {
        with_rule: { vpc_id: ref('aws_vpc.with_rule.id') },
        elsewhere: { vpc_id: ref('var.vpc_id') },
      },
      aws_security_group_rule: { into_default: { type: 'ingress', security_group_id: ref('aws_default_security_group.with_rule.id'), protocol: 'tcp', from_port: 443, to_port: 443, cidr_blocks: ['10.0.0.0/8'] } },
    });
    expect(verdicts(DefaultSecurityGroupLocked, stack)).toEqual({ fail: ['aws_vpc.with_rule'], unknown: ['aws_vpc.orphan'], pass: [] });
  });

  it('is unknown when the adopted default group has dynamic blocks', () => {
    const stack = fixtureStack({
      aws_vpc: { v: {} },
      aws_default_security_group: { d: { vpc_id: ref('aws_vpc.v.id'), dynamic: { ingress: { for_each: ref('var.rules'), content: { protocol: '-1', from_port: 0, to_port: 0, self: true } } } } },
    });
    expect(verdicts(DefaultSecurityGroupLocked, stack)).toEqual({ fail: [], unknown: ['aws_vpc.v'], pass: [] });
  });
});
