import { isUnresolved, listOf, resolveTarget } from './values';
import { StackModel } from '../types';

/** What the ID lists of a VPC placement hold, when they refer to resources of the configuration. */
const ENTRY_TYPES: Readonly<Record<string, readonly string[]>> = { subnet_ids: ['aws_subnet'], subnets: ['aws_subnet'], security_group_ids: ['aws_security_group'] };

/**
 * Judges one ID list of a VPC placement block (`vpc_config.subnet_ids`, ...):
 * empty is a problem; literal IDs, or references to subnets and security
 * groups of the configuration, are fine; anything else is unknown.
 */
export function checkVpcIdList(stack: StackModel, block: Record<string, unknown>, key: string, where: string, problems: string[], unknowns: string[]): void {
  const v = block[key];
  const entries = listOf(v);
  const named = (e: unknown) => !isUnresolved(e) || typeof resolveTarget(stack, e, ENTRY_TYPES[key] ?? []) === 'object';
  if (Array.isArray(v) && entries.length > 0 && entries.every(named)) return;
  if (isUnresolved(v) || entries.some((e) => !named(e))) unknowns.push(`${where}.${key} is unresolved`);
  else problems.push(`${where}.${key} is empty`);
}
