import { SynthesizedStack } from './examples';
import { isMotoGap } from './moto-gaps';

export interface ApplyScope {
  /** Every managed resource address can be applied: run apply without -target. */
  readonly complete: boolean;
  /** Addresses to pass as -target when not complete. */
  readonly targets: readonly string[];
  /** Addresses left out, with the gap type that excludes each. */
  readonly excluded: ReadonlyMap<string, string>;
}

const REFERENCE = /\$\{[^}]*?\b((?:data\.)?aws_[a-z0-9_]+\.[A-Za-z0-9_-]+)/g;

/** Addresses a resource refers to, through `${...}` expressions and depends_on. */
function referencesOf(body: unknown): Set<string> {
  const refs = new Set<string>();
  const text = JSON.stringify(body);
  for (const m of text.matchAll(REFERENCE)) refs.add(m[1] as string);
  const dependsOn = (body as { depends_on?: unknown }).depends_on;
  if (Array.isArray(dependsOn)) for (const d of dependsOn) if (typeof d === 'string') refs.add(d);
  return refs;
}

/**
 * Which resources of a stack can go through apply against moto: all of them
 * except gap types and anything that references a gap, directly or through
 * other resources (terraform would otherwise pull the gap back in as a
 * dependency of a target).
 */
export function applyScope(stack: SynthesizedStack, extraExclusions: ReadonlySet<string> = new Set()): ApplyScope {
  const graph = new Map<string, Set<string>>();
  const bodies = new Map<string, Record<string, unknown>>();
  for (const [type, byName] of Object.entries(stack.json.resource ?? {})) {
    for (const [name, body] of Object.entries(byName)) {
      graph.set(`${type}.${name}`, referencesOf(body));
      bodies.set(`${type}.${name}`, body as Record<string, unknown>);
    }
  }
  for (const [type, byName] of Object.entries(stack.json.data ?? {})) {
    for (const [name, body] of Object.entries(byName)) graph.set(`data.${type}.${name}`, referencesOf(body));
  }
  const excluded = new Map<string, string>();
  const blockingGap = (address: string, seen: Set<string>): string | undefined => {
    if (seen.has(address)) return undefined;
    seen.add(address);
    const type = address.startsWith('data.') ? undefined : address.split('.')[0];
    if (type !== undefined && (isMotoGap(type, bodies.get(address)) || extraExclusions.has(type))) return type;
    for (const ref of graph.get(address) ?? []) {
      const gap = blockingGap(ref, seen);
      if (gap !== undefined) return gap;
    }
    return undefined;
  };
  const managed = [...graph.keys()].filter((a) => !a.startsWith('data.'));
  for (const address of managed) {
    const gap = blockingGap(address, new Set());
    if (gap !== undefined) excluded.set(address, gap);
  }
  return {
    complete: excluded.size === 0,
    targets: excluded.size === 0 ? [] : managed.filter((a) => !excluded.has(a)).sort(),
    excluded,
  };
}
