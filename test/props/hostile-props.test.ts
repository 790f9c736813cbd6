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
import { formatValue, TenantformError } from '../../core/errors';
import { gateProblems, stacksOf } from './support/gate';
import { HOSTILE_CONSTANTS, hostileValue, PropPath, propPaths, setAt } from './support/hostile';
import { stackCases } from './support/stack-cases';
import { stackJsonOf, terraformValidate } from './support/terraform-validate';

const EXHAUSTIVE = process.env.TENANTFORM_PROPS_EXHAUSTIVE === '1';
jest.setTimeout(EXHAUSTIVE ? 60 * 60_000 : 60_000);
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
  optOuts: number;
  codes: Map<string, number>;
}
const tallies = new Map<string, Tally>();
/** Accepted hostile outputs kept for `terraform validate` (exhaustive tier only): a few per stack. */
const VALIDATE_PER_STACK = 2;
const accepted: { name: string; json: unknown }[] = [];
afterAll(() => {
  const lines = [...tallies].map(([name, t]) => `${name}: ${t.cases} cases, ${t.coded} coded errors (${[...t.codes].map(([c, n]) => `${c}×${n}`).join(' ')}), ${t.acceptedSafe} accepted safely${t.optOuts > 0 ? `, ${t.optOuts} documented opt-outs the gate reports` : ''}`);
  const total = [...tallies.values()].reduce((a, t) => ({ cases: a.cases + t.cases, coded: a.coded + t.coded, acceptedSafe: a.acceptedSafe + t.acceptedSafe }), { cases: 0, coded: 0, acceptedSafe: 0 });
  process.stdout.write(`hostile props: ${total.cases} cases, ${total.coded} coded errors, ${total.acceptedSafe} accepted safely\n${lines.join('\n')}\n`);
});

describe.each(stackCases(lockDir).map((c) => [c.name, c] as const))('%s', (name, stackCase) => {
  let baseline: Set<string>;
  let paths: PropPath[];
  const tally: Tally = { cases: 0, coded: 0, acceptedSafe: 0, optOuts: 0, codes: new Map() };
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
    const optOut = stackCase.gateReportedOptOuts?.find((o) => o.path === path.join('.') && Object.is(o.value, value));
    if (optOut !== undefined && problems.length > 0 && problems.every((p) => optOut.rules.includes(p.split(' ')[0]!))) {
      tally.optOuts++;
      return undefined;
    }
    if (problems.length > 0) return `accepted, but the gate reports ${problems.join(', ')}`;
    tally.acceptedSafe++;
    // Single-stack apps only: cross-stack references become remote state at app synth, which toTerraform() does not show.
    if (EXHAUSTIVE && stacksOf(app).length === 1 && accepted.filter((a) => a.name.startsWith(`${name} `)).length < VALIDATE_PER_STACK * 3) {
      for (const [stack, json] of Object.entries(stackJsonOf(app))) accepted.push({ name: `${name} ${path.join('.')}=${formatValue(value).slice(0, 60)} ${stack}`, json });
    }
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
        if (why !== undefined) throw new Error(`${path.join('.')} = ${formatValue(value).slice(0, 200)}: ${why}`);
      }),
      { numRuns: RUNS, seed: EXHAUSTIVE ? undefined : 4211 },
    );
  });

  // Only the exhaustive tier (`npm run test:props`) defines these: the sampled run shows no skipped tests.
  if (EXHAUSTIVE) test('every listed hostile value at every prop path', () => {
    const failures: string[] = [];
    for (const path of paths) {
      for (const value of HOSTILE_CONSTANTS) {
        const why = judge(path, value);
        if (why !== undefined) failures.push(`${path.join('.')} = ${formatValue(value).slice(0, 200)}: ${why}`);
      }
    }
    expect(failures).toEqual([]);
  });
});

if (EXHAUSTIVE) test('a sample of accepted hostile outputs passes terraform validate', () => {
  expect(accepted.length).toBeGreaterThan(0);
  const byStack = new Map<string, { name: string; json: unknown }[]>();
  for (const a of accepted) {
    const key = a.name.split(' ')[0]!;
    byStack.set(key, [...(byStack.get(key) ?? []), a]);
  }
  const sample = [...byStack.values()].flatMap((list) => list.slice(0, VALIDATE_PER_STACK));
  process.stdout.write(`terraform validate on ${sample.length} accepted hostile outputs\n`);
  expect(terraformValidate(join(dir, 'terraform'), sample)).toEqual([]);
});
