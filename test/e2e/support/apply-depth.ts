import { SynthesizedStack } from './examples';

export type Depth = { readonly apply: true; readonly why: string } | { readonly apply: false; readonly why: string };

/** A stack's kind: the set of resource types it writes. prod's and dev's tenants of one engine are one kind. */
export function kindOf(stack: SynthesizedStack): string {
  return Object.keys(stack.json.resource ?? {}).sort().join(' ');
}

/**
 * Stacks of the two newest examples whose apply or no-change re-plan against
 * moto 5.2.5 is not yet clean, and what was seen: validated and planned
 * only until the gap entries or emulator fixes that settle them exist. Each
 * names what blocks it; remove an entry once its stack applies and re-plans
 * cleanly (TENANTFORM_E2E_APPLY_ALL=1 still applies them, to find out).
 */
export const NOT_YET_APPLIED: Readonly<Record<string, string>> = {};

/**
 * Which stacks of one example go through apply, re-plan and destroy; the rest
 * are validated and planned (against the applied stacks they read from).
 * Applied: one stack of every kind (the last in dependency order, so prod's
 * rather than dev's, which sort first), and every stack whose outputs another
 * stack reads (its plan needs them). So every kind is applied once
 * per example, and a new kind is applied by default. The rest repeat a kind
 * already applied: the 2-core CI budget pays for each kind once.
 * TENANTFORM_E2E_APPLY_ALL=1 applies every stack.
 */
export function applyDepths(
  stacks: readonly SynthesizedStack[],
  env: NodeJS.ProcessEnv = process.env,
  notYetApplied: Readonly<Record<string, string>> = NOT_YET_APPLIED,
): Map<string, Depth> {
  const depths = new Map<string, Depth>();
  const all = env.TENANTFORM_E2E_APPLY_ALL === '1';
  const readFrom = new Set(stacks.flatMap((s) => s.dependencies));
  const chosen = new Map<string, string>();
  for (const stack of [...stacks].reverse()) {
    const kind = kindOf(stack);
    const first = chosen.get(kind);
    if (first === undefined) chosen.set(kind, stack.name);
    if (all) depths.set(stack.name, { apply: true, why: 'TENANTFORM_E2E_APPLY_ALL=1' });
    else if (notYetApplied[stack.name] !== undefined) {
      depths.set(stack.name, { apply: false, why: `not yet applied: ${notYetApplied[stack.name]}` });
      if (first === undefined) chosen.delete(kind);
    }
    else if (first === undefined) depths.set(stack.name, { apply: true, why: 'the stack applied for its kind' });
    else if (readFrom.has(stack.name)) depths.set(stack.name, { apply: true, why: 'other stacks plan against its outputs' });
    else depths.set(stack.name, { apply: false, why: `same kind as ${first}, which is applied` });
  }
  return depths;
}
