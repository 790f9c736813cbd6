/**
 * JSON text with repeated keys. A JavaScript object cannot hold one key twice,
 * but Terraform JSON can (at block-type and label levels it means more
 * blocks), and JSON.parse silently keeps the last. `entries(...)` writes an
 * object whose keys may repeat; `jsonText` serializes a value that contains
 * them.
 */

/** An object written key by key, in order, repeats allowed. */
export class Entries {
  public constructor(public readonly pairs: ReadonlyArray<readonly [string, unknown]>) {}
}

export function entries(...pairs: ReadonlyArray<readonly [string, unknown]>): Entries {
  return new Entries(pairs);
}

/** The JSON text of `value`, with every `Entries` written with its repeated keys. */
export function jsonText(value: unknown, indent = ''): string {
  const inner = `${indent}  `;
  if (value instanceof Entries) {
    if (value.pairs.length === 0) return '{}';
    return `{\n${value.pairs.map(([k, v]) => `${inner}${JSON.stringify(k)}: ${jsonText(v, inner)}`).join(',\n')}\n${indent}}`;
  }
  if (Array.isArray(value)) {
    if (value.length === 0) return '[]';
    return `[\n${value.map((v) => `${inner}${jsonText(v, inner)}`).join(',\n')}\n${indent}]`;
  }
  if (typeof value === 'object' && value !== null) return jsonText(new Entries(Object.entries(value)), indent);
  return JSON.stringify(value);
}
