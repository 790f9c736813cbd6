import { createHash } from 'crypto';

/**
 * A deterministic AWS name of at most `max` characters. Short clean names are
 * used as they are; long ones (or ones with runs of hyphens, which RDS and
 * Backup refuse) are cut and given a hash of the full name, so two tenants
 * never collide and the name never changes between synths.
 */
export function boundedName(raw: string, max: number): string {
  const clean = raw.replace(/-{2,}/g, '-');
  if (clean === raw && raw.length <= max) return raw;
  const hash = createHash('sha256').update(raw).digest('hex').slice(0, 8);
  return `${clean.slice(0, max - 9).replace(/-+$/, '')}-${hash}`;
}

/**
 * Index in [0, n) derived from the tenant ID alone (FNV-1a). Spreads tenant
 * hosts over the AZs without looking at any other tenant, so adding or
 * removing one never moves another.
 */
export function stableIndex(key: string, n: number): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < key.length; i++) {
    h ^= key.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h % n;
}

/** The IAM partition of a region, for AWS-managed policy ARNs. */
export function partitionOf(region: string): string {
  if (region.startsWith('cn-')) return 'aws-cn';
  if (region.startsWith('us-gov-')) return 'aws-us-gov';
  return 'aws';
}
