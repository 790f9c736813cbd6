/** How wide the resources of a statement are. */
import { PolicyValue } from '../policy';
import { isSpecificUnknown, isUnknown } from '../values';

/** `*`, or an ARN whose resource part is only `*` (every resource of a service). */
export function isAnyResource(r: string): boolean {
  return r === '*' || /^arn:[^:]*:[^:]*:[^:]*:[^:]*:\*$/.test(r);
}

/** 'any' when some resource is a wildcard, 'unknown' when some cannot be resolved, else 'scoped'. */
export function resourceScope(resources: readonly PolicyValue[]): 'any' | 'unknown' | 'scoped' {
  if (resources.some((r) => typeof r === 'string' && isAnyResource(r))) return 'any';
  if (resources.some((r) => isUnknown(r) && !isSpecificUnknown(r))) return 'unknown';
  return 'scoped';
}
