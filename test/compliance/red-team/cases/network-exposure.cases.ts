/**
 * Network exposure hidden in forms Terraform accepts: the internet split into
 * halves or respelt (`0.0.0.0/00`, the long IPv6 form), wide public ranges,
 * port ranges and protocol -1 that include SSH/RDP, prefix lists, separate
 * rule resources of both kinds, standalone NACL rules, subnets left on the
 * default allow-all NACL, and public IPs asked for by launch configurations
 * and templates in private subnets.
 */
import { RedTeamCase, RedTeamControl } from '../support/red-team-case';
import { mainFile, ref, skeleton } from '../support/module';

const OPEN_INGRESS = ['TF-NET-1'];
const ADMIN = ['TF-NET-2'];
const PUBLIC_IP = ['TF-NET-3'];
const NACL = ['TF-NET-5'];

const VPC_ID = 'vpc-0a1b2c3d4e5f60718';
const group = (extra: Record<string, unknown> = {}) => ({ name: 'red-team', description: 'red-team group', vpc_id: VPC_ID, ...extra });
const groupRef = ref('aws_security_group.g.id');

/** An inline ingress block as cdktf writes attribute-as-block ingress: every field set. */
const inline = (from: number, to: number, protocol: string, sources: { cidr_blocks?: string[]; ipv6_cidr_blocks?: string[]; prefix_list_ids?: string[] }) => ({
  from_port: from,
  to_port: to,
  protocol,
  cidr_blocks: sources.cidr_blocks ?? [],
  ipv6_cidr_blocks: sources.ipv6_cidr_blocks ?? [],
  prefix_list_ids: sources.prefix_list_ids ?? [],
  security_groups: [],
  self: false,
  description: 'red-team ingress',
});

/** An `aws_security_group_rule` of type ingress on group `g`. */
const legacyRule = (from: number, to: number, protocol: string, sources: Record<string, unknown>) => ({ type: 'ingress', security_group_id: groupRef, from_port: from, to_port: to, protocol, ...sources });

/** An `aws_vpc_security_group_ingress_rule` on group `g`. */
const vpcRule = (ipProtocol: string, ports: { from: number; to: number } | undefined, sources: Record<string, unknown>) => ({
  security_group_id: groupRef,
  ip_protocol: ipProtocol,
  ...(ports ? { from_port: ports.from, to_port: ports.to } : {}),
  description: 'red-team ingress',
  ...sources,
});

const NACL_VPC = { vpc_id: VPC_ID };
/** An inline NACL ingress entry. */
const entry = (ruleNo: number, action: string, protocol: string, from: number, to: number, cidr: { cidr_block?: string; ipv6_cidr_block?: string }) => ({
  rule_no: ruleNo,
  action,
  protocol,
  from_port: from,
  to_port: to,
  cidr_block: cidr.cidr_block ?? null,
  ipv6_cidr_block: cidr.ipv6_cidr_block ?? null,
  icmp_type: null,
  icmp_code: null,
});
/** A standalone `aws_network_acl_rule` on `aws_network_acl.acl`. */
const naclRule = (ruleNumber: number, protocol: string, from: number, to: number, cidr: Record<string, string>) => ({
  network_acl_id: ref('aws_network_acl.acl.id'),
  rule_number: ruleNumber,
  egress: false,
  rule_action: 'allow',
  protocol,
  from_port: from,
  to_port: to,
  ...cidr,
});

/** A private-tier subnet in a VPC of the stack, on a tier NACL, for the public-IP cases. */
const privateNetwork = {
  aws_subnet: { private: { vpc_id: VPC_ID, cidr_block: '10.0.1.0/24', tags: { tier: 'private' } } },
  aws_network_acl: { private: { vpc_id: VPC_ID, subnet_ids: [ref('aws_subnet.private.id')], tags: { tier: 'private' } } },
};

export const cases: RedTeamCase[] = [
  // ── the internet split or respelt ──────────────────────────────────────────
  {
    id: 'network-exposure/ssh-halves-across-both-rule-types',
    why: 'SSH from 0.0.0.0/1 in an aws_security_group_rule and from 128.0.0.0/1 in an aws_vpc_security_group_ingress_rule: together the whole internet',
    files: mainFile({
      resource: {
        aws_security_group: { g: group() },
        aws_security_group_rule: { low: legacyRule(22, 22, 'tcp', { cidr_blocks: ['0.0.0.0/1'] }) },
        aws_vpc_security_group_ingress_rule: { high: vpcRule('tcp', { from: 22, to: 22 }, { cidr_ipv4: '128.0.0.0/1' }) },
      },
    }),
    expect: { rules: ADMIN },
  },
  {
    id: 'network-exposure/ssh-ipv6-halves-inline',
    why: 'SSH from ::/1 and 8000::/1 in two inline ingress blocks',
    files: mainFile({ resource: { aws_security_group: { g: group({ ingress: [inline(22, 22, 'tcp', { ipv6_cidr_blocks: ['::/1'] }), inline(22, 22, 'tcp', { ipv6_cidr_blocks: ['8000::/1'] })] }) } } }),
    expect: { rules: ADMIN },
  },
  {
    id: 'network-exposure/ssh-quarters-in-one-rule',
    why: 'SSH from the four /2 quarters of IPv4 listed in one cidr_blocks',
    files: mainFile({ resource: { aws_security_group: { g: group() }, aws_security_group_rule: { quarters: legacyRule(22, 22, 'tcp', { cidr_blocks: ['0.0.0.0/2', '64.0.0.0/2', '128.0.0.0/2', '192.0.0.0/2'] }) } } }),
    expect: { rules: ADMIN },
  },
  {
    id: 'network-exposure/ssh-prefix-length-with-leading-zero',
    why: '0.0.0.0/00: the provider parses the prefix length with leading zeros, so this is 0.0.0.0/0',
    files: mainFile({ resource: { aws_security_group: { g: group({ ingress: [inline(22, 22, 'tcp', { cidr_blocks: ['0.0.0.0/00'] })] }) } } }),
    expect: { rules: ADMIN },
  },
  {
    id: 'network-exposure/ssh-ipv6-long-form',
    why: '::/0 spelt out as 0:0:0:0:0:0:0:0/0 in an aws_vpc_security_group_ingress_rule',
    files: mainFile({ resource: { aws_security_group: { g: group() }, aws_vpc_security_group_ingress_rule: { r: vpcRule('tcp', { from: 22, to: 22 }, { cidr_ipv6: '0:0:0:0:0:0:0:0/0' }) } } }),
    expect: { rules: ADMIN },
  },
  {
    id: 'network-exposure/ssh-ipv6-prefix-length-with-leading-zeros',
    why: '::/000 in an aws_vpc_security_group_ingress_rule: Terraform accepts it as ::/0',
    files: mainFile({ resource: { aws_security_group: { g: group() }, aws_vpc_security_group_ingress_rule: { r: vpcRule('tcp', { from: 22, to: 22 }, { cidr_ipv6: '::/000' }) } } }),
    expect: { rules: ADMIN },
  },
  {
    id: 'network-exposure/rdp-from-a-slash-5',
    why: 'RDP from 0.0.0.0/5: not 0.0.0.0/0, but 134 million public addresses',
    files: mainFile({ resource: { aws_security_group: { g: group() }, aws_security_group_rule: { r: legacyRule(3389, 3389, 'tcp', { cidr_blocks: ['0.0.0.0/5'] }) } } }),
    expect: { rules: ADMIN },
  },
  {
    id: 'network-exposure/db-port-from-two-public-slash-9s',
    why: 'PostgreSQL from 11.0.0.0/9 and 11.128.0.0/9 in two rules: a whole public /8',
    files: mainFile({
      resource: {
        aws_security_group: { g: group() },
        aws_vpc_security_group_ingress_rule: { a: vpcRule('tcp', { from: 5432, to: 5432 }, { cidr_ipv4: '11.0.0.0/9' }), b: vpcRule('tcp', { from: 5432, to: 5432 }, { cidr_ipv4: '11.128.0.0/9' }) },
      },
    }),
    expect: { rules: OPEN_INGRESS },
  },
  {
    id: 'network-exposure/db-port-halves-overlapping-ranges',
    why: 'two halves of the internet on port ranges that overlap on 5432',
    files: mainFile({ resource: { aws_security_group: { g: group({ ingress: [inline(5000, 5500, 'tcp', { cidr_blocks: ['0.0.0.0/1'] }), inline(5400, 6000, 'tcp', { cidr_blocks: ['128.0.0.0/1'] })] }) } } }),
    expect: { rules: OPEN_INGRESS },
  },
  // ── ports and protocols that include SSH/RDP ───────────────────────────────
  {
    id: 'network-exposure/ssh-in-tcp-0-65535',
    why: 'every TCP port from anywhere, 22 and 3389 included',
    files: mainFile({ resource: { aws_security_group: { g: group() }, aws_security_group_rule: { r: legacyRule(0, 65535, 'tcp', { cidr_blocks: ['0.0.0.0/0'] }) } } }),
    expect: { rules: [...ADMIN, ...OPEN_INGRESS] },
  },
  {
    id: 'network-exposure/ssh-in-protocol-minus-one-ipv6',
    why: 'ip_protocol "-1" (every protocol and port) from ::/0',
    files: mainFile({ resource: { aws_security_group: { g: group() }, aws_vpc_security_group_ingress_rule: { r: vpcRule('-1', undefined, { cidr_ipv6: '::/0' }) } } }),
    expect: { rules: ADMIN },
  },
  {
    id: 'network-exposure/ssh-protocol-all-string',
    why: 'protocol "all" on an aws_security_group_rule',
    files: mainFile({ resource: { aws_security_group: { g: group() }, aws_security_group_rule: { r: legacyRule(0, 0, 'all', { cidr_blocks: ['0.0.0.0/0'] }) } } }),
    expect: { rules: ADMIN },
  },
  {
    id: 'network-exposure/ssh-protocol-number-6-array-form',
    why: 'protocol "6" (TCP by number) in an inline block, resource written in array form',
    files: { 'main.tf.json': { ...skeleton(), resource: [{ aws_security_group: [{ g: [group({ ingress: [inline(22, 22, '6', { cidr_blocks: ['0.0.0.0/0'] })] })] }] }] } },
    expect: { rules: ADMIN },
  },
  {
    id: 'network-exposure/ssh-inside-port-range',
    why: 'ports 20-25 from anywhere include 22',
    files: mainFile({ resource: { aws_security_group: { g: group({ ingress: [inline(20, 25, 'tcp', { cidr_blocks: ['0.0.0.0/0'] })] }) } } }),
    expect: { rules: ADMIN },
  },
  {
    id: 'network-exposure/rdp-over-udp',
    why: 'RDP\'s UDP transport (udp 3389) from ::/0',
    files: mainFile({ resource: { aws_security_group: { g: group() }, aws_vpc_security_group_ingress_rule: { r: vpcRule('udp', { from: 3389, to: 3389 }, { cidr_ipv6: '::/0' }) } } }),
    expect: { rules: ADMIN },
  },
  // ── prefix lists ──────────────────────────────────────────────────────────
  {
    id: 'network-exposure/ssh-from-managed-prefix-list-entry-block',
    why: 'SSH from a managed prefix list whose inline entry is 0.0.0.0/0',
    files: mainFile({
      resource: {
        aws_ec2_managed_prefix_list: { anywhere: { name: 'anywhere', address_family: 'IPv4', max_entries: 1, entry: [{ cidr: '0.0.0.0/0', description: 'everyone' }] } },
        aws_security_group: { g: group({ ingress: [inline(22, 22, 'tcp', { prefix_list_ids: [ref('aws_ec2_managed_prefix_list.anywhere.id')] })] }) },
      },
    }),
    expect: { rules: ADMIN },
  },
  {
    id: 'network-exposure/ssh-from-prefix-list-entry-resources',
    why: 'a managed prefix list filled by two aws_ec2_managed_prefix_list_entry halves of IPv6, used by an aws_vpc_security_group_ingress_rule',
    files: mainFile({
      resource: {
        aws_ec2_managed_prefix_list: { split: { name: 'split', address_family: 'IPv6', max_entries: 2 } },
        aws_ec2_managed_prefix_list_entry: {
          low: { prefix_list_id: ref('aws_ec2_managed_prefix_list.split.id'), cidr: '::/1' },
          high: { prefix_list_id: ref('aws_ec2_managed_prefix_list.split.id'), cidr: '8000::/1' },
        },
        aws_security_group: { g: group() },
        aws_vpc_security_group_ingress_rule: { r: vpcRule('tcp', { from: 22, to: 22 }, { prefix_list_id: ref('aws_ec2_managed_prefix_list.split.id') }) },
      },
    }),
    expect: { rules: ADMIN },
  },
  {
    id: 'network-exposure/ssh-from-prefix-list-data-source',
    why: 'SSH from a prefix list read by a data source: its entries are not in the configuration',
    files: mainFile({
      data: { aws_ec2_managed_prefix_list: { shared: { name: 'shared-admin-ranges' } } },
      resource: { aws_security_group: { g: group() }, aws_security_group_rule: { r: legacyRule(22, 22, 'tcp', { prefix_list_ids: [ref('data.aws_ec2_managed_prefix_list.shared.id')] }) } },
    }),
    expect: { rules: ADMIN },
  },
  // ── what config mode cannot resolve ────────────────────────────────────────
  {
    id: 'network-exposure/ssh-rule-on-group-outside-stack',
    why: 'an aws_vpc_security_group_ingress_rule opening SSH on an existing group named by its literal ID',
    files: mainFile({ resource: { aws_vpc_security_group_ingress_rule: { r: { ...vpcRule('tcp', { from: 22, to: 22 }, { cidr_ipv4: '0.0.0.0/0' }), security_group_id: 'sg-0a1b2c3d4e5f60718' } } } }),
    expect: { rules: ADMIN },
  },
  {
    id: 'network-exposure/ssh-cidr-from-variable',
    why: 'SSH from a CIDR variable without a default',
    files: mainFile({
      variable: { admin_cidr: { type: 'string' } },
      resource: { aws_security_group: { g: group() }, aws_vpc_security_group_ingress_rule: { r: vpcRule('tcp', { from: 22, to: 22 }, { cidr_ipv4: ref('var.admin_cidr') }) } },
    }),
    expect: { rules: ADMIN },
  },
  {
    id: 'network-exposure/ssh-cidr-conditional',
    why: 'SSH from a conditional that is 0.0.0.0/0 when a flag is set',
    files: mainFile({
      variable: { open: { type: 'bool', default: true } },
      resource: { aws_security_group: { g: group({ ingress: [inline(22, 22, 'tcp', { cidr_blocks: [ref('var.open ? "0.0.0.0/0" : "10.0.0.0/8"')] })] }) } },
    }),
    expect: { rules: ADMIN },
  },
  {
    id: 'network-exposure/https-on-group-picked-by-conditional',
    why: 'HTTPS from anywhere on a group chosen by a conditional: one arm is the public load balancer\'s group, the other any group at all',
    files: mainFile({
      variable: { on_lb: { type: 'bool', default: false }, other_group: { type: 'string', default: 'sg-0a1b2c3d4e5f60718' } },
      resource: {
        aws_security_group: { lb: group({ name: 'lb' }) },
        aws_lb: { public: { internal: false, load_balancer_type: 'application', security_groups: [ref('aws_security_group.lb.id')], subnets: ['subnet-0a1b2c3d4e5f60718', 'subnet-0a1b2c3d4e5f60719'] } },
        aws_vpc_security_group_ingress_rule: { r: { ...vpcRule('tcp', { from: 443, to: 443 }, { cidr_ipv4: '0.0.0.0/0' }), security_group_id: ref('var.on_lb ? aws_security_group.lb.id : var.other_group') } },
      },
    }),
    expect: { rules: OPEN_INGRESS },
  },
  // ── network ACLs ──────────────────────────────────────────────────────────
  {
    id: 'network-exposure/nacl-standalone-allow-all-ipv6',
    why: 'a standalone aws_network_acl_rule allowing every protocol from ::/0',
    files: mainFile({ resource: { aws_network_acl: { acl: NACL_VPC }, aws_network_acl_rule: { all: naclRule(100, '-1', 0, 0, { ipv6_cidr_block: '::/0' }) } } }),
    expect: { rules: NACL },
  },
  {
    id: 'network-exposure/nacl-standalone-ssh-halves',
    why: 'two standalone aws_network_acl_rules allowing SSH from the two IPv4 halves',
    files: mainFile({
      resource: { aws_network_acl: { acl: NACL_VPC }, aws_network_acl_rule: { low: naclRule(100, 'tcp', 22, 22, { cidr_block: '0.0.0.0/1' }), high: naclRule(110, '6', 22, 22, { cidr_block: '128.0.0.0/1' }) } },
    }),
    expect: { rules: NACL },
  },
  {
    id: 'network-exposure/nacl-rule-on-acl-outside-stack',
    why: 'a standalone aws_network_acl_rule allowing RDP from anywhere into an existing ACL named by its literal ID',
    files: mainFile({ resource: { aws_network_acl_rule: { rdp: { ...naclRule(100, 'tcp', 3389, 3389, { cidr_block: '0.0.0.0/0' }), network_acl_id: 'acl-0a1b2c3d4e5f60718' } } } }),
    expect: { rules: NACL },
  },
  {
    id: 'network-exposure/nacl-deny-shields-half',
    why: 'a deny for 0.0.0.0/1 ahead of an allow for every TCP port from anywhere still lets 128.0.0.0/1 reach SSH',
    files: mainFile({ resource: { aws_network_acl: { acl: { ...NACL_VPC, ingress: [entry(50, 'deny', 'tcp', 22, 22, { cidr_block: '0.0.0.0/1' }), entry(100, 'allow', 'tcp', 0, 65535, { cidr_block: '0.0.0.0/0' })] } } } }),
    expect: { rules: NACL },
  },
  {
    id: 'network-exposure/nacl-default-adopted-allow-all',
    why: 'the VPC\'s default NACL adopted, but keeping an allow-all entry',
    files: mainFile({
      resource: {
        aws_vpc: { v: { cidr_block: '10.0.0.0/16' } },
        aws_default_network_acl: { d: { default_network_acl_id: ref('aws_vpc.v.default_network_acl_id'), ingress: [entry(100, 'allow', '-1', 0, 0, { cidr_block: '0.0.0.0/0' })] } },
      },
    }),
    expect: { rules: NACL },
  },
  {
    id: 'network-exposure/subnet-on-default-nacl',
    why: 'a subnet associated with no NACL, in a VPC whose default NACL nobody adopts: AWS\'s default allows everything',
    files: mainFile({ resource: { aws_vpc: { v: { cidr_block: '10.0.0.0/16' } }, aws_subnet: { s: { vpc_id: ref('aws_vpc.v.id'), cidr_block: '10.0.1.0/24', tags: { tier: 'private' } } } } }),
    expect: { rules: NACL },
  },
  {
    id: 'network-exposure/nacl-rdp-protocol-number',
    why: 'an inline NACL entry with protocol "6" over every port from anywhere',
    files: mainFile({ resource: { aws_network_acl: { acl: { ...NACL_VPC, ingress: [entry(100, 'allow', '6', 0, 65535, { cidr_block: '0.0.0.0/0' })] } } } }),
    expect: { rules: NACL },
  },
  // ── public IPs in private subnets ──────────────────────────────────────────
  {
    id: 'network-exposure/launch-configuration-public-ip',
    why: 'a launch configuration asking for public IPs, launched by an auto scaling group into a private subnet',
    files: mainFile({
      resource: {
        ...privateNetwork,
        aws_launch_configuration: { lc: { image_id: 'ami-0123456789abcdef0', instance_type: 't3.micro', associate_public_ip_address: true } },
        aws_autoscaling_group: { asg: { min_size: 1, max_size: 1, launch_configuration: ref('aws_launch_configuration.lc.name'), vpc_zone_identifier: [ref('aws_subnet.private.id')] } },
      },
    }),
    expect: { rules: PUBLIC_IP },
  },
  {
    id: 'network-exposure/launch-template-public-ip-mixed-instances',
    why: 'a launch template asking for public IPs, used through a mixed instances policy in a private subnet',
    files: mainFile({
      resource: {
        ...privateNetwork,
        aws_launch_template: { lt: { image_id: 'ami-0123456789abcdef0', instance_type: 't3.micro', network_interfaces: [{ associate_public_ip_address: 'true' }] } },
        aws_autoscaling_group: {
          asg: {
            min_size: 1,
            max_size: 1,
            vpc_zone_identifier: [ref('aws_subnet.private.id')],
            mixed_instances_policy: [{ launch_template: [{ launch_template_specification: [{ launch_template_id: ref('aws_launch_template.lt.id') }] }] }],
          },
        },
      },
    }),
    expect: { rules: PUBLIC_IP },
  },
  {
    id: 'network-exposure/launch-template-public-ip-instance',
    why: 'an instance in a private subnet built from a launch template that asks for a public IP',
    files: mainFile({
      resource: {
        ...privateNetwork,
        aws_launch_template: { lt: { image_id: 'ami-0123456789abcdef0', instance_type: 't3.micro', network_interfaces: [{ associate_public_ip_address: 'true' }] } },
        aws_instance: { host: { subnet_id: ref('aws_subnet.private.id'), launch_template: [{ id: ref('aws_launch_template.lt.id') }] } },
      },
    }),
    expect: { rules: PUBLIC_IP },
  },
];

export const controls: RedTeamControl[] = [
  {
    id: 'network-exposure/sg-ssh-from-named-ranges',
    why: 'SSH from two named public /24s and the VPC, across both rule resource types',
    files: mainFile({
      resource: {
        aws_security_group: { g: group() },
        aws_security_group_rule: { office: legacyRule(22, 22, 'tcp', { cidr_blocks: ['81.2.69.0/24'] }) },
        aws_vpc_security_group_ingress_rule: { partner: vpcRule('tcp', { from: 22, to: 22 }, { cidr_ipv4: '91.198.174.0/24' }), vpc: vpcRule('-1', undefined, { cidr_ipv4: '10.0.0.0/16' }) },
      },
    }),
  },
  {
    id: 'network-exposure/sg-from-group-and-prefix-list',
    why: 'HTTPS from another group and from a managed prefix list of two office ranges',
    files: mainFile({
      resource: {
        aws_ec2_managed_prefix_list: { office: { name: 'office', address_family: 'IPv4', max_entries: 2, entry: [{ cidr: '81.2.69.0/24', description: 'office' }, { cidr: '91.198.174.0/24', description: 'partner' }] } },
        aws_security_group: { front: group({ name: 'front' }), g: group({ ingress: [inline(443, 443, 'tcp', { prefix_list_ids: [ref('aws_ec2_managed_prefix_list.office.id')] })] }) },
        aws_vpc_security_group_ingress_rule: { from_front: { ...vpcRule('tcp', { from: 443, to: 443 }, { referenced_security_group_id: ref('aws_security_group.front.id') }) } },
      },
    }),
  },
  {
    id: 'network-exposure/sg-halves-on-separate-groups',
    why: 'the two halves of a public /8 on two different groups: neither group admits an internet-wide set',
    files: mainFile({
      resource: {
        aws_security_group: { a: group({ name: 'a', ingress: [inline(22, 22, 'tcp', { cidr_blocks: ['11.0.0.0/9'] })] }), b: group({ name: 'b', ingress: [inline(22, 22, 'tcp', { cidr_blocks: ['11.128.0.0/9'] })] }) },
      },
    }),
  },
  {
    id: 'network-exposure/nacl-tier-with-split-ephemeral-range',
    why: 'a tier NACL: HTTPS and return traffic from anywhere with the range split around 3389, SSH denied first, the subnet associated',
    files: mainFile({
      resource: {
        aws_subnet: { s: { vpc_id: VPC_ID, cidr_block: '10.0.0.0/24', tags: { tier: 'public' } } },
        aws_network_acl: {
          acl: {
            ...NACL_VPC,
            subnet_ids: [ref('aws_subnet.s.id')],
            ingress: [
              entry(50, 'deny', 'tcp', 22, 22, { cidr_block: '0.0.0.0/0' }),
              entry(100, 'allow', 'tcp', 443, 443, { cidr_block: '0.0.0.0/0' }),
              entry(200, 'allow', 'tcp', 1024, 3388, { cidr_block: '0.0.0.0/0' }),
              entry(210, 'allow', 'tcp', 3390, 65535, { ipv6_cidr_block: '::/0' }),
            ],
          },
        },
        aws_network_acl_rule: { vpc: { ...naclRule(300, '-1', 0, 0, { cidr_block: '10.0.0.0/16' }) } },
      },
    }),
  },
  {
    id: 'network-exposure/public-ip-only-in-public-tier',
    why: 'a launch template asking for public IPs, launched only into a public-tier subnet associated with a NACL',
    files: mainFile({
      resource: {
        aws_subnet: { public: { vpc_id: VPC_ID, cidr_block: '10.0.0.0/24', map_public_ip_on_launch: true, tags: { tier: 'public' } } },
        aws_network_acl_association: { public: { network_acl_id: ref('aws_network_acl.public.id'), subnet_id: ref('aws_subnet.public.id') } },
        aws_network_acl: { public: { vpc_id: VPC_ID, ingress: [entry(100, 'allow', 'tcp', 443, 443, { cidr_block: '0.0.0.0/0' })] } },
        aws_launch_template: {
          lt: {
            image_id: 'ami-0123456789abcdef0',
            instance_type: 't3.micro',
            network_interfaces: [{ associate_public_ip_address: 'true' }],
            block_device_mappings: [{ device_name: '/dev/xvda', ebs: [{ encrypted: 'true', volume_size: 8 }] }],
          },
        },
        aws_autoscaling_group: { asg: { min_size: 1, max_size: 1, vpc_zone_identifier: [ref('aws_subnet.public.id')], launch_template: [{ id: ref('aws_launch_template.lt.id'), version: '$Latest' }] } },
      },
    }),
  },
];
