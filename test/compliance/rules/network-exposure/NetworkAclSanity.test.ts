import { NetworkAclSanity } from '../../../../compliance/rules/network-exposure';
import { fixtureStack, ref, verdicts } from '../../../support/rules-fixtures';

const rule = (rule_no: number, action: string, protocol: string, from_port: number, to_port: number, cidr_block = '0.0.0.0/0') => ({ rule_no, action, protocol, from_port, to_port, cidr_block });
const v6rule = (rule_no: number, action: string, protocol: string, from_port: number, to_port: number, ipv6_cidr_block: string) => ({ rule_no, action, protocol, from_port, to_port, ipv6_cidr_block });

/** A standalone `aws_network_acl_rule` on `aws_network_acl.<acl>`. */
const standalone = (acl: string, rule_number: unknown, rule_action: string, protocol: string, from_port: unknown, to_port: unknown, cidr: Record<string, unknown>, egress: unknown = false) => ({
  network_acl_id: ref(`aws_network_acl.${acl}.id`), rule_number, egress, rule_action, protocol, from_port, to_port, ...cidr,
});

describe('TF-NET-5 NetworkAclSanity', () => {
  it('flags allow-all and SSH/RDP from anywhere, honouring rule order', () => {
    const stack = fixtureStack({
      aws_network_acl: {
        https_only: { ingress: [rule(100, 'allow', 'tcp', 443, 443), rule(200, 'allow', '-1', 0, 0, '10.0.0.0/16')] },
        allow_all: { ingress: [rule(100, 'allow', '-1', 0, 0)] },
        ssh: { ingress: [rule(100, 'allow', 'tcp', 22, 22)] },
        shielded: { ingress: [rule(50, 'deny', 'tcp', 3389, 3389), rule(100, 'allow', 'tcp', 1024, 65535)] },
        ephemeral: { ingress: [rule(100, 'allow', 'tcp', 1024, 65535)] },
        standalone: {},
        var_cidr: { ingress: [{ ...rule(100, 'allow', 'tcp', 22, 22), cidr_block: ref('var.cidr') }] },
      },
      aws_network_acl_rule: { rdp: { network_acl_id: ref('aws_network_acl.standalone.id'), rule_number: 10, egress: false, rule_action: 'allow', protocol: 'tcp', from_port: 3389, to_port: 3389, cidr_block: '0.0.0.0/0' } },
    });
    expect(verdicts(NetworkAclSanity, stack)).toEqual({
      fail: ['aws_network_acl.allow_all', 'aws_network_acl.ephemeral', 'aws_network_acl.ssh', 'aws_network_acl.standalone'],
      unknown: ['aws_network_acl.var_cidr'],
      pass: ['aws_network_acl.https_only', 'aws_network_acl.shielded'],
    });
  });

  describe('Noncompliance: entries', () => {
    it.each([
      ['two IPv4 halves allowing SSH', [rule(100, 'allow', 'tcp', 22, 22, '0.0.0.0/1'), rule(110, 'allow', 'tcp', 22, 22, '128.0.0.0/1')]],
      ['two IPv6 halves allowing everything', [v6rule(100, 'allow', '-1', 0, 0, '::/1'), v6rule(110, 'allow', 'all', 0, 0, '8000::/1')]],
      ['a deny that shields only half the internet', [rule(50, 'deny', 'tcp', 22, 22, '0.0.0.0/1'), rule(100, 'allow', 'tcp', 0, 65535)]],
      ['protocol "6" over every port', [rule(100, 'allow', '6', 0, 65535)]],
      ['0.0.0.0/00', [rule(100, 'allow', 'tcp', 3389, 3389, '0.0.0.0/00')]],
      ['a public /8', [rule(100, 'allow', 'tcp', 22, 22, '11.0.0.0/8')]],
      ['an allow from anywhere ahead of a deny', [rule(100, 'allow', '-1', 0, 0), rule(200, 'deny', '-1', 0, 0)]],
    ])('GIVEN %s THEN the ACL fails', (_why, ingress) => {
      const stack = fixtureStack({ aws_network_acl: { acl: { ingress } } });
      expect(verdicts(NetworkAclSanity, stack).fail).toEqual(['aws_network_acl.acl']);
    });

    it('GIVEN standalone rules of both families splitting the internet THEN the ACL they attach to fails', () => {
      const stack = fixtureStack({
        aws_network_acl: { v4: {}, v6: {} },
        aws_network_acl_rule: {
          a: standalone('v4', 100, 'allow', 'tcp', 22, 22, { cidr_block: '0.0.0.0/1' }),
          b: standalone('v4', 110, 'allow', 'tcp', 22, 22, { cidr_block: '128.0.0.0/1' }),
          c: standalone('v6', 100, 'allow', '-1', 0, 0, { ipv6_cidr_block: '::/0' }),
          egress_only: standalone('v4', 120, 'allow', '-1', 0, 0, { cidr_block: '0.0.0.0/0' }, true),
        },
      });
      expect(verdicts(NetworkAclSanity, stack)).toEqual({ fail: ['aws_network_acl.v4', 'aws_network_acl.v6'], unknown: [], pass: [] });
    });

    it('GIVEN an allow from anywhere with an unresolved rule number and nothing ahead to deny it THEN it fails', () => {
      const stack = fixtureStack({ aws_network_acl: { acl: { ingress: [{ ...rule(100, 'allow', 'tcp', 22, 22), rule_no: ref('var.n') }] } } });
      expect(verdicts(NetworkAclSanity, stack).fail).toEqual(['aws_network_acl.acl']);
    });

    it('GIVEN an adopted default ACL that keeps an allow-all entry THEN it fails', () => {
      const stack = fixtureStack({ aws_vpc: { v: {} }, aws_default_network_acl: { d: { default_network_acl_id: ref('aws_vpc.v.default_network_acl_id'), ingress: [rule(100, 'allow', '-1', 0, 0)] } } });
      expect(verdicts(NetworkAclSanity, stack).fail).toEqual(['aws_default_network_acl.d']);
    });
  });

  describe('ACLs past the exact-walk bound (AWS allows 40 entries)', () => {
    // Narrow entries over every TCP port, so every one of them takes part in judging SSH.
    const many = (n: number) => Array.from({ length: n }, (_, i) => rule(1000 + i, 'allow', 'tcp', 0, 65535, `81.${i % 250}.${Math.floor(i / 250)}.0/24`));
    it('still fails an allow from anywhere among hundreds of narrow entries', () => {
      const stack = fixtureStack({ aws_network_acl: { acl: { ingress: [...many(300), rule(5000, 'allow', 'tcp', 22, 22)] } } });
      expect(verdicts(NetworkAclSanity, stack).fail).toEqual(['aws_network_acl.acl']);
    });
    it('no longer proves a shielding deny safe, but never passes what it allows', () => {
      const stack = fixtureStack({ aws_network_acl: { acl: { ingress: [rule(1, 'deny', '-1', 0, 0), ...many(300), rule(5000, 'allow', 'tcp', 22, 22)] } } });
      expect(verdicts(NetworkAclSanity, stack)).toEqual({ fail: [], unknown: ['aws_network_acl.acl'], pass: [] });
    });
    it('passes hundreds of narrow entries', () => {
      const stack = fixtureStack({ aws_network_acl: { acl: { ingress: many(300) } } });
      expect(verdicts(NetworkAclSanity, stack).pass).toEqual(['aws_network_acl.acl']);
    });
  });

  describe('Unknown: entries', () => {
    it('GIVEN a deny from anywhere ahead of an allow whose rule number is unresolved THEN it is unknown', () => {
      const stack = fixtureStack({ aws_network_acl: { acl: { ingress: [rule(10, 'deny', 'tcp', 22, 22), { ...rule(100, 'allow', 'tcp', 22, 22), rule_no: ref('var.n') }] } } });
      expect(verdicts(NetworkAclSanity, stack).unknown).toEqual(['aws_network_acl.acl']);
    });

    it.each([
      ['egress', { egress: ref('var.egress') }],
      ['rule action', { rule_action: ref('var.action') }],
      ['protocol', { protocol: ref('var.protocol') }],
      ['ports', { from_port: ref('var.port'), to_port: ref('var.port') }],
    ])('GIVEN a standalone allow from anywhere with an unresolved %s THEN it is unknown', (_why, override) => {
      const stack = fixtureStack({ aws_network_acl: { acl: {} }, aws_network_acl_rule: { r: { ...standalone('acl', 100, 'allow', 'tcp', 22, 22, { cidr_block: '0.0.0.0/0' }), ...override } } });
      expect(verdicts(NetworkAclSanity, stack)).toEqual({ fail: [], unknown: ['aws_network_acl.acl'], pass: [] });
    });

    it('GIVEN a standalone rule whose ACL cannot be resolved THEN every ACL it may belong to is unknown', () => {
      const stack = fixtureStack({ aws_network_acl: { a: {}, b: {} }, aws_network_acl_rule: { r: { ...standalone('a', 100, 'allow', '-1', 0, 0, { cidr_block: '0.0.0.0/0' }), network_acl_id: ref('var.acl') } } });
      expect(verdicts(NetworkAclSanity, stack)).toEqual({ fail: ['aws_network_acl_rule.r'], unknown: ['aws_network_acl.a', 'aws_network_acl.b'], pass: [] });
    });

    it('GIVEN standalone rules on an ACL outside the stack THEN each is judged on its own', () => {
      const outside = (extra: Record<string, unknown>) => ({ ...standalone('x', 100, 'allow', 'tcp', 22, 22, { cidr_block: '0.0.0.0/0' }), network_acl_id: 'acl-0123456789abcdef0', ...extra });
      const stack = fixtureStack({
        aws_network_acl_rule: {
          ssh: outside({}),
          https: outside({ from_port: 443, to_port: 443 }),
          maybe_egress: outside({ egress: ref('var.egress') }),
          deny: outside({ rule_action: 'deny' }),
        },
      });
      expect(verdicts(NetworkAclSanity, stack)).toEqual({
        fail: ['aws_network_acl_rule.ssh'],
        unknown: ['aws_network_acl_rule.maybe_egress'],
        pass: ['aws_network_acl_rule.deny', 'aws_network_acl_rule.https'],
      });
    });

    it('GIVEN a dynamic ingress block THEN it is unknown', () => {
      const stack = fixtureStack({ aws_network_acl: { acl: { dynamic: { ingress: { for_each: ref('var.rules'), content: rule(100, 'allow', '-1', 0, 0) } } } } });
      expect(verdicts(NetworkAclSanity, stack).unknown).toEqual(['aws_network_acl.acl']);
    });
  });

  describe('subnets on the default network ACL', () => {
    const vpcs = { adopted: {}, bare: {} };
    it('flags a subnet associated with no ACL in a VPC whose default ACL nobody adopts', () => {
      const stack = fixtureStack({
        aws_vpc: vpcs,
        aws_default_network_acl: { d: { default_network_acl_id: ref('aws_vpc.adopted.default_network_acl_id') } },
        aws_network_acl: { tier: { vpc_id: ref('aws_vpc.bare.id'), subnet_ids: [ref('aws_subnet.in_tier.id')], ingress: [rule(100, 'allow', 'tcp', 443, 443)] } },
        aws_network_acl_association: { assoc: { network_acl_id: ref('aws_network_acl.tier.id'), subnet_id: ref('aws_subnet.associated.id') } },
        aws_subnet: {
          in_tier: { vpc_id: ref('aws_vpc.bare.id'), cidr_block: '10.0.0.0/24' },
          associated: { vpc_id: ref('aws_vpc.bare.id'), cidr_block: '10.0.1.0/24' },
          on_default: { vpc_id: ref('aws_vpc.bare.id'), cidr_block: '10.0.2.0/24' },
          on_adopted_default: { vpc_id: ref('aws_vpc.adopted.id'), cidr_block: '10.1.0.0/24' },
          outside_vpc: { vpc_id: ref('var.vpc_id'), cidr_block: '10.2.0.0/24' },
        },
      });
      expect(verdicts(NetworkAclSanity, stack)).toEqual({
        fail: ['aws_subnet.on_default'],
        unknown: ['aws_subnet.outside_vpc'],
        pass: ['aws_default_network_acl.d', 'aws_network_acl.tier', 'aws_subnet.associated', 'aws_subnet.in_tier', 'aws_subnet.on_adopted_default'],
      });
    });

    it('is unknown when an association names a subnet that cannot be resolved', () => {
      const stack = fixtureStack({
        aws_vpc: { v: {} },
        aws_network_acl: { tier: { vpc_id: ref('aws_vpc.v.id'), subnet_ids: ref('var.subnet_ids') } },
        aws_subnet: { s: { vpc_id: ref('aws_vpc.v.id'), cidr_block: '10.0.0.0/24' } },
      });
      expect(verdicts(NetworkAclSanity, stack).unknown).toEqual(['aws_subnet.s']);
    });

    it('is unknown when a default ACL is adopted by an ID that cannot be traced to a VPC', () => {
      const stack = fixtureStack({
        aws_vpc: { v: {} },
        aws_default_network_acl: { d: { default_network_acl_id: ref('var.acl_id') } },
        aws_subnet: { s: { vpc_id: ref('aws_vpc.v.id'), cidr_block: '10.0.0.0/24' } },
      });
      expect(verdicts(NetworkAclSanity, stack).unknown).toEqual(['aws_subnet.s']);
    });
  });
});
