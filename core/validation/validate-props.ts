import * as v from 'valibot';
import { TenantformError } from '../errors';
import { issueToError, ReportOptions } from './report';

/**
 * Validates props against their schema at a construct's boundary and
 * returns them typed. Throws the TenantformError for the first problem.
 * Call it first in the constructor, before anything reads the props.
 */
export function validateProps<S extends v.GenericSchema>(schema: S, props: unknown, where: string, options?: ReportOptions): v.InferOutput<S> {
  const result = v.safeParse(schema, props);
  if (result.success) return result.output;
  throw issueToError(result.issues[0], where, props, options);
}

/** Like {@link validateProps}, but returns the error instead of throwing (for callers that add context). */
export function propsError<S extends v.GenericSchema>(schema: S, props: unknown, where: string, options?: ReportOptions): TenantformError | undefined {
  const result = v.safeParse(schema, props);
  return result.success ? undefined : issueToError(result.issues[0], where, props, options);
}
