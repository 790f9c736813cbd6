import { NoOpenIngress } from '../../../../compliance/rules/network-exposure';
import { fixtureStack, ref, verdicts } from '../../../support/rules-fixtures';
import { everyForm, ingress, splitSources } from './support/security-groups';

const rule = NoOpenIngress;

describe('TF-NET-1 NoOpenIngress', () => {
  it('allows only 443 (and redirecting 80) on internet-facing load balancers', () => {
    expect(verdicts(rule, everyForm())).toEqual({
      fail: ['aws_security_group.all_v6', 'aws_security_group.app_https_anywhere', 'aws_security_group.lb_http_forward', 'aws_security_group_rule.wide_range'],
      unknown: ['aws_security_group.var_cidr', 'aws_vpc_security_group_ingress_rule.unknown_group_https'],
      pass: [
        'aws_security_group.lb_http_redirect', 'aws_security_group.lb_https', 'aws_security_group.no_rules', 'aws_security_group.private_cidr',
        'aws_security_group.ssh_only', 'aws_security_group.target', 'aws_security_group_rule.rdp_anywhere',
        'aws_vpc_security_group_ingress_rule.from_group', 'aws_vpc_security_group_ingress_rule.v6_ssh',
      ],
    });
  });

  describe('Noncompliance', () => {
    it.each([
      ['two IPv4 halves', ['0.0.0.0/1', '128.0.0.0/1']],
      ['two IPv6 halves', ['::/1', '8000::/1']],
      ['two public /9s', ['11.0.0.0/9', '11.128.0.0/9']],
      ['0.0.0.0/00', ['0.0.0.0/00']],
      ['::0/0', ['::0/0']],
    ])('GIVEN %s on 5432 in separate rule resources THEN every part fails', (_why, sources) => {
      const v = verdicts(rule, splitSources(5432, sources));
      expect(v.fail).toHaveLength(sources.length);
      expect(v.unknown).toEqual([]);
    });

    it('GIVEN two halves on overlapping port ranges THEN the shared ports make both fail', () => {
      const s = fixtureStack({
        aws_security_group: { g: { ingress: [ingress(1000, 2000, '0.0.0.0/1'), ingress(1500, 2500, '128.0.0.0/1')] } },
      });
      expect(verdicts(rule, s)).toEqual({ fail: ['aws_security_group.g'], unknown: [], pass: [] });
    });

    it('GIVEN ICMP, protocol -1 or an IANA protocol number from anywhere THEN it fails', () => {
      const s = fixtureStack({
        aws_security_group: {
          icmp: { ingress: [{ from_port: -1, to_port: -1, protocol: 'icmp', cidr_blocks: ['0.0.0.0/0'] }] },
          all: { ingress: [{ from_port: 0, to_port: 0, protocol: 'all', ipv6_cidr_blocks: ['::/0'] }] },
          gre: { ingress: [{ from_port: 0, to_port: 0, protocol: '47', cidr_blocks: ['0.0.0.0/0'] }] },
        },
      });
      expect(verdicts(rule, s).fail).toEqual(['aws_security_group.all', 'aws_security_group.gre', 'aws_security_group.icmp']);
    });

    it('GIVEN SSH from anywhere as part of a wider range THEN the range fails here too', () => {
      const s = fixtureStack({ aws_security_group: { g: { ingress: [ingress(20, 25, '0.0.0.0/0')] } } });
      expect(verdicts(rule, s).fail).toEqual(['aws_security_group.g']);
    });

    it('GIVEN a rule on a group outside the stack THEN it is judged alone', () => {
      const s = fixtureStack({ aws_vpc_security_group_ingress_rule: { r: { security_group_id: 'sg-0123456789abcdef0', ip_protocol: 'tcp', from_port: 5432, to_port: 5432, cidr_ipv4: '0.0.0.0/0' } } });
      expect(verdicts(rule, s).fail).toEqual(['aws_vpc_security_group_ingress_rule.r']);
    });

    it('GIVEN a load balancer group admitting 443 from anywhere through a second, wider rule THEN the wider rule fails', () => {
      const s = fixtureStack({
        aws_security_group: { lb: { ingress: [ingress(443, 443, '0.0.0.0/0'), ingress(0, 65535, '::/0')] } },
        aws_lb: { public: { internal: false, security_groups: [ref('aws_security_group.lb.id')] } },
      });
      expect(verdicts(rule, s).fail).toEqual(['aws_security_group.lb']);
    });
  });

  describe('groups past the exact-segment bound', () => {
    const narrow = (n: number) => Array.from({ length: n }, (_, i) => ingress(1000 + i, 1000 + i, `81.${i % 250}.${Math.floor(i / 250)}.0/24`));
    it('still fails a rule from anywhere among hundreds of narrow public rules', () => {
      const s = fixtureStack({ aws_security_group: { g: { ingress: [...narrow(300), ingress(5432, 5432, '0.0.0.0/0')] } } });
      expect(verdicts(rule, s).fail).toEqual(['aws_security_group.g']);
    });
    it('passes hundreds of narrow public rules whose union is not internet-wide', () => {
      const s = fixtureStack({ aws_security_group: { g: { ingress: narrow(300) } } });
      expect(verdicts(rule, s)).toEqual({ fail: [], unknown: [], pass: ['aws_security_group.g'] });
    });
  });

  describe('Unknown', () => {
    it('GIVEN a public part alongside sources that cannot be read THEN it is unknown', () => {
      const s = fixtureStack({
        aws_security_group: { g: { ingress: [ingress(5432, 5432, '1.0.0.0/9'), { from_port: 5432, to_port: 5432, protocol: 'tcp', cidr_blocks: [ref('var.partner')] }] } },
      });
      expect(verdicts(rule, s)).toEqual({ fail: [], unknown: ['aws_security_group.g'], pass: [] });
    });

    it('GIVEN 443 from anywhere on a group chosen by a conditional THEN the load-balancer exception cannot apply', () => {
      const s = fixtureStack({
        aws_security_group: { lb: {} },
        aws_lb: { public: { internal: false, security_groups: [ref('aws_security_group.lb.id')] } },
        aws_vpc_security_group_ingress_rule: {
          picked: { security_group_id: ref('var.on_lb ? aws_security_group.lb.id : var.other_group'), ip_protocol: 'tcp', from_port: 443, to_port: 443, cidr_ipv4: '0.0.0.0/0' },
          direct: { security_group_id: ref('aws_security_group.lb.id'), ip_protocol: 'tcp', from_port: 443, to_port: 443, cidr_ipv4: '0.0.0.0/0' },
        },
      });
      expect(verdicts(rule, s)).toEqual({ fail: [], unknown: ['aws_vpc_security_group_ingress_rule.picked'], pass: ['aws_security_group.lb', 'aws_vpc_security_group_ingress_rule.direct'] });
    });

    it('GIVEN a group whose ingress is a variable THEN it is unknown', () => {
      const s = fixtureStack({ aws_security_group: { g: { ingress: ref('var.rules') } } });
      expect(verdicts(rule, s).unknown).toEqual(['aws_security_group.g']);
    });

    it('GIVEN a narrow public range whose ports cannot be read THEN it is not enough to be unknown', () => {
      const s = fixtureStack({ aws_security_group: { g: { ingress: [{ from_port: ref('var.port'), to_port: ref('var.port'), protocol: 'tcp', cidr_blocks: ['198.51.100.0/24'] }] } } });
      expect(verdicts(rule, s)).toEqual({ fail: [], unknown: [], pass: ['aws_security_group.g'] });
    });
  });

  describe('Compliance', () => {
    it('GIVEN halves on different ports THEN nothing is open to the internet', () => {
      const s = fixtureStack({ aws_security_group: { g: { ingress: [ingress(5432, 5432, '0.0.0.0/1'), ingress(6432, 6432, '128.0.0.0/1')] } } });
      // Each half alone is internet-wide, so each fails on its own port.
      expect(verdicts(rule, s).fail).toEqual(['aws_security_group.g']);
      const narrow = fixtureStack({ aws_security_group: { g: { ingress: [ingress(5432, 5432, '1.0.0.0/9'), ingress(6432, 6432, '1.128.0.0/9')] } } });
      expect(verdicts(rule, narrow)).toEqual({ fail: [], unknown: [], pass: ['aws_security_group.g'] });
    });

    it('GIVEN group references, self and private space THEN it passes', () => {
      const s = fixtureStack({
        aws_security_group: { a: {}, b: { ingress: [{ from_port: 0, to_port: 0, protocol: '-1', self: true }, { from_port: 443, to_port: 443, protocol: 'tcp', security_groups: [ref('aws_security_group.a.id')] }, ingress(0, 65535, '10.0.0.0/8')] } },
      });
      expect(verdicts(rule, s)).toEqual({ fail: [], unknown: [], pass: ['aws_security_group.a', 'aws_security_group.b'] });
    });
  });

  describe('CloudFront-fronted load balancers', () => {
    const CF = 'com.amazonaws.global.cloudfront.origin-facing';
    const lb = (group: string) => ({ load_balancer_type: 'application', internal: false, security_groups: [ref(`aws_security_group.${group}.id`)], subnets: ['subnet-a', 'subnet-b'] });
    const distribution = (lbName: string) => ({ enabled: true, origin: [{ origin_id: 'api', domain_name: ref(`aws_lb.${lbName}.dns_name`) }] });
    const rule443 = (group: string, source: Record<string, unknown>) => ({ security_group_id: ref(`aws_security_group.${group}.id`), ip_protocol: 'tcp', from_port: 443, to_port: 443, ...source });

    it('GIVEN the CloudFront origin-facing list by name or filter THEN it is CloudFront, not the internet; 443 from anywhere on a CloudFront origin fails', () => {
      const stack = fixtureStack(
        {
          aws_security_group: { cf_only: {}, cf_filter: {}, open_origin: {}, open_plain: {}, other_list: {} },
          aws_lb: { cf_only: lb('cf_only'), cf_filter: lb('cf_filter'), open_origin: lb('open_origin'), open_plain: lb('open_plain'), other_list: lb('other_list') },
          aws_cloudfront_distribution: { site: distribution('cf_only'), legacy: distribution('open_origin') },
          aws_vpc_security_group_ingress_rule: {
            cf_only: rule443('cf_only', { prefix_list_id: ref('data.aws_ec2_managed_prefix_list.cloudfront.id') }),
            cf_filter: rule443('cf_filter', { prefix_list_id: ref('data.aws_ec2_managed_prefix_list.by_filter.id') }),
            open_origin: rule443('open_origin', { cidr_ipv4: '0.0.0.0/0' }),
            open_plain: rule443('open_plain', { cidr_ipv4: '0.0.0.0/0' }),
            other_list: rule443('other_list', { prefix_list_id: ref('data.aws_ec2_managed_prefix_list.s3.id') }),
          },
        },
        {
          data: {
            aws_ec2_managed_prefix_list: {
              cloudfront: { name: CF },
              by_filter: { filter: [{ name: 'prefix-list-name', values: [CF] }] },
              s3: { name: 'com.amazonaws.eu-west-1.s3' },
            },
          },
        },
      );
      const v = verdicts(rule, stack);
      expect(v.fail).toEqual(['aws_vpc_security_group_ingress_rule.open_origin']);
      expect(v.unknown).toEqual(['aws_vpc_security_group_ingress_rule.other_list']);
      expect(v.pass).toEqual(expect.arrayContaining(['aws_vpc_security_group_ingress_rule.cf_filter', 'aws_vpc_security_group_ingress_rule.cf_only', 'aws_vpc_security_group_ingress_rule.open_plain']));
      const message = rule.check(stack, { stacks: [stack] }).find((o) => o.address === 'aws_vpc_security_group_ingress_rule.open_origin')!.message;
      expect(message).toMatch(/aws_lb\.open_origin is the origin of aws_cloudfront_distribution\.legacy/);
    });

    it('GIVEN a read data source, as in plan mode (known id, empty filter list) THEN a rule naming its id is CloudFront; another list id is not', () => {
      const stack = fixtureStack(
        {
          aws_security_group: { cf_only: {}, other: {} },
          aws_lb: { cf_only: lb('cf_only'), other: lb('other') },
          aws_vpc_security_group_ingress_rule: {
            cf_only: rule443('cf_only', { prefix_list_id: 'pl-4fa04526' }),
            other: rule443('other', { prefix_list_id: 'pl-00000000' }),
          },
        },
        { data: { aws_ec2_managed_prefix_list: { cloudfront: { id: 'pl-4fa04526', name: CF, filter: [] } } } },
      );
      const v = verdicts(rule, stack);
      expect(v.pass).toContain('aws_vpc_security_group_ingress_rule.cf_only');
      expect(v.unknown).toEqual(['aws_vpc_security_group_ingress_rule.other']);
    });

    it('GIVEN the CloudFront list together with a CIDR in one rule THEN the CIDR is still judged', () => {
      const stack = fixtureStack(
        {
          aws_security_group: { mixed: { ingress: [{ protocol: 'tcp', from_port: 8080, to_port: 8080, cidr_blocks: ['0.0.0.0/0'], prefix_list_ids: [ref('data.aws_ec2_managed_prefix_list.cloudfront.id')] }] } },
        },
        { data: { aws_ec2_managed_prefix_list: { cloudfront: { name: CF } } } },
      );
      expect(verdicts(rule, stack).fail).toEqual(['aws_security_group.mixed']);
    });
  });
});
