import { IPv4CidrRange } from 'ip-num';
import { TenantformError } from '../../../core/errors';

/** The private IPv4 ranges (RFC 1918) a CIDR allowed to reach the internal NLB must lie in. */
const PRIVATE_RANGES = ['10.0.0.0/8', '172.16.0.0/12', '192.168.0.0/16'].map((c) => IPv4CidrRange.fromCidr(c));

/**
 * Checks extra client CIDRs for the internal NLB: well-formed IPv4 networks,
 * inside the private ranges, no wider than /8, no duplicates. The public
 * path never needs one (API Gateway arrives over the VPC link); these are for
 * in-VPC or peered callers only.
 */
export function validateNlbCidrs(cidrs: readonly unknown[], where: string): string[] {
  const seen = new Set<string>();
  for (const cidr of cidrs) {
    let range: IPv4CidrRange | undefined;
    try {
      range = typeof cidr === 'string' && /^\d+\.\d+\.\d+\.\d+\/\d+$/.test(cidr) ? IPv4CidrRange.fromCidr(cidr) : undefined;
    } catch {
      range = undefined;
    }
    const canonical = range !== undefined && `${range.getFirst().toString()}/${Number(range.cidrPrefix.getValue())}` === cidr;
    if (range === undefined || !canonical) {
      throw new TenantformError({
        code: 'TF-PLT-009',
        where,
        problem: 'NLB client CIDR is not an IPv4 network address in CIDR form (host bits must be zero).',
        value: cidr,
        fix: 'write the network address, e.g. "10.10.0.0/16".',
      });
    }
    if (Number(range.cidrPrefix.getValue()) < 8 || !PRIVATE_RANGES.some((p) => range.inside(p))) {
      throw new TenantformError({
        code: 'TF-PLT-009',
        where,
        problem: 'NLB client CIDRs must be private (RFC 1918) and no wider than /8: the NLB is internal and the public path is the VPC link.',
        value: cidr,
        fix: 'list only the private networks that must call the routing tier directly, e.g. a peered VPC "10.30.0.0/16".',
      });
    }
    if (seen.has(cidr as string)) {
      throw new TenantformError({ code: 'TF-PLT-009', where, problem: 'NLB client CIDR listed twice.', value: cidr, fix: 'list each CIDR once.' });
    }
    seen.add(cidr as string);
  }
  return [...seen];
}
