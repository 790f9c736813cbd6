import { execFileSync } from 'node:child_process';

/** One line of `npm run bench` output. */
export interface BenchLine {
  readonly name: string;
  readonly value: number;
  readonly unit: string;
  readonly baseline?: number;
  readonly ratio?: number;
}

export function emit(line: BenchLine): void {
  process.stdout.write(`${JSON.stringify(line)}\n`);
}

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

export function round(value: number, digits = 2): number {
  const f = 10 ** digits;
  return Math.round(value * f) / f;
}

/**
 * Runs a script in a fresh Node process (TypeScript through tsx) and parses the
 * JSON object it prints last. Fresh processes keep module caches and heap
 * growth of one measurement out of the next.
 */
export function runChild<T>(file: string, args: string[] = [], cwd = process.cwd()): T {
  const loader = file.endsWith('.ts') ? ['--import', 'tsx'] : [];
  const out = execFileSync(process.execPath, [...loader, file, ...args], {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, CHECKPOINT_DISABLE: '1' },
    maxBuffer: 64 * 1024 * 1024,
  });
  const last = out.trim().split('\n').pop() ?? '';
  return JSON.parse(last) as T;
}

/** Runs `a` and `b` alternately `rounds` times so machine noise hits both sides alike. */
export function alternate<T>(rounds: number, a: () => T, b: () => T): { a: T[]; b: T[] } {
  const results = { a: [] as T[], b: [] as T[] };
  for (let i = 0; i < rounds; i++) {
    results.a.push(a());
    results.b.push(b());
  }
  return results;
}
