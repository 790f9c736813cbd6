/**
 * ELB security policies that refuse anything below TLS 1.2. The 2016-08
 * default, the TLS-1-1 and the plain FS policies still admit TLS 1.0/1.1.
 * The same names serve ALB/NLB `ssl_policy` and a classic ELB's
 * `Reference-Security-Policy`.
 */
export function isTls12Policy(policy: string): boolean {
  return /^ELBSecurityPolicy-(TLS13-1-[23]-|TLS-1-2-|FS-1-2-)/.test(policy);
}
