/**
 * Objects built from untrusted JSON. A key such as `__proto__` is a valid
 * Terraform name; plain assignment would set the prototype instead and the
 * block would vanish from every `Object.entries`, so keys are defined, never
 * assigned.
 */
export function put<T>(target: Record<string, T>, key: string, value: T): void {
  // Only `__proto__` is an accessor on plain objects; plain assignment is much faster for every other key.
  if (key === '__proto__') Object.defineProperty(target, key, { value, writable: true, enumerable: true, configurable: true });
  else target[key] = value;
}

/** A plain object from entries, with the same care. */
export function objectOf<T>(entries: Iterable<readonly [string, T]>): Record<string, T> {
  const out: Record<string, T> = {};
  for (const [k, v] of entries) put(out, k, v);
  return out;
}

/** A JSON object (not an array, not null). */
export function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Own-property lookup, so `constructor` or `__proto__` never reads the prototype. */
export function ownValue(target: Record<string, unknown>, key: string): unknown {
  return Object.prototype.hasOwnProperty.call(target, key) ? target[key] : undefined;
}
