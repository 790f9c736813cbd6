/**
 * Defaults overlaid with the props a caller set. An optional prop may be
 * absent or `undefined` (see `opt`), and both mean "use the default": a plain
 * spread would let an explicit `undefined` erase the default and reach
 * Terraform as a missing required argument.
 */
export function withDefaults<T extends object>(defaults: T, overrides: Partial<T> | undefined): T {
  const out = { ...defaults };
  for (const [key, value] of Object.entries(overrides ?? {})) {
    if (value !== undefined) (out as Record<string, unknown>)[key] = value;
  }
  return out;
}
