import { isUnknown } from '../values';

/** One reference written alone: `${aws_kms_key.k.arn}` → address `aws_kms_key.k`, attribute `arn`. */
export interface BareReference {
  readonly address: string;
  readonly attribute: string;
}

const BARE = /^\$\{\s*((?:data\.)?[A-Za-z_][\w-]*\.[A-Za-z_][\w-]*)\.([A-Za-z_][\w-]*)\s*\}$/;

/**
 * The reference when `value` is exactly one resource attribute and nothing
 * else. A conditional, a function call or a template that mixes text and
 * references is not one: it could evaluate to any of its parts, so callers
 * must not treat it as naming a specific object.
 */
export function bareReference(value: unknown): BareReference | undefined {
  const text = isUnknown(value) ? value.$unknown : typeof value === 'string' ? value : undefined;
  if (text === undefined) return undefined;
  const m = BARE.exec(text);
  if (m === null) return undefined;
  if (/^(var|local|each|count|path|module|self|terraform)$/.test(m[1]!.split('.')[0]!)) return undefined;
  return { address: m[1]!, attribute: m[2]! };
}
