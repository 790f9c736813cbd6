import { TenantformError } from '../../../core/errors';

/** Elastic Load Balancing security policies that allow nothing older than TLS 1.2. */
export const TLS12_PLUS_POLICIES = [
  'ELBSecurityPolicy-TLS13-1-2-2021-06',
  'ELBSecurityPolicy-TLS13-1-2-Res-2021-06',
  'ELBSecurityPolicy-TLS13-1-3-2021-06',
  'ELBSecurityPolicy-TLS13-1-2-FIPS-2023-04',
  'ELBSecurityPolicy-TLS13-1-3-FIPS-2023-04',
  'ELBSecurityPolicy-TLS-1-2-2017-01',
  'ELBSecurityPolicy-TLS-1-2-Ext-2018-06',
  'ELBSecurityPolicy-FS-1-2-2019-08',
  'ELBSecurityPolicy-FS-1-2-Res-2020-10',
] as const;
export type Tls12PlusPolicy = (typeof TLS12_PLUS_POLICIES)[number];

/** TLS 1.3 preferred, TLS 1.2 still accepted for older clients. */
export const DEFAULT_TLS_POLICY: Tls12PlusPolicy = 'ELBSecurityPolicy-TLS13-1-2-2021-06';

export function validateTlsPolicy(policy: string, where: string): Tls12PlusPolicy {
  if (!(TLS12_PLUS_POLICIES as readonly string[]).includes(policy)) {
    throw new TenantformError({
      code: 'TF-PLT-018',
      where,
      problem: 'listener security policy must be one that refuses TLS 1.0 and 1.1.',
      value: policy,
      fix: `use ${DEFAULT_TLS_POLICY} or another of: ${TLS12_PLUS_POLICIES.join(', ')}.`,
    });
  }
  return policy as Tls12PlusPolicy;
}
