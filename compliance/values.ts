/**
 * Values as the stack model holds them: plain JSON, except that anything the
 * model could not resolve is an `UnknownValue`. Rules must treat an unknown as
 * "could be anything": it never passes silently.
 */

/** A value the JSON alone cannot tell: a variable, a computed attribute, a function call. */
export interface UnknownValue {
  /** The expression as written, e.g. `${aws_iam_role.ci_1A2B.arn}` or `arn:aws:s3:::${var.bucket}/*`. */
  readonly $unknown: string;
  /**
   * The references the expression makes (`aws_iam_role.ci_1A2B.arn`, `var.bucket`), so a rule can
   * tell "the ARN of a resource in this stack" (specific, only computed later) from "a variable".
   */
  readonly refs: readonly string[];
  /**
   * Set when the expression reads another stack's output (a cdktf cross-stack
   * reference) and that output is one resource attribute of the producing
   * stack: the value is then as specific as that attribute.
   */
  readonly origin?: { readonly stack: string; readonly ref: string };
}

export function unknownValue(expression: string, refs: readonly string[] = []): UnknownValue {
  return { $unknown: expression, refs };
}

export function isUnknown(value: unknown): value is UnknownValue {
  return typeof value === 'object' && value !== null && typeof (value as { $unknown?: unknown }).$unknown === 'string';
}

/** True for references to an attribute of a managed resource of the stack (`aws_x.y.arn`), which name one specific object. */
export function isResourceAttributeRef(ref: string): boolean {
  return !/^(var|local|module|each|count|path|terraform|data)\./.test(ref) && /^[A-Za-z][\w-]*\.[\w-]+\./.test(ref);
}

/** An unknown whose every reference is an attribute of a managed resource: a specific value, known at apply time. */
export function isSpecificUnknown(value: unknown): boolean {
  return isUnknown(value) && value.refs.length > 0 && value.refs.every(isResourceAttributeRef);
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && !isUnknown(value);
}

/** A literal string, or undefined (absent, unknown, or another type). */
export function stringValue(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

/** `true`/`false`, accepting the strings Terraform also accepts; undefined when absent or unknown. */
export function booleanValue(value: unknown): boolean | undefined {
  if (typeof value === 'boolean') return value;
  if (value === 'true') return true;
  if (value === 'false') return false;
  return undefined;
}

/** Numbers, accepting numeric strings. */
export function numberValue(value: unknown): number | undefined {
  if (typeof value === 'number') return value;
  if (typeof value === 'string' && value.trim() !== '' && Number.isFinite(Number(value))) return Number(value);
  return undefined;
}

/**
 * Nested blocks: cdktf writes them as arrays of objects, hand-written JSON
 * may use a single object. Always an array; unknown entries are kept.
 */
export function blocks(value: unknown): readonly unknown[] {
  if (value === undefined || value === null) return [];
  if (Array.isArray(value)) return value;
  return [value];
}

/** A list attribute as an array (a single value becomes a one-element list). */
export function listValue(value: unknown): readonly unknown[] {
  return blocks(value);
}
