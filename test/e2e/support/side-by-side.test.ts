import { byDependents, SideBySide, stacksAtOnce } from './side-by-side';

/** A task that records when it starts and ends, and finishes when the test says so. */
function gate(log: string[], name: string): { task: () => Promise<string>; open: () => void } {
  let open: () => void = () => undefined;
  const opened = new Promise<void>((r) => (open = r));
  return {
    task: async () => {
      log.push(`start ${name}`);
      await opened;
      log.push(`end ${name}`);
      return name;
    },
    open: () => open(),
  };
}

const settle = () => new Promise((r) => setImmediate(r));

describe('SideBySide', () => {
  test('never runs more than its slots at once, and starts a queued task as soon as a slot frees', async () => {
    const log: string[] = [];
    const work = new SideBySide(2);
    const tasks = ['a', 'b', 'c'].map((n) => gate(log, n));
    const done = tasks.map((t) => work.after(new Map(), t.task));
    await settle();
    expect(log).toEqual(['start a', 'start b']);
    tasks[1]!.open();
    await settle();
    expect(log).toEqual(['start a', 'start b', 'end b', 'start c']);
    tasks[0]!.open();
    tasks[2]!.open();
    expect(await Promise.all(done)).toEqual(['a', 'b', 'c']);
  });

  test('starts a task only after every prerequisite has succeeded', async () => {
    const log: string[] = [];
    const work = new SideBySide(4);
    const network = gate(log, 'network');
    const platform = gate(log, 'platform');
    const first = work.after(new Map(), network.task);
    const second = work.after(new Map(), platform.task);
    const tenant = work.after(new Map([['network', first], ['platform', second]]), async () => log.push('tenant'));
    network.open();
    await first;
    await settle();
    expect(log).not.toContain('tenant');
    platform.open();
    await tenant;
    expect(log).toEqual(['start network', 'start platform', 'end network', 'end platform', 'tenant']);
  });

  test('a failed prerequisite fails the task without running it, naming the prerequisite and its error', async () => {
    const work = new SideBySide(1);
    const ran: string[] = [];
    const broken = work.after(new Map(), async () => {
      throw new Error('apply exited 1\nlong terraform log');
    });
    const dependent = work.after(new Map([["dev-network's apply", broken]]), async () => ran.push('dependent'));
    await expect(dependent).rejects.toThrow("not run, because dev-network's apply failed first: apply exited 1");
    expect(ran).toEqual([]);
  });

  test('a failing task that nobody awaits yet is not an unhandled rejection', async () => {
    const unhandled: unknown[] = [];
    const listener = (reason: unknown) => unhandled.push(reason);
    process.on('unhandledRejection', listener);
    try {
      const failing = new SideBySide(1).after(new Map(), async () => {
        throw new Error('boom');
      });
      await new Promise((r) => setTimeout(r, 20));
      expect(unhandled).toEqual([]);
      await expect(failing).rejects.toThrow('boom');
    } finally {
      process.off('unhandledRejection', listener);
    }
  });

  test('refuses a slot count that is not a whole number of at least 1', () => {
    for (const bad of [0, -1, 1.5, Number.NaN]) expect(() => new SideBySide(bad)).toThrow(/whole number of slots/);
  });
});

describe('stacksAtOnce', () => {
  test('takes TENANTFORM_E2E_STACKS_AT_ONCE when set, the fallback otherwise', () => {
    expect(stacksAtOnce({}, 3)).toBe(3);
    expect(stacksAtOnce({ TENANTFORM_E2E_STACKS_AT_ONCE: '' }, 3)).toBe(3);
    expect(stacksAtOnce({ TENANTFORM_E2E_STACKS_AT_ONCE: '1' }, 3)).toBe(1);
  });

  test('refuses a value that is not a whole number of at least 1, showing it', () => {
    for (const bad of ['0', 'two', '2.5', '-3']) {
      expect(() => stacksAtOnce({ TENANTFORM_E2E_STACKS_AT_ONCE: bad }, 3)).toThrow(`got "${bad}"`);
    }
  });
});

describe('byDependents', () => {
  const stack = (name: string, ...dependencies: string[]) => ({ name, dependencies });

  test('queues what more stacks wait on first, keeping every stack after what it reads from', () => {
    const synthesized = [
      stack('dev-baseline'),
      stack('dev-network'),
      stack('dev-platform', 'dev-network'),
      stack('dev-tenant-acme', 'dev-network', 'dev-platform'),
      stack('management-organization'),
      stack('prod-network'),
      stack('prod-platform', 'prod-network'),
      stack('prod-tenant-hooli', 'prod-platform'),
      stack('prod-tenant-initech', 'prod-platform'),
    ];
    const order = byDependents(synthesized).map((s) => s.name);
    expect(order).toEqual([
      'prod-network',
      'dev-network',
      'prod-platform',
      'dev-platform',
      'dev-baseline',
      'dev-tenant-acme',
      'management-organization',
      'prod-tenant-hooli',
      'prod-tenant-initech',
    ]);
    for (const s of synthesized) for (const d of s.dependencies) expect(order.indexOf(d)).toBeLessThan(order.indexOf(s.name));
  });

  test('ignores a dependency on a stack it was not given', () => {
    expect(byDependents([stack('b', 'elsewhere'), stack('a')]).map((s) => s.name)).toEqual(['b', 'a']);
  });
});
