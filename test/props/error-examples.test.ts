/**
 * Every coded error that suggests an example value ("e.g. X") suggests one
 * that passes the check it came from: for every exported stack, hostile
 * values at every prop path raise the errors, and the example each error's
 * fix names is put at that same path instead; the same error must not fire
 * on it. (A /28 VPC once answered "pick a mask between 28 and 28, e.g. 24".)
 * `npm test` tries a handful of hostile values per path; `npm run
 * test:props` tries every listed one.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { formatValue, TenantformError } from '../../core/errors';
import { examplesIn } from './support/examples';
import { HOSTILE_CONSTANTS, PropPath, propPaths, setAt } from './support/hostile';
import { StackCase, stackCases } from './support/stack-cases';

const EXHAUSTIVE = process.env.TENANTFORM_PROPS_EXHAUSTIVE === '1';
jest.setTimeout(EXHAUSTIVE ? 60 * 60_000 : 120_000);

/** The sampled tier's hostile values: the kinds that reach range and format checks, whose fixes carry examples. */
const SAMPLED: readonly unknown[] = [-1, 1.5, 2 ** 53, '', 'x'.repeat(5000), '${var.injected}'];
const VALUES = EXHAUSTIVE ? HOSTILE_CONSTANTS : SAMPLED;

let dir = '';
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'tenantform-examples-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function errorOf(stackCase: StackCase, props: unknown): TenantformError | undefined {
  try {
    stackCase.build(props);
  } catch (e) {
    if (e instanceof TenantformError) return e;
    // Uncoded errors are the hostile-props test's to report; here they only mean "not the same error".
    return undefined;
  }
  return undefined;
}

/** The problem part of a coded error's message: between "[code] where: " and " Got: <value>. Fix: <fix>". */
function problemOf(e: TenantformError): string {
  const head = `[${e.code}] ${e.where}: `;
  const tail = ` Got: ${formatValue(e.value)}. Fix: ${e.fix}`;
  return e.message.slice(head.length, e.message.length - tail.length);
}

/** The same check refusing again: same code and place, and the same problem or the example as its value. */
function refusesAgain(first: TenantformError, again: TenantformError | undefined, example: unknown): boolean {
  if (again === undefined || again.code !== first.code) return false;
  return problemOf(again) === problemOf(first) || formatValue(again.value) === formatValue(example);
}

/**
 * The prop the error is about: the deepest path from the mutated one up to
 * the root whose value is the value the error shows (a list prop refused for
 * one bad element shows the whole list), else the mutated path itself.
 */
function failingPath(props: unknown, mutated: PropPath, shown: unknown): PropPath {
  const want = formatValue(shown);
  for (let n = mutated.length; n > 0; n--) {
    const path = mutated.slice(0, n);
    if (formatValue(valueAt(props, path)) === want) return path;
  }
  return mutated;
}

function valueAt(value: unknown, path: PropPath): unknown {
  let v = value;
  for (const key of path) v = v === null || typeof v !== 'object' ? undefined : (v as Record<string | number, unknown>)[key];
  return v;
}

const checked = new Map<string, number>();

describe.each(stackCases(() => dir).map((c) => [c.name, c] as const))('%s', (name, stackCase) => {
  test('the example in each coded error\'s fix passes the check that raised it', () => {
    const failures: string[] = [];
    const seen = new Set<string>();
    for (const path of propPaths(stackCase.props(), stackCase.skip)) {
      for (const value of VALUES) {
        const hostile = setAt(stackCase.props(), path, value);
        const error = errorOf(stackCase, hostile);
        if (error === undefined) continue;
        const failing = failingPath(hostile, path, error.value);
        for (const example of examplesIn(error.fix)) {
          const key = `${failing.join('.')}|${error.code}|${formatValue(example)}`;
          if (seen.has(key)) continue;
          seen.add(key);
          checked.set(error.code, (checked.get(error.code) ?? 0) + 1);
          const again = errorOf(stackCase, setAt(stackCase.props(), failing, example));
          if (refusesAgain(error, again, example)) failures.push(`${failing.join('.')} (hostile ${path.join('.')} = ${formatValue(value).slice(0, 60)}): ${error.code} suggests ${formatValue(example)}, which ${again!.code} refuses too: ${again!.message}`);
        }
      }
    }
    expect(failures).toEqual([]);
  });
});

test('examples were found and tried (the check is not vacuous)', () => {
  // Codes whose fixes name an example and that hostile props reach; the sampled tier must reach several.
  process.stdout.write(`error examples tried: ${[...checked].map(([code, n]) => `${code}×${n}`).join(' ')}\n`);
  expect(checked.size).toBeGreaterThanOrEqual(3);
});

describe('examplesIn', () => {
  it.each<[string, unknown[]]>([
    ['pick a mask between 16 and 28, e.g. 24.', [24]],
    ['use e.g. "prod".', ['prod']],
    ['use e.g. "ui" or "docs".', ['ui']],
    ['pass a list, e.g. ["a", "b"], even for one item.', [['a', 'b']]],
    ['use e.g. 3600 (one hour).', [3600]],
    ['declare e.g. { "from": 1 }.', [{ from: 1 }]],
    ['pass a list without empty slots, e.g. filter it.', []],
    ['pass a cdktf output directory (e.g. cdktf.out), a stack directory', []],
    ['use e.g. 2000 requests per 5 minutes', [2000]],
    ['use "1.4.2" or e.g. 1.4.2', []],
  ])('%s', (fix, expected) => {
    expect(examplesIn(fix)).toEqual(expected);
  });
});
