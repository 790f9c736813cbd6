import { StackModel } from '../../types';

/**
 * Production-only rules apply when the stack declares `environment = prod`;
 * an undeclared environment could be prod, so it is unknown.
 */
export function isProd(stack: StackModel): boolean | 'unknown' {
  if (stack.environment === undefined) return 'unknown';
  return stack.environment === 'prod';
}
