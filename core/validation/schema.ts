/**
 * The one schema vocabulary for construct and stack props. Every prop schema
 * in constructs/ and stacks/ is built from these helpers, never from valibot
 * directly, so "strict" means the same thing everywhere:
 * - objects reject unknown keys (a typo fails instead of being ignored);
 * - booleans are booleans (`"false"` is refused, it is truthy);
 * - numbers are finite, and integers where AWS wants integers;
 * - strings hold no Terraform template sequence (`${`, `%{`) outside a cdktf token;
 * - lists are dense.
 * Each check carries its error code in the message, which report.ts reads.
 */
import * as v from 'valibot';
import { Token } from '../cdktf';

export { v };
export type Schema<T = unknown> = v.GenericSchema<unknown, T>;
export type Infer<S extends v.GenericSchema> = v.InferOutput<S>;

/** cdktf token markers (string and list forms); what remains around them is literal text. */
const TOKEN_MARK = /[$#]\{TfToken\[[^\]]*\]\}/g;

/** Whether a string reaches Terraform as literal text only: no `${` or `%{` outside cdktf tokens. */
export function isTemplateFree(value: string): boolean {
  const literal = Token.isUnresolved(value) ? value.replace(TOKEN_MARK, '') : value;
  return !literal.includes('${') && !literal.includes('%{');
}

/** Whether an array has no holes. */
export function isDense(value: readonly unknown[]): boolean {
  for (let i = 0; i < value.length; i++) if (!(i in value)) return false;
  return true;
}

/** A string Terraform takes literally (a cdktf token is fine). */
export const str = () => v.pipe(v.string(), v.check(isTemplateFree, 'TF-PRP-005'));
/**
 * A string that names a resource (an ID, an ARN, a domain): literal or
 * token, and never empty, since an empty key ARN silently drops encryption.
 */
export const ref = () => v.pipe(str(), v.minLength(1, 'TF-PRP-009'));
/** An ARN: a token, or literal text in ARN form (`true` or a bare name would reach Terraform as an invalid ARN). */
export const arn = () => v.pipe(ref(), v.check((s) => Token.isUnresolved(s) || /^arn:aws[a-z-]*:[a-z0-9-]+:/.test(s), 'TF-PRP-012'));
/** A finite number (a cdktf number token is finite too). */
export const num = () => v.pipe(v.number(), v.finite('TF-PRP-003'));
/**
 * A finite integer that a provider's int64 attribute holds exactly. Every
 * double beyond 2^53 counts as an integer, so without the range check
 * `1e308` would pass and fail only at `terraform validate`. cdktf number
 * tokens are such huge doubles, so they are let through by token check.
 */
export const int = () =>
  v.pipe(
    v.number(),
    v.finite('TF-PRP-003'),
    v.integer('TF-PRP-004'),
    v.check((x) => Token.isUnresolved(x) || Number.isSafeInteger(x), 'TF-PRP-014'),
  );
/** A real boolean. */
export const bool = () => v.boolean();
/** One of the given literal values. */
export const oneOf = <const T extends readonly [string | number, ...(string | number)[]]>(values: T) => v.picklist(values);
/** A dense list of items. */
export const list = <S extends v.GenericSchema>(item: S) =>
  v.pipe(
    v.custom<unknown>((x) => !Array.isArray(x) || isDense(x), 'TF-PRP-006'),
    v.array(item),
  );
/** A map of string keys (template-free) to values. */
export const dict = <S extends v.GenericSchema>(value: S) => v.record(str(), value);
/** An object with exactly these keys. */
export const strict = <E extends v.ObjectEntries>(entries: E) => v.strictObject(entries);
/** An optional prop: absent or `undefined`. */
export const opt = <S extends v.GenericSchema>(schema: S) => v.optional(schema);
/** A union keyed by one literal field. */
export const byKey = v.variant;
export const union = v.union;
export const literal = v.literal;
/** An instance of a class (constructs, providers). */
export const instance = v.instance;
/** A value the construct only forwards (functions, opaque handles). */
export const fn = () => v.function();
/**
 * A string whose value the construct checks itself, with its own error code
 * (an enum such as a TLS policy or a tier): the shape asks for a
 * template-free string, and the type narrows to the documented values.
 */
export const known = <T extends string>() => str() as unknown as v.GenericSchema<unknown, T>;
/**
 * A construct instance (a provider, a VPC from another stack), checked by
 * shape rather than by class, so a props schema never loads the class.
 */
export const construct = <T>() =>
  v.custom<T>((x) => x !== null && typeof x === 'object' && typeof (x as { node?: unknown }).node === 'object' && typeof (x as { node: { path?: unknown } }).node.path === 'string', 'TF-PRP-002');
