import { ResourceModel, StackModel } from '../../types';
import { blockOf, blocksOf, boolOf, isAnywhereCidr, isUnresolved, listOf, numberOf, pointsAt, resolveTarget, resourcesOf } from './values';

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
  /** `'all'` for protocol -1; lowercase name otherwise (`tcp`, `udp`, `icmp`, or a number). */
  readonly protocol: string | 'unknown';
  /** Inclusive port range; `'all'` for every port. */
  readonly ports: { readonly from: number; readonly to: number } | 'all' | 'unknown';
  /** Whether the source is 0.0.0.0/0 or ::/0. */
  readonly fromAnywhere: boolean | 'unknown';
  /** Granular finding key, e.g. `Ingress::tcp:22-22:0.0.0.0/0`. */
  readonly key: string;
}

const PROTOCOL_NAMES: Record<string, string> = { '-1': 'all', all: 'all', '6': 'tcp', '17': 'udp', '1': 'icmp', '58': 'icmpv6' };

function protocolOf(value: unknown): string | 'unknown' {
  if (isUnresolved(value) || value === undefined) return 'unknown';
  const p = String(value).toLowerCase();
  return PROTOCOL_NAMES[p] ?? p;
}

function portsOf(protocol: string | 'unknown', fromValue: unknown, toValue: unknown): IngressPermission['ports'] {
  if (protocol === 'all') return 'all';
  if (protocol === 'unknown') return 'unknown';
  const from = numberOf(fromValue);
  const to = numberOf(toValue);
  if (from === 'unknown' || to === 'unknown') return 'unknown';
  if (from === undefined || to === undefined) return protocol === 'tcp' || protocol === 'udp' ? 'unknown' : 'all';
  // -1 / 0-65535 mean every port.
  if (from <= 0 && (to === -1 || to >= 65535)) return 'all';
  return { from, to };
}

function anywhereOf(sources: readonly unknown[]): boolean | 'unknown' {
  if (sources.some(isAnywhereCidr)) return true;
  return sources.some(isUnresolved) ? 'unknown' : false;
}

function keyOf(protocol: string, ports: IngressPermission['ports'], sources: readonly unknown[]): string {
  const range = ports === 'all' ? 'all' : ports === 'unknown' ? '?' : `${ports.from}-${ports.to}`;
  const cidrs = sources.map((s) => (typeof s === 'string' ? s : '?')).join(',');
  return `Ingress::${protocol}:${range}:${cidrs}`;
}

function permission(address: string, group: ResourceModel | 'unknown', block: Record<string, unknown>, sources: unknown[]): IngressPermission {
  const protocol = protocolOf(block.protocol ?? block.ip_protocol);
  const ports = portsOf(protocol, block.from_port, block.to_port);
  return { address, group, protocol, ports, fromAnywhere: anywhereOf(sources), key: keyOf(protocol, ports, sources) };
}

/** Every ingress permission of the stack, grouped by the address that holds it (groups without rules map to []). */
export function ingressPermissions(stack: StackModel): Map<string, IngressPermission[]> {
  const out = new Map<string, IngressPermission[]>();
  for (const group of resourcesOf(stack, 'aws_security_group', 'aws_default_security_group')) {
    const list = blocksOf(group.values.ingress).map((b) => permission(group.address, group, b, [...listOf(b.cidr_blocks), ...listOf(b.ipv6_cidr_blocks)]));
    // An unresolved `ingress = var.rules` could hold anything.
    if (isUnresolved(group.values.ingress)) list.push({ address: group.address, group, protocol: 'unknown', ports: 'unknown', fromAnywhere: 'unknown', key: 'Ingress::?' });
    out.set(group.address, list);
  }
  for (const rule of resourcesOf(stack, 'aws_security_group_rule')) {
    if (rule.values.type !== 'ingress' && !isUnresolved(rule.values.type)) continue;
    const group = groupOf(stack, rule.values.security_group_id);
    const sources = [...listOf(rule.values.cidr_blocks), ...listOf(rule.values.ipv6_cidr_blocks)];
    const p = permission(rule.address, group, rule.values, sources);
    out.set(rule.address, [rule.values.type === 'ingress' ? p : { ...p, fromAnywhere: p.fromAnywhere === false ? false : 'unknown' }]);
  }
  for (const rule of resourcesOf(stack, 'aws_vpc_security_group_ingress_rule')) {
    const group = groupOf(stack, rule.values.security_group_id);
    const sources = [rule.values.cidr_ipv4, rule.values.cidr_ipv6].filter((v) => v !== undefined && v !== null);
    out.set(rule.address, [permission(rule.address, group, rule.values, sources)]);
  }
  return out;
}

function groupOf(stack: StackModel, value: unknown): ResourceModel | 'unknown' {
  const target = resolveTarget(stack, value, ['aws_security_group', 'aws_default_security_group']);
  return target === undefined ? 'unknown' : target;
}

/** Whether the permission's ports include `port` for TCP (or all protocols). */
export function coversTcpPort(p: IngressPermission, port: number): boolean | 'unknown' {
  if (p.protocol === 'unknown') return 'unknown';
  if (p.protocol !== 'all' && p.protocol !== 'tcp') return false;
  if (p.ports === 'unknown') return 'unknown';
  if (p.ports === 'all') return true;
  return p.ports.from <= port && port <= p.ports.to;
}

/**
 * Internet-facing load balancers that use the group, for the 80/443 exception.
 * `'unknown'` when a load balancer's security groups or scheme cannot be read.
 */
export function internetFacingLoadBalancersOf(stack: StackModel, group: ResourceModel): ResourceModel[] | 'unknown' {
  const out: ResourceModel[] = [];
  let unknown = false;
  for (const lb of resourcesOf(stack, 'aws_lb', 'aws_alb')) {
    const groups = listOf(lb.values.security_groups);
    const uses = groups.some((g) => pointsAt(g, group, ['id', 'name']));
    if (!uses) {
      if (groups.some((g) => isUnresolved(g) && !resourcesOf(stack, 'aws_security_group').some((sg) => pointsAt(g, sg)))) unknown = true;
      continue;
    }
    const internal = boolOf(lb.values.internal, false);
    if (internal === 'unknown') unknown = true;
    else if (!internal) out.push(lb);
  }
  return out.length === 0 && unknown ? 'unknown' : out;
}

/** Whether the load balancer has a port-80 HTTP listener that redirects to HTTPS. */
export function redirectsHttp(stack: StackModel, lb: ResourceModel): boolean {
  return resourcesOf(stack, 'aws_lb_listener', 'aws_alb_listener').some((l) => {
    if (!pointsAt(l.values.load_balancer_arn, lb) || numberOf(l.values.port) !== 80) return false;
    const actions = blocksOf(l.values.default_action);
    return actions.length > 0 && actions.every((a) => a.type === 'redirect' && String(blockOf(a.redirect).protocol ?? '').toUpperCase() === 'HTTPS');
  });
}
