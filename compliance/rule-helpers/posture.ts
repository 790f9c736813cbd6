import { StackModel } from '../types';

/**
 * Whether a stack is judged with production strictness: it declares a
 * production posture, or it allows customer data (whatever it declares:
 * customer data gets production's guard), or, without a declaration, its
 * environment is named prod or production.
 */
export function isProductionStack(stack: StackModel): boolean {
  if (stack.customerDataAllowed === true) return true;
  if (stack.declaration !== undefined) return stack.declaration.posture === 'production';
  return stack.environment === 'prod' || stack.environment === 'production';
}

/**
 * Production-only rules apply when the stack is production;
 * an undeclared environment could be prod, so it is unknown.
 */
export function isProd(stack: StackModel): boolean | 'unknown' {
  if (stack.declaration === undefined && stack.environment === undefined && stack.customerDataAllowed !== true) return 'unknown';
  return isProductionStack(stack);
}
