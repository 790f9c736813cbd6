import { TenantformError } from '../../../core/errors';

/** ACM's default quota: domain names per certificate, the primary name included. */
export const MAX_NAMES_PER_CERTIFICATE = 10;

const LABEL = /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/;

/** Whether `name` is a lowercase DNS name of at least two labels, without wildcard or trailing dot. */
export function isDomainName(name: unknown): name is string {
  if (typeof name !== 'string' || name.length === 0 || name.length > 253) return false;
  const labels = name.split('.');
  return labels.length >= 2 && labels.every((l) => LABEL.test(l)) && !/^\d+$/.test(labels[labels.length - 1]!);
}

/** Whether `label` can be one DNS label (a tenant ID becomes `<label>.<domain>`). */
export function isDnsLabel(label: unknown): label is string {
  return typeof label === 'string' && LABEL.test(label);
}

/** Checks the apex domain the platform serves; tenants live one label below it. */
export function validateDomainName(domain: unknown, where: string): string {
  if (!isDomainName(domain)) {
    throw new TenantformError({
      code: 'TF-PLT-001',
      where,
      problem: 'domain must be a lowercase DNS name of at least two labels (letters, digits, hyphens; no wildcard, no trailing dot; at most 253 characters).',
      value: domain,
      fix: 'pass the apex the tenants live under, e.g. "aito.app"; the platform adds "*." itself.',
    });
  }
  // Room for `<63-char tenant label>.` in front, or tenant hosts could not exist.
  if (domain.length > 253 - 64) {
    throw new TenantformError({
      code: 'TF-PLT-001',
      where,
      problem: 'domain is too long to leave room for a tenant label in front of it.',
      value: domain,
      fix: 'use a domain of at most 189 characters.',
    });
  }
  return domain;
}

/**
 * Checks extra names for the platform certificates. Each must be the domain
 * itself or lie under it (DNS validation happens in the domain's zone),
 * wildcards only as the whole leftmost label, no duplicates, and the total
 * must fit ACM's per-certificate quota.
 */
export function validateSubjectAlternativeNames(domain: string, sans: readonly unknown[], where: string): string[] {
  const primary = `*.${domain}`;
  const seen = new Set<string>([primary]);
  for (const san of sans) {
    const bare = typeof san === 'string' && san.startsWith('*.') ? san.slice(2) : san;
    const inZone = typeof san === 'string' && (san === domain || san.endsWith(`.${domain}`));
    if (!isDomainName(bare) || !inZone || seen.has(san as string)) {
      throw new TenantformError({
        code: 'TF-PLT-002',
        where,
        problem: seen.has(san as string)
          ? `certificate name is listed twice (the primary name "${primary}" is always included).`
          : `certificate names must be valid DNS names equal to or under "${domain}", with "*." only as the whole first label.`,
        value: san,
        fix: `use names such as "${domain}" or "*.eu.${domain}", each once.`,
      });
    }
    seen.add(san as string);
  }
  if (seen.size > MAX_NAMES_PER_CERTIFICATE) {
    throw new TenantformError({
      code: 'TF-PLT-003',
      where,
      problem: `a certificate may hold at most ${MAX_NAMES_PER_CERTIFICATE} names (ACM default quota), the primary "${primary}" included.`,
      value: [...seen],
      fix: `drop names, or raise the ACM quota and split the certificate; ${MAX_NAMES_PER_CERTIFICATE - 1} extra names fit.`,
    });
  }
  return [...seen].slice(1);
}
