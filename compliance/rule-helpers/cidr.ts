/**
 * Address ranges for the network rules. CIDRs are compared as ranges of
 * addresses, never as strings: `0.0.0.0/1` plus `128.0.0.0/1`, `::0/0`,
 * `0:0:0:0:0:0:0:0/0` and `0.0.0.0/00` all mean the whole internet, and a
 * rule set is judged by the union of the ranges it admits.
 *
 * Parsing is ip-num's. The set arithmetic is plain interval algebra on the
 * numeric addresses ip-num gives.
 *
 * ## What counts as "from anywhere" (internet-wide)
 * Public space is every address except the special-purpose ranges that the
 * internet never routes to a VPC (private, shared, loopback, link-local,
 * documentation, benchmarking, multicast, reserved; see `NOT_PUBLIC_*`).
 * A set of sources is internet-wide when the public addresses it holds add
 * up to at least a /8 of IPv4 (2^24 addresses, the largest block one
 * organisation is ever allocated) or a /32 of IPv6 (2^96, an ISP's
 * allocation). No allow list of partner or office ranges comes near either,
 * so anything that does is treated as the internet. The threshold applies to
 * the union: two /9 halves count as one /8.
 */
import { IPv4CidrRange, IPv6CidrRange } from 'ip-num';

export type Family = 'ipv4' | 'ipv6';

/** An inclusive range of addresses of one family, as numbers. */
export interface AddressRange {
  readonly family: Family;
  readonly first: bigint;
  readonly last: bigint;
}

type Intervals = readonly (readonly [bigint, bigint])[];

const MAX: Readonly<Record<Family, bigint>> = { ipv4: 2n ** 32n - 1n, ipv6: 2n ** 128n - 1n };

/** The internet-wide threshold per family, in public addresses (see the module doc). */
export const INTERNET_WIDE: Readonly<Record<Family, bigint>> = { ipv4: 2n ** 24n, ipv6: 2n ** 96n };

/**
 * Parses one CIDR as Terraform's AWS provider accepts it (Go's `net.ParseCIDR`,
 * which allows leading zeros in the prefix length). Host bits are masked off.
 * `undefined` when the text is not a CIDR this reader understands, which the
 * caller must treat as unknown.
 */
export function parseCidr(text: string): AddressRange | undefined {
  // ip-num takes ~0.1 ms per CIDR; stacks repeat the same few CIDRs, so parse each text once.
  let parsed = parsedCidrs.get(text);
  if (parsed === undefined) {
    if (parsedCidrs.size >= MAX_PARSED) parsedCidrs.clear();
    parsed = parseUncached(text) ?? null;
    parsedCidrs.set(text, parsed);
  }
  return parsed ?? undefined;
}

const MAX_PARSED = 65536;
const parsedCidrs = new Map<string, AddressRange | null>();

function parseUncached(text: string): AddressRange | undefined {
  const m = /^([0-9A-Fa-f:.]+)\/(\d{1,4})$/.exec(text);
  if (!m) return undefined;
  const address = m[1]!;
  const prefix = String(Number(m[2]));
  try {
    if (address.includes(':')) {
      const range = IPv6CidrRange.fromCidr(`${address}/${prefix}`);
      return { family: 'ipv6', first: range.getFirst().getValue(), last: range.getLast().getValue() };
    }
    const range = IPv4CidrRange.fromCidr(`${address}/${prefix}`);
    return { family: 'ipv4', first: range.getFirst().getValue(), last: range.getLast().getValue() };
  } catch {
    return undefined;
  }
}

/** Sorts and merges overlapping or adjacent intervals. */
function normalise(intervals: Intervals): Intervals {
  const sorted = [...intervals].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  const out: [bigint, bigint][] = [];
  for (const [first, last] of sorted) {
    const tail = out[out.length - 1];
    if (tail !== undefined && first <= tail[1] + 1n) {
      if (last > tail[1]) tail[1] = last;
    } else {
      out.push([first, last]);
    }
  }
  return out;
}

function intersect(a: Intervals, b: Intervals): Intervals {
  const out: [bigint, bigint][] = [];
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    const first = a[i]![0] > b[j]![0] ? a[i]![0] : b[j]![0];
    const last = a[i]![1] < b[j]![1] ? a[i]![1] : b[j]![1];
    if (first <= last) out.push([first, last]);
    if (a[i]![1] < b[j]![1]) i++;
    else j++;
  }
  return out;
}

function complement(a: Intervals, max: bigint): Intervals {
  const out: [bigint, bigint][] = [];
  let next = 0n;
  for (const [first, last] of a) {
    if (first > next) out.push([next, first - 1n]);
    next = last + 1n;
  }
  if (next <= max) out.push([next, max]);
  return out;
}

/** An immutable set of addresses of both families. */
export class AddressSet {
  static readonly EMPTY = new AddressSet([], []);
  static readonly EVERYTHING = new AddressSet([[0n, MAX.ipv4]], [[0n, MAX.ipv6]]);

  private constructor(
    private readonly v4: Intervals,
    private readonly v6: Intervals,
  ) {}

  static of(ranges: readonly AddressRange[]): AddressSet {
    if (ranges.length === 0) return AddressSet.EMPTY;
    if (ranges.length === 1) {
      const [r] = ranges as [AddressRange];
      return r.family === 'ipv4' ? new AddressSet([[r.first, r.last]], []) : new AddressSet([], [[r.first, r.last]]);
    }
    const v4 = ranges.filter((r) => r.family === 'ipv4').map((r) => [r.first, r.last] as const);
    const v6 = ranges.filter((r) => r.family === 'ipv6').map((r) => [r.first, r.last] as const);
    return new AddressSet(normalise(v4), normalise(v6));
  }

  /** The set of the given CIDRs; throws on one that does not parse (build-time constants only). */
  static ofCidrs(cidrs: readonly string[]): AddressSet {
    return AddressSet.of(
      cidrs.map((c) => {
        const r = parseCidr(c);
        if (r === undefined) throw new Error(`not a CIDR: ${c}`);
        return r;
      }),
    );
  }

  /** The union of many sets in one pass (folding `union` pairwise would be quadratic). */
  static unionOf(sets: readonly AddressSet[]): AddressSet {
    const some = sets.filter((x) => !x.isEmpty());
    if (some.length <= 1) return some[0] ?? AddressSet.EMPTY;
    return new AddressSet(normalise(some.flatMap((x) => x.v4)), normalise(some.flatMap((x) => x.v6)));
  }

  isEmpty(): boolean {
    return this.v4.length === 0 && this.v6.length === 0;
  }

  union(other: AddressSet): AddressSet {
    if (other.isEmpty()) return this;
    if (this.isEmpty()) return other;
    return new AddressSet(normalise([...this.v4, ...other.v4]), normalise([...this.v6, ...other.v6]));
  }

  intersect(other: AddressSet): AddressSet {
    if (this.isEmpty() || other.isEmpty()) return AddressSet.EMPTY;
    return new AddressSet(intersect(this.v4, other.v4), intersect(this.v6, other.v6));
  }

  minus(other: AddressSet): AddressSet {
    if (other.isEmpty() || this.isEmpty()) return this;
    return new AddressSet(intersect(this.v4, complement(other.v4, MAX.ipv4)), intersect(this.v6, complement(other.v6, MAX.ipv6)));
  }

  /** How many addresses of the family the set holds. */
  size(family: Family): bigint {
    return (family === 'ipv4' ? this.v4 : this.v6).reduce((n, [first, last]) => n + (last - first + 1n), 0n);
  }
}

/** IPv4 space the internet never routes to a VPC (IANA special-purpose registry). */
const NOT_PUBLIC_IPV4 = [
  '0.0.0.0/8', '10.0.0.0/8', '100.64.0.0/10', '127.0.0.0/8', '169.254.0.0/16', '172.16.0.0/12', '192.0.0.0/24', '192.0.2.0/24',
  '192.168.0.0/16', '198.18.0.0/15', '198.51.100.0/24', '203.0.113.0/24', '224.0.0.0/4', '240.0.0.0/4',
];

/** IPv6 space the internet never routes to a VPC. */
const NOT_PUBLIC_IPV6 = ['::/127', '::ffff:0:0/96', '100::/64', '2001:db8::/32', 'fc00::/7', 'fe80::/10', 'ff00::/8'];

/** Every address the internet can send from. */
export const PUBLIC = AddressSet.EVERYTHING.minus(AddressSet.ofCidrs([...NOT_PUBLIC_IPV4, ...NOT_PUBLIC_IPV6]));

/** The public part of a set. */
export function publicPart(set: AddressSet): AddressSet {
  return set.intersect(PUBLIC);
}

/** Whether the set's public addresses reach the internet-wide threshold (see the module doc). */
export function isInternetWide(set: AddressSet): boolean {
  return isWidePublic(publicPart(set));
}

/** `isInternetWide` for a set already cut down to public space (skips the intersection). */
export function isWidePublic(open: AddressSet): boolean {
  return !open.isEmpty() && (open.size('ipv4') >= INTERNET_WIDE.ipv4 || open.size('ipv6') >= INTERNET_WIDE.ipv6);
}
