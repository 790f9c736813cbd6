/**
 * Turns the first schema issue into a coded TenantformError: one code per
 * problem class (TF-PRP-*), the prop's path, the offending value as written
 * and the fix. Custom checks carry their code as the issue message.
 */
import type * as v from 'valibot';
import { ERROR_CODES } from '../error-codes';
import { ErrorCode, TenantformError } from '../errors';

type Issue = v.BaseIssue<unknown>;

/** A hook for keys a construct wants to explain with its own code (e.g. a setting of another engine). */
export type UnknownKeyHook = (path: readonly (string | number)[], key: string, value: unknown, root: unknown) => TenantformError | undefined;

export interface ReportOptions {
  readonly unknownKey?: UnknownKeyHook;
}

export function pathOf(issue: Issue): (string | number)[] {
  return (issue.path ?? []).map((p) => p.key as string | number);
}

/** `vpc.publicSubnets.cidrMask`, `users[2].name`; `props` for the top level. */
export function formatPath(path: readonly (string | number)[]): string {
  if (path.length === 0) return 'props';
  return path.map((p, i) => (typeof p === 'number' ? `[${p}]` : i === 0 ? p : `.${p}`)).join('');
}

function isCode(message: string): message is ErrorCode {
  return Object.prototype.hasOwnProperty.call(ERROR_CODES, message);
}

/** The issue in words, for parsers that keep their own codes (tenants.json, the lock). */
export function describeIssue(issue: Issue): string {
  const text = isCode(issue.message) ? ERROR_CODES[issue.message] : issue.message;
  return text.replace(/\.$/, '');
}

export function issueToError(issue: Issue, where: string, root: unknown, options: ReportOptions = {}): TenantformError {
  const path = pathOf(issue);
  const at = formatPath(path);
  const value = issue.input;
  if (isCode(issue.message)) return customError(issue.message, at, value, where);
  if (issue.type === 'strict_object' && issue.expected === 'never') {
    const key = String(path[path.length - 1]);
    // For an unknown key the issue's input is the key itself; the value sits on the path.
    const keyValue = (issue.path?.[issue.path.length - 1] as { value?: unknown } | undefined)?.value;
    const hooked = options.unknownKey?.(path.slice(0, -1), key, keyValue, root);
    if (hooked) return hooked;
    return new TenantformError({
      code: 'TF-PRP-001',
      where,
      problem: `prop "${at}" is not one this construct takes.`,
      value: { [key]: keyValue },
      fix: `remove "${key}", or correct its spelling (keys are case-sensitive; see the props documentation).`,
    });
  }
  if (value === undefined) {
    return new TenantformError({
      code: 'TF-PRP-008',
      where,
      problem: `required prop "${at}" is missing.`,
      value,
      fix: `set ${at} (see the props documentation for its type and meaning).`,
    });
  }
  const wrongShape = issue.expected === 'Object' || issue.expected === 'Array';
  if (!wrongShape && (issue.type === 'picklist' || issue.type === 'literal' || issue.type === 'variant')) {
    return new TenantformError({
      code: 'TF-PRP-007',
      where,
      problem: `prop "${at}" is not one of the values it accepts.`,
      value,
      fix: `use one of ${issue.expected ?? 'the documented values'}.`,
    });
  }
  if (issue.type === 'number' && typeof value === 'number') {
    // valibot's number schema refuses NaN as a type error; it is a non-finite number to the user.
    return customError('TF-PRP-003', at, value, where);
  }
  return new TenantformError({
    code: 'TF-PRP-002',
    where,
    problem: `prop "${at}" must be ${describeExpected(issue.expected)}.`,
    value,
    fix: wrongTypeFix(issue.expected, value),
  });
}

function customError(code: ErrorCode, at: string, value: unknown, where: string): TenantformError {
  switch (code) {
    case 'TF-PRP-003':
      return new TenantformError({ code, where, problem: `prop "${at}" must be a finite number.`, value, fix: 'pass a real number; NaN and the infinities usually come from a failed parse or a division by zero upstream.' });
    case 'TF-PRP-004':
      return new TenantformError({ code, where, problem: `prop "${at}" must be an integer; AWS takes it as a whole number.`, value, fix: `round it, e.g. ${typeof value === 'number' ? Math.round(value) : 'to a whole number'}.` });
    case 'TF-PRP-012':
      return new TenantformError({ code, where, problem: `prop "${at}" must be an ARN: arn:<partition>:<service>:<region>:<account>:<resource>.`, value, fix: 'pass the full ARN, or the token of the resource that has it (for example key.arn), not its name or ID.' });
    case 'TF-PRP-014':
      return new TenantformError({ code, where, problem: `prop "${at}" must be an integer of at most ${Number.MAX_SAFE_INTEGER} in size; larger values are not held exactly.`, value, fix: 'pass the value AWS documents for this setting; a number this large usually comes from a unit mix-up or a failed parse.' });
    case 'TF-PRP-005':
      return new TenantformError({
        code,
        where,
        problem: `prop "${at}" is taken literally, but holds a Terraform template sequence (\${ or %{) that Terraform would evaluate.`,
        value,
        fix: 'remove the sequence; to pass a computed value, pass a cdktf token (a resource attribute, Fn.*, or Token.asString(...)) instead of writing the interpolation by hand.',
      });
    case 'TF-PRP-002':
      return new TenantformError({ code, where, problem: `prop "${at}" must be a construct instance.`, value, fix: 'pass the construct itself (for example networkStack.network), not its props or ID.' });
    case 'TF-PRP-009':
      return new TenantformError({ code, where, problem: `prop "${at}" names a resource, so it may not be empty.`, value, fix: 'pass the ID or ARN (or the token of the resource that has it); an empty value would drop the reference.' });
    case 'TF-PRP-006':
      return new TenantformError({ code, where, problem: `list prop "${at}" has holes (a sparse array).`, value, fix: 'pass a list without empty slots, e.g. filter it or build it with push/map.' });
    default:
      return new TenantformError({ code, where, problem: `prop "${at}": ${ERROR_CODES[code]}`, value, fix: 'see ERRORS.md for this code.' });
  }
}

function describeExpected(expected: string | null): string {
  if (expected === null) return 'the documented type';
  const names: Record<string, string> = { Object: 'an object', Array: 'a list', string: 'a string', number: 'a number', boolean: 'a boolean (true or false)', Function: 'a function' };
  return names[expected] ?? expected;
}

function wrongTypeFix(expected: string | null, value: unknown): string {
  if (expected === 'boolean' && (value === 'true' || value === 'false')) return `pass the boolean ${value} without quotes; the string "false" is truthy.`;
  if (expected === 'number' && typeof value === 'string') return 'pass a number without quotes (convert values read from text with Number() and check the result).';
  if (expected === 'Array') return 'pass a list, e.g. ["a", "b"], even for one item.';
  return `pass ${describeExpected(expected)}.`;
}
