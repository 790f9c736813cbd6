/**
 * Values as the stack model holds them: plain JSON, except that anything the
 * model could not resolve is an `UnknownValue`. Rules must treat an unknown as
 * "could be anything": it never passes silently.
 */
import { isIdentifierAttribute } from './model/identifiers';

/** A value the JSON alone cannot tell: a variable, a computed attribute, a function call. */
export interface UnknownValue {
  /** The expression as written, e.g. `${aws_iam_role.ci_1A2B.arn}` or `arn:aws:s3:::${var.bucket}/*`. */
  readonly $unknown: string;
  /**
   * The references the expression makes (`aws_iam_role.ci_1A2B.arn`, `var.bucket`): every one
   * it mentions, including both arms of a conditional, so treat them as "may depend on".
   */
  readonly refs: readonly string[];
  /**
   * Set by the model's evaluator: whether the value is one specific object managed in the stack
   * (a reference to an identifier attribute, see compliance/model/identifiers.ts), known only at
   * apply time. Use `isSpecificUnknown`, never the refs, to ask this.
   */
  readonly specific?: boolean;
  /**
   * Set by the evaluator: `reference` (the whole value is one reference), `template` (literal text
   * around references), or `expression` (a form config mode does not evaluate: a conditional, a
   * `for`, a splat, a function call, a directive). Only the first two say what they point at.
   */
  readonly form?: 'reference' | 'template' | 'expression';
  /** Why config mode leaves the value unknown, in words a finding can quote. */
  readonly reason?: string;
  /** Set on what a `dynamic "<type>"` block generates: the block type. Findings that read it are unknown. */
  readonly dynamicBlock?: string;
  /**
   * Set when the value reads another stack's output through `data.terraform_remote_state`:
   * which data source and output, and the producing stack as far as its backend config says.
   * `inInput` is set by the cross-stack linker when that stack is part of the same check.
   */
  readonly remote?: RemoteRead;
  /**
   * Set when the expression reads another stack's output (a cdktf cross-stack
   * reference) and that output is one resource attribute of the producing
   * stack: the value is then as specific as that attribute.
   */
  readonly origin?: { readonly stack: string; readonly ref: string };
}

/** A read of another stack's output (see UnknownValue.remote). */
export interface RemoteRead {
  /** The `terraform_remote_state` data source's name. */
  readonly dataSource: string;
  readonly output: string;
  /** The producing stack's name, from cdktf's data source name or the state key; undefined when neither tells. */
  readonly stack?: string;
  /** Where its state lives, e.g. `s3://acme-dev-tfstate/tenantform/dev-platform.tfstate`. */
  readonly location?: string;
  /** True when the producing stack is part of the same check. */
  readonly inInput?: boolean;
}

export function unknownValue(expression: string, refs: readonly string[] = []): UnknownValue {
  return { $unknown: expression, refs };
}

export function isUnknown(value: unknown): value is UnknownValue {
  return typeof value === 'object' && value !== null && typeof (value as { $unknown?: unknown }).$unknown === 'string';
}

/**
 * True for a bare reference to an identifier attribute of a managed resource
 * (`aws_iam_role.x.arn`, `aws_iam_role.x[0].arn`), which names one specific
 * object. Other attributes (`tags`, `terraform_data.x.output`) are not.
 */
export function isResourceAttributeRef(ref: string): boolean {
  const m = /^([A-Za-z][\w-]*)\.([A-Za-z_][\w-]*)(?:\[(?:\d+|"[^"\]]*")\])?\.([A-Za-z_][\w-]*)$/.exec(ref);
  if (!m || /^(var|local|module|each|count|path|terraform|data|self)$/.test(m[1]!)) return false;
  return isIdentifierAttribute(m[1]!, m[3]!);
}

/**
 * An unknown that is one specific object managed in the stack, known at apply
 * time. The model's evaluator decides (`specific`); an unknown built
 * elsewhere counts only when its text is literal text around bare identifier
 * references (`${aws_s3_bucket.b.arn}/*`), with no wildcard before the last
 * of them and no directive.
 */
export function isSpecificUnknown(value: unknown): boolean {
  if (!isUnknown(value)) return false;
  if (value.specific !== undefined) return value.specific;
  if (value.form === 'expression' || value.$unknown.includes('%{')) return false;
  const interpolations = [...value.$unknown.matchAll(/\$\{([^}]*)\}/g)];
  const last = interpolations[interpolations.length - 1];
  if (last === undefined || /[*?]/.test(value.$unknown.slice(0, last.index))) return false;
  return interpolations.every((m) => {
    const ref = m[1]!.trim();
    return value.refs.includes(ref) && isResourceAttributeRef(ref);
  });
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
