/**
 * Protocols, port ranges and CIDR sources as security groups and network ACLs
 * write them, read the way the AWS provider normalises them. Anything this
 * reader does not understand comes back `'unknown'`, never as "no traffic".
 */
import { isUnknown } from '../values';
import { AddressSet, parseCidr } from './cidr';
import { isUnresolved, numberOf } from './values';

/** `all` for protocol -1; `tcp`, `udp`, `icmp`, `icmpv6`; `#<n>` for any other IANA protocol number. */
export type Protocol = string;

const NUMBERED: Readonly<Record<number, Protocol>> = { [-1]: 'all', 1: 'icmp', 6: 'tcp', 17: 'udp', 58: 'icmpv6' };
const NAMED = new Set(['all', 'tcp', 'udp', 'icmp', 'icmpv6']);

/**
 * The protocol, normalised as the provider does: case-insensitive names,
 * numbers (with leading zeros, as Go's Atoi reads them) mapped to their name.
 * A name it does not know is `'unknown'`.
 */
export function protocolOf(value: unknown): Protocol | 'unknown' {
  if (value === undefined || value === null || isUnresolved(value)) return 'unknown';
  const text = String(value).trim().toLowerCase();
  if (/^[+-]?\d+$/.test(text)) {
    const n = Number(text);
    return NUMBERED[n] ?? (n >= 0 && n <= 255 ? `#${n}` : 'unknown');
  }
  return NAMED.has(text) ? text : 'unknown';
}

/** An inclusive port range. */
export interface PortRange {
  readonly from: number;
  readonly to: number;
}

export const ALL_PORTS: PortRange = { from: 0, to: 65535 };

/** Whether ports mean anything for the protocol (they are type/code for ICMP). */
export function hasPorts(protocol: Protocol): boolean {
  return protocol === 'tcp' || protocol === 'udp';
}

/**
 * The ports a rule admits. Protocol `all` (and protocols without ports)
 * admit every port. A negative bound or 0-65535 means all ports; a missing
 * or unresolved bound on TCP/UDP is `'unknown'`.
 */
export function portsOf(protocol: Protocol | 'unknown', fromValue: unknown, toValue: unknown): PortRange | 'unknown' {
  if (protocol === 'unknown') return 'unknown';
  if (!hasPorts(protocol)) return ALL_PORTS;
  const from = numberOf(fromValue);
  const to = numberOf(toValue);
  if (from === undefined || to === undefined || from === 'unknown' || to === 'unknown') return 'unknown';
  if (from < 0 || to < 0) return ALL_PORTS;
  return { from: Math.max(0, from), to: Math.min(65535, to) };
}

/** Whether (protocol, ports) admits `port` over `wanted` (tcp or udp). */
export function coversPort(protocol: Protocol | 'unknown', ports: PortRange | 'unknown', wanted: Protocol, port: number): boolean | 'unknown' {
  if (protocol === 'unknown') return 'unknown';
  if (protocol !== 'all' && protocol !== wanted) return false;
  if (protocol === 'all') return true;
  if (ports === 'unknown') return 'unknown';
  return ports.from <= port && port <= ports.to;
}

/**
 * Where traffic may come from: the addresses known exactly, plus the
 * sources that could not be read (shown as written), which could be anything.
 */
export interface Sources {
  readonly known: AddressSet;
  readonly unresolved: readonly string[];
}

export const NO_SOURCES: Sources = { known: AddressSet.EMPTY, unresolved: [] };

export function mergeSources(...all: readonly Sources[]): Sources {
  const some = all.filter((s) => s !== NO_SOURCES && (!s.known.isEmpty() || s.unresolved.length > 0));
  if (some.length <= 1) return some[0] ?? NO_SOURCES;
  return { known: AddressSet.unionOf(some.map((x) => x.known)), unresolved: some.flatMap((x) => x.unresolved) };
}

/** Describes a value as written, for messages and finding keys. */
export function written(value: unknown): string {
  if (isUnknown(value)) return value.$unknown;
  return typeof value === 'string' ? value : JSON.stringify(value) ?? String(value);
}

/** CIDR attribute values (strings, lists of strings, or unresolved expressions) as sources. Absent and empty values add nothing. */
export function cidrSources(values: readonly unknown[]): Sources {
  if (values.length === 0) return NO_SOURCES;
  const ranges = [];
  const unresolved: string[] = [];
  for (const value of values) {
    if (value === undefined || value === null || value === '') continue;
    const range = typeof value === 'string' && !isUnresolved(value) ? parseCidr(value.trim() === value ? value : '') : undefined;
    if (range === undefined) unresolved.push(written(value));
    else ranges.push(range);
  }
  return { known: AddressSet.of(ranges), unresolved };
}
