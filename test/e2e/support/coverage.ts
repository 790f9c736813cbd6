import { ApplyScope } from './apply-scope';
import { SynthesizedStack } from './examples';

/** Managed resources of a stack, as addresses. */
function managedAddresses(stack: SynthesizedStack): string[] {
  return Object.entries(stack.json.resource ?? {}).flatMap(([type, byName]) => Object.keys(byName).map((name) => `${type}.${name}`));
}

/**
 * One line per stack for the tier's output: how many resources went through
 * apply, re-plan and destroy, and how many were left out, by the gap type that
 * excluded them (the type itself or a resource that refers to it).
 */
export function coverageLine(stack: SynthesizedStack, scope: ApplyScope): string {
  const total = managedAddresses(stack).length;
  const byGap = new Map<string, number>();
  for (const gap of scope.excluded.values()) byGap.set(gap, (byGap.get(gap) ?? 0) + 1);
  const gaps = [...byGap].sort(([a], [b]) => a.localeCompare(b)).map(([gap, n]) => `${gap} ${n}`);
  return `coverage ${stack.name}: applied ${total - scope.excluded.size}, excluded ${scope.excluded.size}${gaps.length > 0 ? ` (${gaps.join(', ')})` : ''}`;
}
