import { allRules } from '../rules';
import { Category } from '../types';

/** checkov IDs our own rules cite: those map to the citing rule's category. */
function categoriesFromRules(): Map<string, Category> {
  const map = new Map<string, Category>();
  for (const rule of allRules) for (const id of rule.meta.references.checkov ?? []) map.set(id, rule.meta.category);
  return map;
}

let fromRules: Map<string, Category> | undefined;

/**
 * Keyword table over checkov's check class and title, most specific first.
 * checkov's own categories (ENCRYPTION, NETWORKING, IAM, LOGGING, BACKUP...)
 * come from its online platform, which an offline run never reaches, so the
 * bridge derives ours from the names.
 */
const KEYWORDS: ReadonlyArray<readonly [RegExp, Category]> = [
  [/\bMFA\b|MultiFactor/i, 'mfa'],
  [/encrypt|\bKMS\b|\bCMK\b|\bTLS\b|\bSSL\b|HTTPS|SecureTransport|in transit|at rest/i, 'encryption'],
  [/\blog(s|ging)?\b|Logging|CloudTrail|FlowLog|flow log|audit|monitor|X-?Ray|tracing/i, 'logging'],
  [/\bIAM\b|polic(y|ies)|privilege|admin|assume|role|permission|wildcard|credential|password|access key/i, 'least-privilege'],
  [/ingress|egress|0\.0\.0\.0|public|NACL|security group|port \d+|internet|exposed|VPC|subnet/i, 'network-exposure'],
  [/account|organization|cross-account/i, 'account-separation'],
];

/**
 * Our category for a checkov check. Checks that fit none of the keywords are
 * general hygiene (backups, deletion protection, versioning, tags), which is
 * closest to resilience.
 */
export function categoryOfCheck(checkId: string, checkName: string, checkClass = ''): Category {
  fromRules ??= categoriesFromRules();
  const cited = fromRules.get(checkId);
  if (cited !== undefined) return cited;
  const text = `${checkName} ${checkClass.split('.').pop() ?? ''}`;
  for (const [pattern, category] of KEYWORDS) if (pattern.test(text)) return category;
  return 'resilience';
}
