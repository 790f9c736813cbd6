import { blocksOf, defineRule, fail, listOf, pass, referencedAddresses, stackIndex, unknown } from '../../rule-kit';
import { ResourceModel, RuleOutcome, StackModel } from '../../types';
import { CLOUDFRONT_ORIGIN_FACING_LIST } from '../../rule-helpers/cloudfront';
import { exposureAt, groupMayBeExposed, ingressIndex, IngressPermission, internetFacingLoadBalancersOf, mayBePublic, redirectsHttp } from '../../rule-helpers/security-groups';
import { ALL_PORTS, hasPorts, PortRange, Protocol } from '../../rule-helpers/traffic';

/** Single ports from anywhere that TF-NET-2 reports (SSH, RDP over TCP and UDP); this rule reports everything else. */
const ADMIN_POINTS: ReadonlySet<string> = new Set(['tcp:22', 'tcp:3389', 'udp:3389']);

/**
 * Beyond this many public-source permissions in one group, the group is
 * judged over all its ports at once (coarser, never more lenient), so the
 * rule stays linear. AWS allows 60 inbound rules per group by default.
 */
const MAX_EXACT_PERMISSIONS = 128;

/** Protocols that no permission names explicitly still get traffic from protocol -1. */
const OTHER = '#other';

/** TF-NET-1: no ingress from anywhere, except 80/443 on internet-facing load balancers. */
export const NoOpenIngress = defineRule(
  {
    id: 'TF-NET-1',
    title: 'Ensure no security group admits the internet (0.0.0.0/0, ::/0 or any internet-wide union of ranges), except HTTPS (and HTTP that only redirects) on internet-facing load balancers',
    category: 'network-exposure',
    level: 'error',
    resourceTypes: ['aws_security_group', 'aws_default_security_group', 'aws_security_group_rule', 'aws_vpc_security_group_ingress_rule', 'aws_ec2_managed_prefix_list'],
    remediation:
      'Admit traffic from the security group of the tier in front (`referenced_security_group_id` / `source_security_group_id`) or from known CIDRs. Only an internet-facing load balancer may take 443 from anywhere, and 80 only when its port-80 listener redirects to HTTPS; a load balancer that is the origin of a CloudFront distribution in the stack may not (admit the `com.amazonaws.global.cloudfront.origin-facing` managed prefix list instead, read through an `aws_ec2_managed_prefix_list` data source by name, which this rule counts as CloudFront rather than the internet). "Anywhere" is judged on the union of a group\'s rules as address ranges: sources adding up to a /8 of public IPv4 or a /32 of public IPv6 count as the internet, however they are split or spelt. Prefix lists not managed in the stack cannot be read and are unknown.',
    references: { checkov: ['CKV_AWS_260', 'CKV_AWS_277'], cdkNag: ['AwsSolutions-EC23'] },
  },
  (stack) => {
    const { byHolder, byGroup } = ingressIndex(stack);
    const verdicts = new Map<IngressPermission, { status: 'fail' | 'unknown'; message: string }>();
    const cloudFront = cloudFrontSources(stack);
    for (const members of byGroup.values()) judgeGroup(stack, members.filter((p) => !cloudFront(p)), verdicts);
    const outcomes: RuleOutcome[] = [];
    for (const [address, permissions] of byHolder) {
      let reported = false;
      for (const p of permissions) {
        const v = verdicts.get(p);
        if (v === undefined) continue;
        reported = true;
        outcomes.push(v.status === 'fail' ? fail(address, v.message, p.key) : unknown(address, v.message, p.key));
      }
      if (!reported) outcomes.push(pass(address, 'no ingress from anywhere beyond the load-balancer exception'));
    }
    return outcomes;
  },
);

interface Segment {
  readonly protocol: Protocol;
  readonly ports: PortRange;
}

function judgeGroup(stack: StackModel, members: readonly IngressPermission[], verdicts: Map<IngressPermission, { status: 'fail' | 'unknown'; message: string }>): void {
  const relevant = members.filter(mayBePublic);
  if (relevant.length === 0 || !groupMayBeExposed(relevant)) return;
  const exact = relevant.length <= MAX_EXACT_PERMISSIONS;
  for (const segment of segmentsOf(relevant, exact)) {
    const point = segment.protocol === OTHER ? '' : `${segment.protocol}:${segment.ports.from}`;
    if (segment.ports.from === segment.ports.to && ADMIN_POINTS.has(point)) continue;
    const exposure = exposureAt(relevant.map((p) => [p, covers(p, segment)] as const));
    if (exposure.failing.length > 0) {
      const exception = loadBalancerException(stack, exposure.failing, segment);
      if (exception === true) continue;
      for (const p of exposure.failing) {
        const why = exposure.together ? ', together with the group\'s other rules (their ranges add up to an internet-wide set)' : '';
        if (typeof exception === 'object') setVerdict(verdicts, p, 'fail', `${p.key} admits the whole internet, but ${exception.lb} is the origin of ${exception.distribution}: admit only CloudFront (the ${CLOUDFRONT_ORIGIN_FACING_LIST} prefix list) so the edge cannot be bypassed`);
        else if (exception === 'unknown') setVerdict(verdicts, p, 'unknown', `cannot tell whether ${p.key} is allowed from the internet: whether its group fronts an internet-facing load balancer is unresolved`);
        else setVerdict(verdicts, p, 'fail', `${p.key} admits the whole internet${why}`);
      }
    }
    for (const p of exposure.uncertain) setVerdict(verdicts, p, 'unknown', `cannot tell whether ${p.key} is open to the internet (${p.sources.unresolved.length > 0 ? p.sources.unresolved.join(', ') : 'protocol or ports unresolved'})`);
  }
}

/** Fail wins over unknown; the first message of a status is kept. */
function setVerdict(verdicts: Map<IngressPermission, { status: 'fail' | 'unknown'; message: string }>, p: IngressPermission, status: 'fail' | 'unknown', message: string): void {
  const current = verdicts.get(p);
  if (current === undefined || (current.status === 'unknown' && status === 'fail')) verdicts.set(p, { status, message });
}

/**
 * The points a group's permissions carve the traffic space into: for each
 * protocol, the port ranges between the permissions' bounds. Every port of a
 * segment is admitted by the same permissions, so judging one judges all.
 */
function segmentsOf(permissions: readonly IngressPermission[], exact: boolean): Segment[] {
  const protocols = new Set<Protocol>(['tcp', 'udp', OTHER]);
  for (const p of permissions) if (p.protocol !== 'unknown' && p.protocol !== 'all') protocols.add(p.protocol);
  const out: Segment[] = [];
  for (const protocol of protocols) {
    if (!hasPorts(protocol) || !exact) {
      out.push({ protocol, ports: ALL_PORTS });
      continue;
    }
    const bounds = new Set<number>([ALL_PORTS.from, ALL_PORTS.to + 1]);
    for (const p of permissions) {
      if (p.protocol !== protocol || p.ports === 'unknown') continue;
      bounds.add(p.ports.from);
      bounds.add(p.ports.to + 1);
    }
    const sorted = [...bounds].sort((a, b) => a - b);
    for (let i = 0; i + 1 < sorted.length; i++) out.push({ protocol, ports: { from: sorted[i]!, to: sorted[i + 1]! - 1 } });
  }
  return out;
}

function covers(p: IngressPermission, segment: Segment): boolean | 'unknown' {
  if (p.protocol === 'unknown') return 'unknown';
  if (p.protocol === 'all') return true;
  if (p.protocol !== segment.protocol) return false;
  if (p.ports === 'unknown') return 'unknown';
  // Coarse segments (whole protocol) count any overlap; exact ones lie wholly inside or outside each range.
  return p.ports.from <= segment.ports.to && segment.ports.from <= p.ports.to;
}

/**
 * Whether the segment is 443 (or redirecting 80) on internet-facing load
 * balancers of every failing permission's group; not when one of them is a
 * CloudFront origin in this stack (then it names the origin and distribution).
 */
function loadBalancerException(stack: StackModel, failing: readonly IngressPermission[], segment: Segment): boolean | 'unknown' | { lb: string; distribution: string } {
  if (segment.protocol !== 'tcp' || segment.ports.from !== segment.ports.to) return false;
  const port = segment.ports.from;
  if (port !== 80 && port !== 443) return false;
  const group = failing[0]!.group;
  if (group === 'unknown') return 'unknown';
  const lbs = internetFacingLoadBalancersOf(stack, group);
  if (lbs === 'unknown') return 'unknown';
  if (lbs.length === 0) return false;
  const origins = cloudFrontOrigins(stack);
  for (const lb of lbs) {
    const distribution = origins.get(lb.address);
    if (distribution !== undefined) return { lb: lb.address, distribution };
  }
  return port === 443 || lbs.every((lb) => redirectsHttp(stack, lb));
}

/** Load balancer address → the CloudFront distribution that has it as an origin (by reference to its DNS name). */
function cloudFrontOrigins(stack: StackModel): ReadonlyMap<string, string> {
  return stackIndex(stack).memo('cloudfront-lb-origins', () => {
    const out = new Map<string, string>();
    for (const d of stackIndex(stack).ofTypes('aws_cloudfront_distribution')) {
      for (const origin of blocksOf(d.values.origin)) {
        for (const address of referencedAddresses(origin.domain_name)) if (/^aws_a?lb\./.test(address) && !out.has(address)) out.set(address, d.address);
      }
    }
    return out;
  });
}

/**
 * Whether a permission's only sources are the CloudFront origin-facing
 * managed prefix list, read by a data source named for it (by `name` or a
 * `prefix-list-name` filter). Those addresses are CloudFront's, not the
 * internet's. Any other source, or a list the gate cannot name, keeps the
 * permission in judgement.
 */
function cloudFrontSources(stack: StackModel): (p: IngressPermission) => boolean {
  const lists = new Set<string>();
  // In plan mode the data source has been read: its ID is known, and rules name the list by that ID.
  const ids = new Set<string>();
  for (const d of stack.dataSources.values()) {
    if (d.type !== 'aws_ec2_managed_prefix_list' || !namesCloudFrontList(d)) continue;
    lists.add(d.address);
    if (typeof d.values.id === 'string' && /^pl-[0-9a-f]+$/.test(d.values.id)) ids.add(d.values.id);
  }
  if (lists.size === 0) return () => false;
  return (p) => {
    if (!p.sources.known.isEmpty()) return false;
    const sources = sourcesOfKey(p.key);
    return sources.length > 0 && sources.every((s) => {
      const m = /^pl:\$\{(data\.aws_ec2_managed_prefix_list\.[A-Za-z0-9_-]+)\.id\}$/.exec(s);
      return (m !== null && lists.has(m[1]!)) || ids.has(s.slice('pl:'.length));
    });
  };
}

function namesCloudFrontList(d: ResourceModel): boolean {
  // A read data source (plan mode) shows an empty filter list where none was written.
  const noFilter = d.values.filter === undefined || (Array.isArray(d.values.filter) && d.values.filter.length === 0);
  if (d.values.name === CLOUDFRONT_ORIGIN_FACING_LIST && noFilter) return true;
  if (d.values.name !== undefined || d.values.id !== undefined) return false;
  const filters = blocksOf(d.values.filter);
  return filters.length === 1 && filters[0]!.name === 'prefix-list-name' && listOf(filters[0]!.values).length === 1 && listOf(filters[0]!.values)[0] === CLOUDFRONT_ORIGIN_FACING_LIST;
}

/** The sources part of a granular key `Ingress::<protocol>:<range>:<source>,<source>`. */
function sourcesOfKey(key: string): string[] {
  const rest = key.slice('Ingress::'.length);
  const afterProtocol = rest.indexOf(':');
  const afterRange = rest.indexOf(':', afterProtocol + 1);
  if (afterProtocol < 0 || afterRange < 0) return [];
  const shown = rest.slice(afterRange + 1);
  return shown === '' ? [] : shown.split(',');
}
