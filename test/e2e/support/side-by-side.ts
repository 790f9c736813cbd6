import pLimit from 'p-limit';
import { StackNode, upstreamOf } from './examples';

/**
 * Runs an example's stack work side by side instead of one stack after the
 * other: an apply against moto spends most of its wall time in the
 * provider's fixed waits (a load balancer, a lifecycle rule, a certificate
 * validation), with the cores idle, so stacks that do not read from each
 * other overlap those waits. A task starts once every prerequisite has
 * succeeded and a slot is free; at most `atOnce` tasks hold a slot, so a
 * fleet of tenant stacks does not start a dozen providers at once.
 */
export class SideBySide {
  private readonly limit: ReturnType<typeof pLimit>;

  constructor(readonly atOnce: number) {
    if (!Number.isInteger(atOnce) || atOnce < 1) throw new Error(`SideBySide needs a whole number of slots, at least 1; got ${String(atOnce)}`);
    this.limit = pLimit(atOnce);
  }

  /**
   * Runs `task` after `prerequisites` (named, so a failure says which one
   * stopped it). A failed prerequisite fails the task without running it. The
   * returned promise never counts as an unhandled rejection: a test awaits it.
   */
  after<T>(prerequisites: ReadonlyMap<string, Promise<unknown>>, task: () => Promise<T>): Promise<T> {
    const run = (async () => {
      for (const [name, prerequisite] of prerequisites) {
        try {
          await prerequisite;
        } catch (error) {
          throw new Error(`not run, because ${name} failed first: ${firstLine(error)}`);
        }
      }
      return this.limit(task);
    })();
    run.catch(() => undefined);
    return run;
  }
}

function firstLine(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).split('\n')[0] ?? '';
}

/** How many stack tasks of one example may hold a slot: TENANTFORM_E2E_STACKS_AT_ONCE, else `fallback`. */
export function stacksAtOnce(env: NodeJS.ProcessEnv, fallback: number): number {
  const raw = env.TENANTFORM_E2E_STACKS_AT_ONCE;
  if (raw === undefined || raw === '') return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 1) throw new Error(`TENANTFORM_E2E_STACKS_AT_ONCE must be a whole number of at least 1; got ${JSON.stringify(raw)}`);
  return n;
}

/**
 * The stacks, those that more stacks read from (directly or not) first: the
 * order work is queued in, so the chain a whole fleet waits on (network,
 * platform) gets the first slots. Still dependency order, because a stack
 * always has more such readers than any stack that reads from it.
 */
export function byDependents<S extends StackNode>(stacks: readonly S[]): S[] {
  const readers = new Map<string, number>(stacks.map((s) => [s.name, 0]));
  for (const stack of stacks) for (const name of upstreamOf(stacks, stack.name)) readers.set(name, (readers.get(name) ?? 0) + 1);
  // Array.prototype.sort is stable: equal counts keep the synthesized dependency order.
  return [...stacks].sort((a, b) => (readers.get(b.name) ?? 0) - (readers.get(a.name) ?? 0));
}
