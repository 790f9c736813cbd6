import { NoAdminPortsFromAnywhere } from '../../../../compliance/rules/network-exposure';
import { fixtureStack, ref, verdicts } from '../../../support/rules-fixtures';
import { everyForm, ingress, splitSources } from './support/security-groups';

const rule = NoAdminPortsFromAnywhere;

describe('TF-NET-2 NoAdminPortsFromAnywhere', () => {
  it('is unknown when SSH could be open to an unresolved CIDR', () => {
    const s = fixtureStack({ aws_security_group: { g: { ingress: [{ from_port: 22, to_port: 22, protocol: 'tcp', cidr_blocks: [ref('var.admin_cidr')] }] } } });
    expect(verdicts(rule, s)).toEqual({ fail: [], unknown: ['aws_security_group.g'], pass: [] });
  });

  it('flags SSH/RDP from anywhere in inline, legacy-rule and vpc-rule forms', () => {
    expect(verdicts(rule, everyForm())).toEqual({
      fail: ['aws_security_group.all_v6', 'aws_security_group.ssh_only', 'aws_security_group_rule.rdp_anywhere', 'aws_security_group_rule.wide_range', 'aws_vpc_security_group_ingress_rule.v6_ssh'],
      unknown: [],
      pass: [
        'aws_security_group.app_https_anywhere', 'aws_security_group.lb_http_forward', 'aws_security_group.lb_http_redirect', 'aws_security_group.lb_https',
        'aws_security_group.no_rules', 'aws_security_group.private_cidr', 'aws_security_group.target', 'aws_security_group.var_cidr',
        'aws_vpc_security_group_ingress_rule.from_group', 'aws_vpc_security_group_ingress_rule.unknown_group_https',
      ],
    });
  });

  describe('Noncompliance: the internet split, respelt or widened', () => {
    it.each([
      ['two IPv4 halves in two rule resources', ['0.0.0.0/1', '128.0.0.0/1']],
      ['two IPv6 halves', ['::/1', '8000::/1']],
      ['four IPv4 quarters', ['0.0.0.0/2', '64.0.0.0/2', '128.0.0.0/2', '192.0.0.0/2']],
      ['two public /9s that add up to a /8', ['1.0.0.0/9', '1.128.0.0/9']],
    ])('GIVEN %s on port 22 THEN every part fails', (_why, sources) => {
      const v = verdicts(rule, splitSources(22, sources));
      expect(v.fail).toHaveLength(sources.length);
      expect(v.unknown).toEqual([]);
    });

    it.each(['0.0.0.0/00', '0::/0', '::0/0', '0:0:0:0:0:0:0:0/0', '1.0.0.0/8', '11.0.0.0/8', '0.0.0.0/5', '2000::/3', '2a00::/16', '10.0.0.1/1'])('GIVEN SSH from %s THEN it fails', (cidr) => {
      const s = fixtureStack({ aws_security_group: { g: { ingress: [ingress(22, 22, cidr)] } } });
      expect(verdicts(rule, s).fail).toEqual(['aws_security_group.g']);
    });

    it.each([
      ['protocol -1', ingress(0, 0, '0.0.0.0/0', '-1')],
      ['protocol "all"', ingress(0, 0, '0.0.0.0/0', 'all')],
      ['protocol "6"', ingress(22, 22, '0.0.0.0/0', '6')],
      ['protocol "006"', ingress(22, 22, '0.0.0.0/0', '006')],
      ['protocol "TCP"', ingress(22, 22, '0.0.0.0/0', 'TCP')],
      ['tcp 0-65535', ingress(0, 65535, '0.0.0.0/0')],
      ['tcp 20-25', ingress(20, 25, '0.0.0.0/0')],
      ['tcp 3000-4000 (RDP inside)', ingress(3000, 4000, '0.0.0.0/0')],
      ['udp 3389 (RDP over UDP)', ingress(3389, 3389, '0.0.0.0/0', 'udp')],
      ['protocol "17" 3389', ingress(3389, 3389, '::/0', '17')],
    ])('GIVEN %s from anywhere THEN it fails', (_why, block) => {
      const s = fixtureStack({ aws_security_group: { g: { ingress: [block] } } });
      expect(verdicts(rule, s).fail).toEqual(['aws_security_group.g']);
    });

    it('GIVEN a managed prefix list holding 0.0.0.0/0 (inline entry or entry resource) THEN rules that use it fail', () => {
      const s = fixtureStack({
        aws_ec2_managed_prefix_list: { inline: { name: 'a', address_family: 'IPv4', max_entries: 1, entry: [{ cidr: '0.0.0.0/0' }] }, separate: { name: 'b', address_family: 'IPv6', max_entries: 2 } },
        aws_ec2_managed_prefix_list_entry: { lower: { prefix_list_id: ref('aws_ec2_managed_prefix_list.separate.id'), cidr: '::/1' }, upper: { prefix_list_id: ref('aws_ec2_managed_prefix_list.separate.id'), cidr: '8000::/1' } },
        aws_security_group: { inline: { ingress: [{ from_port: 22, to_port: 22, protocol: 'tcp', prefix_list_ids: [ref('aws_ec2_managed_prefix_list.inline.id')] }] }, target: {} },
        aws_vpc_security_group_ingress_rule: { v6: { security_group_id: ref('aws_security_group.target.id'), ip_protocol: 'tcp', from_port: 22, to_port: 22, prefix_list_id: ref('aws_ec2_managed_prefix_list.separate.id') } },
        aws_security_group_rule: { legacy: { type: 'ingress', security_group_id: ref('aws_security_group.target.id'), protocol: '-1', from_port: 0, to_port: 0, prefix_list_ids: [ref('aws_ec2_managed_prefix_list.inline.id')] } },
      });
      expect(verdicts(rule, s)).toEqual({ fail: ['aws_security_group.inline', 'aws_security_group_rule.legacy', 'aws_vpc_security_group_ingress_rule.v6'], unknown: [], pass: ['aws_security_group.target'] });
    });
  });

  describe('Unknown: what the JSON cannot tell', () => {
    it.each([
      ['a prefix list from a data source', { prefix_list_ids: [ref('data.aws_ec2_managed_prefix_list.p.id')] }],
      ['a literal prefix list ID', { prefix_list_ids: ['pl-0123456789abcdef0'] }],
      ['a conditional CIDR', { cidr_blocks: [ref('var.open ? "0.0.0.0/0" : "10.0.0.0/8"')] }],
      ['a CIDR list from a variable', { cidr_blocks: ref('var.cidrs') }],
      ['a CIDR with a stray space', { cidr_blocks: ['0.0.0.0/0 '] }],
      ['an IPv4-mapped IPv6 CIDR', { ipv6_cidr_blocks: ['::ffff:0.0.0.0/96'] }],
    ])('GIVEN SSH from %s THEN it is unknown', (_why, sources) => {
      const s = fixtureStack({ aws_security_group: { g: { ingress: [{ from_port: 22, to_port: 22, protocol: 'tcp', ...sources }] } } });
      expect(verdicts(rule, s)).toEqual({ fail: [], unknown: ['aws_security_group.g'], pass: [] });
    });

    it('GIVEN a prefix list entry resource whose list cannot be resolved THEN a managed list is unknown', () => {
      const s = fixtureStack({
        aws_ec2_managed_prefix_list: { p: { name: 'p', address_family: 'IPv4', max_entries: 5, entry: [{ cidr: '10.0.0.0/8' }] } },
        aws_ec2_managed_prefix_list_entry: { stray: { prefix_list_id: ref('var.list'), cidr: '0.0.0.0/0' } },
        aws_security_group: { g: { ingress: [{ from_port: 22, to_port: 22, protocol: 'tcp', prefix_list_ids: [ref('aws_ec2_managed_prefix_list.p.id')] }] } },
      });
      expect(verdicts(rule, s).unknown).toEqual(['aws_security_group.g']);
    });

    it('GIVEN an unknown protocol name, unresolved ports or rule type THEN it is unknown', () => {
      const s = fixtureStack({
        aws_security_group: { g: {} },
        aws_security_group_rule: {
          name: { type: 'ingress', security_group_id: ref('aws_security_group.g.id'), protocol: 'ssh', from_port: 22, to_port: 22, cidr_blocks: ['0.0.0.0/0'] },
          ports: { type: 'ingress', security_group_id: ref('aws_security_group.g.id'), protocol: 'tcp', from_port: ref('var.port'), to_port: ref('var.port'), cidr_blocks: ['0.0.0.0/0'] },
          type: { type: ref('var.direction'), security_group_id: ref('aws_security_group.g.id'), protocol: 'tcp', from_port: 22, to_port: 22, cidr_blocks: ['0.0.0.0/0'] },
        },
      });
      expect(verdicts(rule, s)).toEqual({ fail: [], unknown: ['aws_security_group_rule.name', 'aws_security_group_rule.ports', 'aws_security_group_rule.type'], pass: ['aws_security_group.g'] });
    });

    it('GIVEN a dynamic ingress block THEN the group is unknown', () => {
      const s = fixtureStack({ aws_security_group: { g: { dynamic: { ingress: { for_each: ref('var.rules'), content: { from_port: 22, to_port: 22, protocol: 'tcp', cidr_blocks: ['0.0.0.0/0'] } } } } } });
      expect(verdicts(rule, s).unknown).toEqual(['aws_security_group.g']);
    });
  });

  describe('Compliance', () => {
    it.each([
      ['private and shared space', ['10.0.0.0/8', '172.16.0.0/12', '192.168.0.0/16', '100.64.0.0/10', 'fc00::/7', 'fe80::/10']],
      ['named public ranges well under a /8', ['203.0.113.0/24', '198.51.100.7/32', '8.8.8.0/24', '1.0.0.0/9', '2001:db8::/32', '2a01:4f8::/33']],
    ])('GIVEN SSH from %s THEN it passes', (_why, sources) => {
      expect(verdicts(rule, splitSources(22, sources)).fail).toEqual([]);
      expect(verdicts(rule, splitSources(22, sources)).unknown).toEqual([]);
    });

    it('GIVEN the two halves of the internet on different ports THEN neither port is open to it', () => {
      const s = fixtureStack({
        aws_security_group: { g: {} },
        aws_security_group_rule: {
          low: { type: 'ingress', security_group_id: ref('aws_security_group.g.id'), protocol: 'tcp', from_port: 22, to_port: 22, cidr_blocks: ['1.0.0.0/9'] },
          high: { type: 'ingress', security_group_id: ref('aws_security_group.g.id'), protocol: 'tcp', from_port: 3389, to_port: 3389, cidr_blocks: ['1.128.0.0/9'] },
        },
      });
      expect(verdicts(rule, s).fail).toEqual([]);
    });

    it('GIVEN the halves on two different groups THEN neither group is open to the internet', () => {
      const s = fixtureStack({
        aws_security_group: { a: { ingress: [ingress(22, 22, '1.0.0.0/9')] }, b: { ingress: [ingress(22, 22, '1.128.0.0/9')] } },
      });
      expect(verdicts(rule, s)).toEqual({ fail: [], unknown: [], pass: ['aws_security_group.a', 'aws_security_group.b'] });
    });

    it('GIVEN one rule from anywhere and one from a /32 THEN only the rule from anywhere fails', () => {
      const v = verdicts(rule, splitSources(22, ['0.0.0.0/0', '198.51.100.7/32']));
      expect(v).toEqual({ fail: ['aws_security_group_rule.r0'], unknown: [], pass: ['aws_security_group.g', 'aws_vpc_security_group_ingress_rule.r1'] });
    });

    it('GIVEN a managed prefix list of office ranges THEN SSH from it passes', () => {
      const s = fixtureStack({
        aws_ec2_managed_prefix_list: { office: { name: 'office', address_family: 'IPv4', max_entries: 2, entry: [{ cidr: '203.0.113.0/24' }, { cidr: '198.51.100.0/24' }] } },
        aws_security_group: { g: { ingress: [{ from_port: 22, to_port: 22, protocol: 'tcp', prefix_list_ids: [ref('aws_ec2_managed_prefix_list.office.id')] }] } },
      });
      expect(verdicts(rule, s)).toEqual({ fail: [], unknown: [], pass: ['aws_security_group.g'] });
    });
  });
});
