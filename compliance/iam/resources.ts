/** How wide the resources of a statement are. */
import { PolicyValue } from '../policy';
import { isSpecificUnknown, isUnknown } from '../values';

/**
 * `*`, or an ARN whose resource part names every resource of a type: `*`,
 * `secret:*`, `parameter/*`, `table/*`, and for S3 (whose resource part is
 * bucket/key, not type/name) `*` and every object of every bucket.
 */
export function isAnyResource(r: string): boolean {
  if (r === '*') return true;
  const m = /^arn:[^:]*:([^:]*):[^:]*:[^:]*:(.*)$/.exec(r);
  if (m === null) return false;
  const [, service = '', resource = ''] = m;
  return service === 's3' ? /^\*+(\/\*+)*$/.test(resource) : /^([\w-]+[:/])?\*+(\/\*+)*$/.test(resource);
}

/** 'any' when some resource is a wildcard, 'unknown' when some cannot be resolved, else 'scoped'. */
export function resourceScope(resources: readonly PolicyValue[]): 'any' | 'unknown' | 'scoped' {
  if (resources.some((r) => typeof r === 'string' && isAnyResource(r))) return 'any';
  if (resources.some((r) => isUnknown(r) && !isSpecificUnknown(r))) return 'unknown';
  return 'scoped';
}
