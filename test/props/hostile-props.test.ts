/**
 * Hostile values at every prop path of every exported stack must end in a
 * coded TenantformError or in output the gate judges no worse than the
 * valid props' output: never a TypeError or RangeError, never a new failing
 * or unknown finding. `npm test` samples; `npm run test:props` goes
 * exhaustive (every path with every listed hostile value, plus random runs).
 */
import fc from 'fast-check';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { TenantformError } from '../../core/errors';
import { gateProblems } from './support/gate';
import { HOSTILE_CONSTANTS, hostileValue, PropPath, propPaths, setAt } from './support/hostile';
import { stackCases } from './support/stack-cases';

const EXHAUSTIVE = process.env.TENANTFORM_PROPS_EXHAUSTIVE === '1';
/** Random runs per stack. */
const RUNS = Number(process.env.TENANTFORM_PROPS_RUNS ?? (EXHAUSTIVE ? 400 : 40));

let dir = '';
const lockDir = () => dir;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'tenantform-props-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

interface Tally {
  cases: number;
  coded: number;
  acceptedSafe: number;
  codes: Map<string, number>;
}
const tallies = new Map<string, Tally>();
afterAll(() => {
  const lines = [...tallies].map(([name, t]) => `${name}: ${t.cases} cases, ${t.coded} coded errors (${[...t.codes].map(([c, n]) => `${c}×${n}`).join(' ')}), ${t.acceptedSafe} accepted safely`);
  const total = [...tallies.values()].reduce((a, t) => ({ cases: a.cases + t.cases, coded: a.coded + t.coded, acceptedSafe: a.acceptedSafe + t.acceptedSafe }), { cases: 0, coded: 0, acceptedSafe: 0 });
  process.stdout.write(`hostile props: ${total.cases} cases, ${total.coded} coded errors, ${total.acceptedSafe} accepted safely\n${lines.join('\n')}\n`);
});

describe.each(stackCases(lockDir).map((c) => [c.name, c] as const))('%s', (name, stackCase) => {
  let baseline: Set<string>;
  let paths: PropPath[];
  const tally: Tally = { cases: 0, coded: 0, acceptedSafe: 0, codes: new Map() };
  tallies.set(name, tally);

  beforeAll(() => {
    const valid = stackCase.props();
    baseline = gateProblems(stackCase.build(valid));
    paths = propPaths(valid, stackCase.skip);
  });

  /** Builds with the hostile value; returns why it is not acceptable, or undefined. */
  const judge = (path: PropPath, value: unknown): string | undefined => {
    tally.cases++;
    const props = setAt(stackCase.props(), path, value);
    let app;
    try {
      app = stackCase.build(props);
    } catch (e) {
      if (e instanceof TenantformError) {
        tally.coded++;
        tally.codes.set(e.code, (tally.codes.get(e.code) ?? 0) + 1);
        return undefined;
      }
      return `uncoded ${(e as Error)?.name}: ${(e as Error)?.message}`;
    }
    const problems = [...gateProblems(app)].filter((p) => !baseline.has(p));
    if (problems.length > 0) return `accepted, but the gate reports ${problems.join(', ')}`;
    tally.acceptedSafe++;
    return undefined;
  };

  test('the valid props build, and every prop path is reached', () => {
    expect(paths.length).toBeGreaterThan(3);
  });

  test('hostile values at random prop paths give a coded error or safe output', () => {
    fc.assert(
      fc.property(fc.nat(), hostileValue(), (i, value) => {
        const path = paths[i % paths.length]!;
        const why = judge(path, value);
        if (why !== undefined) throw new Error(`${path.join('.')} = ${String(value)}: ${why}`);
      }),
      { numRuns: RUNS, seed: EXHAUSTIVE ? undefined : 4211 },
    );
  });

  (EXHAUSTIVE ? test : test.skip)('every listed hostile value at every prop path', () => {
    const failures: string[] = [];
    for (const path of paths) {
      for (const value of HOSTILE_CONSTANTS) {
        const why = judge(path, value);
        if (why !== undefined) failures.push(`${path.join('.')} = ${String(value)}: ${why}`);
      }
    }
    expect(failures).toEqual([]);
  });
});
