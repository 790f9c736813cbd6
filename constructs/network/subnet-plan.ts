import { IPv4, IPv4CidrRange } from 'ip-num';
import { ErrorCode, TenantformError } from '../../core/errors';

export type SubnetTier = 'public' | 'private' | 'isolated';
export const SUBNET_TIERS: readonly SubnetTier[] = ['public', 'private', 'isolated'];

export interface TierRequest {
  readonly tier: SubnetTier;
  /** Prefix length of each subnet in the tier, e.g. 24. */
  readonly cidrMask: number;
  /** Pin the tier to this block; otherwise it is carved from free space. */
  readonly cidrBlock?: string;
}

export interface SubnetPlanRequest {
  readonly vpcCidr: string;
  readonly availabilityZones: readonly string[];
  /**
   * Slots reserved per tier. Subnet addresses depend on it and on the AZ's
   * position only, never on how many AZs are in use, so adding an AZ leaves
   * the existing subnets untouched.
   */
  readonly maxAzCount: number;
  readonly tiers: readonly TierRequest[];
}

export interface PlannedSubnet {
  readonly tier: SubnetTier;
  readonly availabilityZone: string;
  readonly cidrBlock: string;
}

export interface SubnetPlan {
  /** The block each tier occupies. */
  readonly tierBlocks: Readonly<Record<string, string>>;
  readonly subnets: readonly PlannedSubnet[];
}

// AWS bounds: a VPC is /16 to /28, and so is a subnet.
const MIN_PREFIX = 16;
const MAX_PREFIX = 28;

/**
 * Lays out subnets: each tier gets an aligned block of `maxAzCount` slots
 * (rounded up to a power of two), largest blocks first; AZ number i takes slot i.
 * Pure and deterministic, so it can be unit-tested apart from any construct.
 */
export function planSubnets(req: SubnetPlanRequest, where: string): SubnetPlan {
  const vpc = parseCidr(req.vpcCidr, where, 'TF-VPC-001', 'VPC cidrBlock');
  if (vpc.prefix < MIN_PREFIX || vpc.prefix > MAX_PREFIX) {
    throw new TenantformError({
      code: 'TF-VPC-001',
      where,
      problem: `VPC cidrBlock must have a prefix between /${MIN_PREFIX} and /${MAX_PREFIX}.`,
      value: req.vpcCidr,
      fix: 'use a block such as "10.0.0.0/16".',
    });
  }
  if (req.availabilityZones.length > req.maxAzCount) {
    throw new TenantformError({
      code: 'TF-VPC-003',
      where,
      problem: `${req.availabilityZones.length} availability zones exceed maxAzCount (${req.maxAzCount}), the slots reserved per tier.`,
      value: req.availabilityZones,
      fix: 'use fewer AZs, or raise maxAzCount (only before the first deploy: it moves every subnet).',
    });
  }
  const slots = nextPowerOfTwo(req.maxAzCount);
  const blocks = new Map<SubnetTier, Block>();

  for (const t of req.tiers) {
    if (!Number.isInteger(t.cidrMask) || t.cidrMask < vpc.prefix || t.cidrMask > MAX_PREFIX) {
      throw new TenantformError({
        code: 'TF-VPC-002',
        where,
        problem: `cidrMask of the ${t.tier} tier must be a whole number from /${vpc.prefix} (the VPC) to /${MAX_PREFIX}.`,
        value: t.cidrMask,
        fix: `pick a mask between ${vpc.prefix} and ${MAX_PREFIX}, e.g. ${exampleMask(vpc.prefix)}.`,
      });
    }
    const blockPrefix = t.cidrMask - Math.log2(slots);
    if (t.cidrBlock !== undefined) {
      const pinned = parseCidr(t.cidrBlock, where, 'TF-VPC-001', `cidrBlock of the ${t.tier} tier`);
      if (!within(pinned, vpc)) {
        throw new TenantformError({
          code: 'TF-VPC-003',
          where,
          problem: `the ${t.tier} tier block lies outside the VPC ${req.vpcCidr}.`,
          value: t.cidrBlock,
          fix: `choose a block inside ${req.vpcCidr}.`,
        });
      }
      if (pinned.prefix > blockPrefix) {
        throw new TenantformError({
          code: 'TF-VPC-003',
          where,
          problem: `the ${t.tier} tier block cannot hold ${slots} subnets of /${t.cidrMask}.`,
          value: t.cidrBlock,
          fix: `use a block of /${blockPrefix} or larger, a longer cidrMask, or a lower maxAzCount.`,
        });
      }
      blocks.set(t.tier, pinned);
    }
  }
  assertNoOverlap([...blocks.entries()], where);

  const free = req.tiers
    .filter((t) => t.cidrBlock === undefined)
    .map((t) => ({ tier: t.tier, prefix: t.cidrMask - Math.log2(slots) }))
    .sort((a, b) => a.prefix - b.prefix || SUBNET_TIERS.indexOf(a.tier) - SUBNET_TIERS.indexOf(b.tier));
  for (const f of free) {
    if (f.prefix < vpc.prefix) throw capacityError(req, where, f.tier);
    const placed = firstFit(vpc, f.prefix, [...blocks.values()]);
    if (!placed) throw capacityError(req, where, f.tier);
    blocks.set(f.tier, placed);
  }

  const subnets: PlannedSubnet[] = [];
  for (const t of req.tiers) {
    const block = blocks.get(t.tier)!;
    const size = 2n ** BigInt(32 - t.cidrMask);
    req.availabilityZones.forEach((az, slot) => {
      subnets.push({ tier: t.tier, availabilityZone: az, cidrBlock: toCidr(block.start + size * BigInt(slot), t.cidrMask) });
    });
  }
  const tierBlocks: Record<string, string> = {};
  for (const t of req.tiers) tierBlocks[t.tier] = toCidr(blocks.get(t.tier)!.start, blocks.get(t.tier)!.prefix);
  return { tierBlocks, subnets };
}

interface Block {
  readonly start: bigint;
  readonly prefix: number;
}

function parseCidr(cidr: string, where: string, code: ErrorCode, what: string): Block {
  const fail = () =>
    new TenantformError({
      code,
      where,
      problem: `${what} is not a valid IPv4 network in CIDR form.`,
      value: cidr,
      fix: 'write it as network/prefix with the host bits zero, e.g. "10.0.0.0/16".',
    });
  if (typeof cidr !== 'string' || !/^\d{1,3}(\.\d{1,3}){3}\/\d{1,2}$/.test(cidr)) throw fail();
  let range: IPv4CidrRange;
  try {
    range = IPv4CidrRange.fromCidr(cidr);
  } catch {
    throw fail();
  }
  const [address] = cidr.split('/');
  if (range.getFirst().toString() !== address) throw fail();
  return { start: range.getFirst().value, prefix: Number(range.cidrPrefix.getValue()) };
}

function end(b: Block): bigint {
  return b.start + 2n ** BigInt(32 - b.prefix);
}

function within(inner: Block, outer: Block): boolean {
  return inner.start >= outer.start && end(inner) <= end(outer);
}

function overlaps(a: Block, b: Block): boolean {
  return a.start < end(b) && b.start < end(a);
}

function assertNoOverlap(entries: [SubnetTier, Block][], where: string): void {
  for (let i = 0; i < entries.length; i++) {
    for (let j = i + 1; j < entries.length; j++) {
      const [ta, a] = entries[i]!;
      const [tb, b] = entries[j]!;
      if (overlaps(a, b)) {
        throw new TenantformError({
          code: 'TF-VPC-004',
          where,
          problem: `the ${ta} and ${tb} tiers overlap.`,
          value: { [ta]: toCidr(a.start, a.prefix), [tb]: toCidr(b.start, b.prefix) },
          fix: 'give each tier a disjoint cidrBlock, or leave cidrBlock unset to have it carved automatically.',
        });
      }
    }
  }
}

/** Lowest aligned block of the given prefix inside `vpc` that avoids `taken`. */
function firstFit(vpc: Block, prefix: number, taken: Block[]): Block | undefined {
  // Stepping by the block size keeps every candidate aligned; materialising
  // each candidate as a range object cost milliseconds per VPC.
  const size = 2n ** BigInt(32 - prefix);
  for (let start = vpc.start; start + size <= end(vpc); start += size) {
    const block = { start, prefix };
    if (!taken.some((t) => overlaps(t, block))) return block;
  }
  return undefined;
}

function capacityError(req: SubnetPlanRequest, where: string, tier: SubnetTier): TenantformError {
  return new TenantformError({
    code: 'TF-VPC-003',
    where,
    problem: `the VPC has no room left for the ${tier} tier (${nextPowerOfTwo(req.maxAzCount)} slots per tier).`,
    value: { cidrBlock: req.vpcCidr, maxAzCount: req.maxAzCount, tiers: req.tiers.map((t) => `${t.tier}/${t.cidrMask}`) },
    fix: 'use a larger VPC block, longer cidrMask values, fewer tiers, or a lower maxAzCount.',
  });
}

function toCidr(start: bigint, prefix: number): string {
  return `${IPv4.fromNumber(start).toString()}/${prefix}`;
}

function nextPowerOfTwo(n: number): number {
  let p = 1;
  while (p < n) p *= 2;
  return p;
}

/** An example tier mask that fits any VPC of this prefix: /24 where it can, else the smallest the VPC allows. */
export function exampleMask(vpcPrefix: number): number {
  return Math.min(MAX_PREFIX, Math.max(24, vpcPrefix));
}
