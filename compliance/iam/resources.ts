/** How wide the resources of a statement are. */
import { PolicyValue } from '../policy';
import { isSpecificUnknown, isUnknown } from '../values';

/** `*`, or an ARN whose resource part is only `*` (every resource of a service). */
export function isAnyResource(r: string): boolean {
  return r === '*' || /^arn:[^:]*:[^:]*:[^:]*:[^:]*:\*$/.test(r);
}

/**
 * ARNs that name every secret, every parameter or every object of every
 * bucket (`secret:*`, `parameter/*`, `arn:aws:s3:::*` with `/*`): for data
 * reads they are as wide as `*`, so a read of them is judged like a read on `*`.
 */
export function isEveryDataResource(r: string): boolean {
  if (isAnyResource(r)) return true;
  const m = /^arn:[^:]*:([^:]*):[^:]*:[^:]*:(.*)$/.exec(r);
  if (m === null) return false;
  const [, service = '', resource = ''] = m;
  if (service === 's3') return /^\*+(\/\*+)?$/.test(resource);
  if (service === 'secretsmanager') return /^secret:\*+$/.test(resource);
  if (service === 'ssm') return /^parameter\/?\*+$/.test(resource);
  return false;
}

/** 'any' when some resource is a wildcard, 'unknown' when some cannot be resolved, else 'scoped'. */
export function resourceScope(resources: readonly PolicyValue[]): 'any' | 'unknown' | 'scoped' {
  if (resources.some((r) => typeof r === 'string' && isAnyResource(r))) return 'any';
  if (resources.some((r) => isUnknown(r) && !isSpecificUnknown(r))) return 'unknown';
  return 'scoped';
}
