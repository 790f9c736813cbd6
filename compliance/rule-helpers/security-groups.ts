/**
 * Security-group ingress, read from every place Terraform lets it be written,
 * and judged as AWS applies it: a group admits the union of its rules, so two
 * rules that each admit half the internet together admit all of it.
 */
import { ResourceModel, StackModel } from '../types';
import { AddressSet, isWidePublic, publicPart } from './cidr';
import { stackIndex } from './stack-index';
import { cidrSources, mergeSources, NO_SOURCES, PortRange, portsOf, Protocol, protocolOf, Sources, written } from './traffic';
import { blockOf, blocksOf, boolOf, isRecord, isUnresolved, listOf, numberOf } from './values';

export const GROUP_TYPES = ['aws_security_group', 'aws_default_security_group'];
export const RULE_TYPES = ['aws_security_group_rule', 'aws_vpc_security_group_ingress_rule', 'aws_vpc_security_group_egress_rule'];

/**
 * One ingress permission, wherever it was written: an inline `ingress` block
 * of `aws_security_group` / `aws_default_security_group`, an
 * `aws_security_group_rule` of type ingress, or an
 * `aws_vpc_security_group_ingress_rule`. Findings go to `address`, the
 * resource that holds the permission, so that is what a suppression targets.
 */
export interface IngressPermission {
  readonly address: string;
  /** The group the permission belongs to; `'unknown'` when its reference cannot be resolved. */
  readonly group: ResourceModel | 'unknown';
  /** What the permission is judged together with: the group's address, or its own when the group is unknown. */
  readonly groupKey: string;
  readonly protocol: Protocol | 'unknown';
  /** Inclusive port range (all ports for protocol `all` and port-less protocols). */
  readonly ports: PortRange | 'unknown';
  /** Address sources (CIDRs, resolved prefix lists). Group references and `self` are not address sources. */
  readonly sources: Sources;
  /** The public part of the known sources. */
  readonly publicSources: AddressSet;
  /** Whether the known sources alone are internet-wide. */
  readonly wideAlone: boolean;
  /** Granular finding key, e.g. `Ingress::tcp:22-22:0.0.0.0/0`. */
  readonly key: string;
}

function keyOf(protocol: Protocol | 'unknown', ports: PortRange | 'unknown', shown: readonly string[]): string {
  const range = protocol === 'all' ? 'all' : ports === 'unknown' || protocol === 'unknown' ? '?' : `${ports.from}-${ports.to}`;
  return `Ingress::${protocol === 'unknown' ? '?' : protocol}:${range}:${shown.join(',')}`;
}

function shownSources(values: readonly unknown[]): string[] {
  return values.filter((v) => v !== undefined && v !== null && v !== '').map((v) => (typeof v === 'string' && !isUnresolved(v) ? v : '?'));
}

interface Written {
  readonly protocol: unknown;
  readonly from: unknown;
  readonly to: unknown;
  readonly cidrs: readonly unknown[];
  readonly prefixLists: readonly unknown[];
}

function permission(stack: StackModel, address: string, group: ResourceModel | 'unknown', w: Written): IngressPermission {
  const protocol = protocolOf(w.protocol);
  const ports = portsOf(protocol, w.from, w.to);
  const fromCidrs = cidrSources(w.cidrs);
  const fromLists = prefixListSources(stack, w.prefixLists);
  const sources = mergeSources(fromCidrs, fromLists);
  const shown = [...shownSources(w.cidrs), ...w.prefixLists.map((p) => `pl:${written(p)}`)];
  return withSources({ address, group, groupKey: group === 'unknown' ? address : group.address, protocol, ports, key: keyOf(protocol, ports, shown) }, sources);
}

/** Completes a permission with its sources and the facts derived from them, computed once. */
function withSources(p: Omit<IngressPermission, 'sources' | 'publicSources' | 'wideAlone'>, sources: Sources): IngressPermission {
  const publicSources = publicPart(sources.known);
  return { ...p, sources, publicSources, wideAlone: isWidePublic(publicSources) };
}

/** A stand-in for ingress that cannot be read at all (`ingress = var.rules`, a `dynamic` block). */
function unreadable(address: string, group: ResourceModel, why: string): IngressPermission {
  return withSources({ address, group, groupKey: group.address, protocol: 'unknown', ports: 'unknown', key: 'Ingress::?' }, { known: AddressSet.EMPTY, unresolved: [why] });
}

/**
 * The addresses of prefix lists. A list managed in this stack
 * (`aws_ec2_managed_prefix_list` with its `entry` blocks and any
 * `aws_ec2_managed_prefix_list_entry`) is resolved; any other (a data
 * source, an AWS-managed list, a literal `pl-` ID) is unresolved.
 */
function prefixListSources(stack: StackModel, values: readonly unknown[]): Sources {
  if (values.length === 0) return NO_SOURCES;
  const index = stackIndex(stack);
  const entriesByList = index.memo('prefix-list-entries', () => {
    const out = new Map<string, unknown[]>();
    for (const e of index.ofTypes('aws_ec2_managed_prefix_list_entry')) {
      const list = index.resolve(e.values.prefix_list_id, ['aws_ec2_managed_prefix_list']);
      const key = list === undefined || list === 'unknown' ? '?' : list.address;
      let cidrs = out.get(key);
      if (cidrs === undefined) out.set(key, (cidrs = []));
      cidrs.push(e.values.cidr);
    }
    return out;
  });
  const all: Sources[] = [];
  for (const value of values) {
    const list = index.resolve(value, ['aws_ec2_managed_prefix_list'], ['id']);
    if (list === undefined) continue;
    if (list === 'unknown') {
      all.push({ known: AddressSet.EMPTY, unresolved: [`prefix list ${written(value)} (not managed in this stack)`] });
      continue;
    }
    const cidrs = [...blocksOf(list.values.entry).map((e) => e.cidr), ...(entriesByList.get(list.address) ?? [])];
    const unresolvedEntries = isUnresolved(list.values.entry) || (list.values.entry !== undefined && !Array.isArray(list.values.entry) && !isRecord(list.values.entry));
    // An entry resource whose list cannot be resolved could belong to this list.
    const stray = entriesByList.has('?') ? [`an aws_ec2_managed_prefix_list_entry whose list cannot be resolved`] : [];
    const read = cidrSources(cidrs);
    all.push({ known: read.known, unresolved: [...read.unresolved, ...stray, ...(unresolvedEntries ? [`${list.address}.entry is unresolved`] : [])] });
  }
  return mergeSources(...all);
}

export interface IngressIndex {
  /** Every holder address (groups with no rules map to []) → its permissions. */
  readonly byHolder: ReadonlyMap<string, readonly IngressPermission[]>;
  /** Group key → every permission judged together. */
  readonly byGroup: ReadonlyMap<string, readonly IngressPermission[]>;
}

/** Every ingress permission of the stack, built once per stack. */
export function ingressIndex(stack: StackModel): IngressIndex {
  return stackIndex(stack).memo('sg-ingress', () => buildIngress(stack));
}

function buildIngress(stack: StackModel): IngressIndex {
  const index = stackIndex(stack);
  const byHolder = new Map<string, IngressPermission[]>();
  for (const group of index.ofTypes(...GROUP_TYPES)) {
    const list = blocksOf(group.values.ingress).map((b) =>
      permission(stack, group.address, group, { protocol: b.protocol, from: b.from_port, to: b.to_port, cidrs: [...listOf(b.cidr_blocks), ...listOf(b.ipv6_cidr_blocks)], prefixLists: listOf(b.prefix_list_ids) }),
    );
    const ingress = group.values.ingress;
    const partlyUnreadable = isUnresolved(ingress) || (Array.isArray(ingress) && ingress.some((b) => !isRecord(b))) || (ingress !== undefined && ingress !== null && !Array.isArray(ingress) && !isRecord(ingress));
    if (partlyUnreadable) list.push(unreadable(group.address, group, 'ingress is unresolved'));
    if (dynamicIngress(group.values.dynamic)) list.push(unreadable(group.address, group, 'a dynamic "ingress" block (config mode cannot expand it; check the plan)'));
    byHolder.set(group.address, list);
  }
  for (const rule of index.ofTypes('aws_security_group_rule')) {
    const type = rule.values.type;
    if (type !== 'ingress' && !isUnresolved(type)) continue;
    const group = groupOf(stack, rule.values.security_group_id);
    const w = { protocol: rule.values.protocol, from: rule.values.from_port, to: rule.values.to_port, cidrs: [...listOf(rule.values.cidr_blocks), ...listOf(rule.values.ipv6_cidr_blocks)], prefixLists: listOf(rule.values.prefix_list_ids) };
    const p = permission(stack, rule.address, group, w);
    // A rule whose type is unresolved may or may not be ingress: what it admits is unknown, not known.
    const maybe = type === 'ingress' || !mayBePublic(p) ? p : withSources(p, { known: AddressSet.EMPTY, unresolved: ['type is unresolved', ...p.sources.unresolved] });
    byHolder.set(rule.address, [maybe]);
  }
  for (const rule of index.ofTypes('aws_vpc_security_group_ingress_rule')) {
    const group = groupOf(stack, rule.values.security_group_id);
    const w = { protocol: rule.values.ip_protocol, from: rule.values.from_port, to: rule.values.to_port, cidrs: [rule.values.cidr_ipv4, rule.values.cidr_ipv6], prefixLists: listOf(rule.values.prefix_list_id) };
    byHolder.set(rule.address, [permission(stack, rule.address, group, w)]);
  }
  const byGroup = new Map<string, IngressPermission[]>();
  for (const list of byHolder.values()) {
    for (const p of list) {
      let members = byGroup.get(p.groupKey);
      if (members === undefined) byGroup.set(p.groupKey, (members = []));
      members.push(p);
    }
  }
  return { byHolder, byGroup };
}

function dynamicIngress(value: unknown): boolean {
  if (value === undefined || value === null) return false;
  if (isUnresolved(value) || !isRecord(value)) return true;
  return blocksOf(value).some((d) => 'ingress' in d);
}

function groupOf(stack: StackModel, value: unknown): ResourceModel | 'unknown' {
  return stackIndex(stack).resolve(value, GROUP_TYPES) ?? 'unknown';
}

/** Whether the permission may admit public addresses at all (known public sources, or sources that cannot be read). */
export function mayBePublic(p: IngressPermission): boolean {
  return p.sources.unresolved.length > 0 || !p.publicSources.isEmpty();
}

/**
 * Whether any point of the group could be internet-wide: some permission
 * cannot be fully read, or the union of every permission's public sources
 * (whatever their ports) is internet-wide. When not, no (protocol, port)
 * needs judging, which keeps the common case one pass over the group.
 */
export function groupMayBeExposed(members: readonly IngressPermission[]): boolean {
  if (members.some((p) => p.sources.unresolved.length > 0 || p.protocol === 'unknown' || p.ports === 'unknown')) return true;
  return members.some((p) => p.wideAlone) || isWidePublic(unionOf(members));
}

/** How the permissions admitting one (protocol, port) expose it. */
export interface PointExposure {
  /** Permissions that make the point internet-wide: each alone, or (when none does alone) all that admit public sources together. */
  readonly failing: readonly IngressPermission[];
  readonly together: boolean;
  /** Permissions that may make it internet-wide but cannot be read (unresolved sources, protocol or ports). */
  readonly uncertain: readonly IngressPermission[];
}

/**
 * Judges the permissions that may admit one point, each with whether it
 * covers the point (`'unknown'` when its protocol or ports are unresolved).
 * Only the union of what definitely reaches the point can make it fail;
 * what might reach it makes it unknown only if, counted in, the union could
 * be internet-wide.
 */
export function exposureAt(covering: readonly (readonly [IngressPermission, boolean | 'unknown'])[]): PointExposure {
  const maybe = covering.filter(([p, c]) => c !== false && mayBePublic(p));
  if (maybe.length === 0) return NOTHING_EXPOSED;
  const definite = maybe.filter(([p, c]) => c === true && !p.publicSources.isEmpty()).map(([p]) => p);
  const alone = definite.filter((p) => p.wideAlone);
  const together = alone.length === 0 && definite.length > 1 && isWidePublic(unionOf(definite));
  const failing = alone.length > 0 ? alone : together ? definite : [];
  const doubtful = maybe.filter(([p, c]) => c === 'unknown' || p.sources.unresolved.length > 0);
  if (doubtful.length === 0) return { failing, together, uncertain: [] };
  const couldBeWide = failing.length > 0 || doubtful.some(([p]) => p.sources.unresolved.length > 0) || isWidePublic(unionOf(maybe.map(([p]) => p)));
  const failed = new Set(failing);
  const uncertain = couldBeWide ? doubtful.map(([p]) => p).filter((p) => !failed.has(p)) : [];
  return { failing, together, uncertain };
}

const NOTHING_EXPOSED: PointExposure = { failing: [], together: false, uncertain: [] };

function unionOf(permissions: readonly IngressPermission[]): AddressSet {
  return AddressSet.unionOf(permissions.map((p) => p.publicSources));
}

/**
 * Internet-facing load balancers that use the group, for the 80/443 exception.
 * `'unknown'` when a load balancer's security groups or scheme cannot be read.
 */
export function internetFacingLoadBalancersOf(stack: StackModel, group: ResourceModel): ResourceModel[] | 'unknown' {
  const { byGroup, unresolvedLbs } = loadBalancerIndex(stack);
  const out: ResourceModel[] = [];
  let unknown = false;
  for (const lb of byGroup.get(group.address) ?? []) {
    const internal = boolOf(lb.values.internal, false);
    if (internal === 'unknown') unknown = true;
    else if (!internal) out.push(lb);
  }
  // A load balancer whose groups cannot be resolved may be this group's.
  if (unresolvedLbs) unknown = true;
  return out.length === 0 && unknown ? 'unknown' : out;
}

function loadBalancerIndex(stack: StackModel): { byGroup: Map<string, ResourceModel[]>; unresolvedLbs: boolean } {
  const index = stackIndex(stack);
  return index.memo('sg-load-balancers', () => {
    const byGroup = new Map<string, ResourceModel[]>();
    let unresolvedLbs = false;
    for (const lb of index.ofTypes('aws_lb', 'aws_alb')) {
      for (const g of listOf(lb.values.security_groups)) {
        const target = index.resolve(g, ['aws_security_group'], ['id', 'name']);
        if (target === 'unknown') {
          if (isUnresolved(g)) unresolvedLbs = true;
        } else if (target !== undefined) {
          let lbs = byGroup.get(target.address);
          if (lbs === undefined) byGroup.set(target.address, (lbs = []));
          if (!lbs.includes(lb)) lbs.push(lb);
        }
      }
    }
    return { byGroup, unresolvedLbs };
  });
}

/** Whether the load balancer has a port-80 HTTP listener that redirects to HTTPS. */
export function redirectsHttp(stack: StackModel, lb: ResourceModel): boolean {
  const index = stackIndex(stack);
  const listeners = index.memo('lb-listeners', () => {
    const out = new Map<string, ResourceModel[]>();
    for (const l of index.ofTypes('aws_lb_listener', 'aws_alb_listener')) {
      const target = index.resolve(l.values.load_balancer_arn, ['aws_lb', 'aws_alb']);
      if (target === undefined || target === 'unknown') continue;
      let mine = out.get(target.address);
      if (mine === undefined) out.set(target.address, (mine = []));
      mine.push(l);
    }
    return out;
  });
  return (listeners.get(lb.address) ?? []).some((l) => {
    if (numberOf(l.values.port) !== 80) return false;
    const actions = blocksOf(l.values.default_action);
    return actions.length > 0 && actions.every((a) => a.type === 'redirect' && String(blockOf(a.redirect).protocol ?? '').toUpperCase() === 'HTTPS');
  });
}
