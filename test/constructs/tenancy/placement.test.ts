import fc from 'fast-check';
import { placeTenants } from '../../../constructs/tenancy/placement';
import { Placement } from '../../../constructs/platform-refs';

const ids = (n: number, prefix = 't'): string[] => Array.from({ length: n }, (_, i) => `${prefix}${String(i).padStart(3, '0')}`);

describe('placeTenants', () => {
  test('GIVEN an empty lock WHEN placing THEN tenants spread round the pool in ID order with per-listener priorities', () => {
    expect(placeTenants(['c', 'a', 'b', 'd'], [], { albCount: 3 })).toEqual([
      { id: 'a', alb: 0, priority: 1 },
      { id: 'b', alb: 1, priority: 1 },
      { id: 'c', alb: 2, priority: 1 },
      { id: 'd', alb: 0, priority: 2 },
    ]);
  });

  test('a new tenant goes to the ALB with the fewest tenants, ties to the lowest index', () => {
    const lock: Placement[] = [
      { id: 'a', alb: 0, priority: 1 },
      { id: 'b', alb: 0, priority: 2 },
      { id: 'c', alb: 1, priority: 1 },
      { id: 'd', alb: 2, priority: 7 },
    ];
    const next = placeTenants(['a', 'b', 'c', 'd', 'e', 'f'], lock, { albCount: 3 });
    expect(next.find((p) => p.id === 'e')).toEqual({ id: 'e', alb: 1, priority: 2 });
    expect(next.find((p) => p.id === 'f')).toEqual({ id: 'f', alb: 2, priority: 1 });
  });

  test('existing tenants never move, even when the pool grows', () => {
    const lock = placeTenants(ids(6), [], { albCount: 2 });
    const grown = placeTenants([...ids(6), 'new'], lock, { albCount: 4 });
    for (const p of lock) expect(grown).toContainEqual(p);
    expect(grown.find((p) => p.id === 'new')).toEqual({ id: 'new', alb: 2, priority: 1 });
  });

  test('a removed tenant leaves the lock and the others keep their records', () => {
    const lock = placeTenants(['a', 'b', 'c'], [], { albCount: 2 });
    expect(placeTenants(['a', 'c'], lock, { albCount: 2 })).toEqual([
      { id: 'a', alb: 0, priority: 1 },
      { id: 'c', alb: 0, priority: 2 },
    ]);
  });

  test('a priority held by a live tenant is never handed out again; gaps are filled lowest first', () => {
    const lock: Placement[] = [
      { id: 'a', alb: 0, priority: 1 },
      { id: 'c', alb: 0, priority: 3 },
    ];
    const next = placeTenants(['a', 'c', 'x', 'y'], lock, { albCount: 1 });
    expect(next).toEqual([
      { id: 'a', alb: 0, priority: 1 },
      { id: 'c', alb: 0, priority: 3 },
      { id: 'x', alb: 0, priority: 2 },
      { id: 'y', alb: 0, priority: 4 },
    ]);
  });

  test('reordering the intent changes nothing', () => {
    expect(placeTenants(['d', 'b', 'a', 'c'], [], { albCount: 2 })).toEqual(placeTenants(['a', 'b', 'c', 'd'], [], { albCount: 2 }));
  });

  test('is deterministic and stable under the property: existing placements survive, priorities unique per ALB, balance holds', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.stringMatching(/^[a-z][a-z0-9]{0,5}$/), { maxLength: 40 }),
        fc.uniqueArray(fc.stringMatching(/^[a-z][a-z0-9]{0,5}$/), { maxLength: 40 }),
        fc.integer({ min: 1, max: 5 }),
        (before, after, albCount) => {
          const lock = placeTenants(before, [], { albCount });
          const next = placeTenants(after, lock, { albCount });
          expect(placeTenants(after, lock, { albCount })).toEqual(next);
          expect(next.map((p) => p.id).sort()).toEqual([...after].sort());
          for (const p of next) {
            const old = lock.find((l) => l.id === p.id);
            if (old) expect(p).toEqual(old);
          }
          const keys = next.map((p) => `${p.alb}/${p.priority}`);
          expect(new Set(keys).size).toBe(keys.length);
        },
      ),
    );
  });

  test('uses the default quota of 100 tenants per ALB and says to grow the pool when full', () => {
    expect(placeTenants(ids(200), [], { albCount: 2 })).toHaveLength(200);
    expect(() => placeTenants(ids(201), [], { albCount: 2 })).toThrow(/\[TF-TEN-008\] placeTenants: the ALB pool is full: all 2 ALB\(s\) hold 100 tenants.*grow the pool.*albCount to at least 3/);
  });

  test('quotas are configurable; the lower of rules and target groups wins', () => {
    expect(() => placeTenants(ids(5), [], { albCount: 2, rulesPerListener: 2 })).toThrow(/\[TF-TEN-008\]/);
    expect(() => placeTenants(ids(5), [], { albCount: 2, rulesPerListener: 300, targetGroupsPerAlb: 2 })).toThrow(/\[TF-TEN-008\]/);
    expect(placeTenants(ids(300), [], { albCount: 1, rulesPerListener: 300, targetGroupsPerAlb: 300 })).toHaveLength(300);
  });

  test('rejects a pool smaller than the lock needs (TF-TEN-007)', () => {
    expect(() => placeTenants(['a'], [{ id: 'a', alb: 2, priority: 1 }], { albCount: 2 })).toThrow(/\[TF-TEN-007\].*keep at least 3 ALBs/);
  });

  test.each([
    ['duplicate tenant', [{ id: 'a', alb: 0, priority: 1 }, { id: 'a', alb: 0, priority: 2 }]],
    ['duplicate priority', [{ id: 'a', alb: 0, priority: 1 }, { id: 'b', alb: 0, priority: 1 }]],
    ['priority out of range', [{ id: 'a', alb: 0, priority: 50_001 }]],
    ['negative ALB', [{ id: 'a', alb: -1, priority: 1 }]],
  ])('rejects an inconsistent lock: %s (TF-TEN-006)', (_name, lock) => {
    expect(() => placeTenants(['a', 'b'], lock, { albCount: 2 })).toThrow(/\[TF-TEN-006\] placeTenants: the lock is inconsistent/);
  });

  test.each([
    [{ albCount: 0 }, /albCount must be a whole number from 1 to 20/],
    [{ albCount: 1.5 }, /albCount/],
    [{ albCount: 1, rulesPerListener: 0 }, /rulesPerListener/],
    [{ albCount: 1, targetGroupsPerAlb: -3 }, /targetGroupsPerAlb/],
  ])('rejects bad options %j (TF-TEN-009)', (options, message) => {
    expect(() => placeTenants(['a'], [], options)).toThrow(/\[TF-TEN-009\]/);
    expect(() => placeTenants(['a'], [], options)).toThrow(message);
  });
});

describe('placeTenants pool bounds', () => {
  test.each([2 ** 53, 1e308, 21])('refuses albCount %p with TF-TEN-009, not a RangeError', (albCount) => {
    expect(() => placeTenants(['a'], [], { albCount })).toThrow(/\[TF-TEN-009\].*albCount must be a whole number from 1 to 20/);
  });
});
