import fc from 'fast-check';

/** Values a careless or hostile caller puts into a prop: wrong types, non-finite and out-of-range numbers, truthy strings, template sequences, holes. */
export const HOSTILE_CONSTANTS: readonly unknown[] = [
  undefined,
  null,
  NaN,
  Infinity,
  -Infinity,
  -1,
  0,
  1.5,
  2 ** 53,
  1e308,
  'false',
  'true',
  '',
  ' ',
  'x'.repeat(5000),
  '${var.injected}',
  '%{ if true }x%{ endif }',
  'ok-${aws_instance.x.id}',
  true,
  false,
  [],
  // eslint-disable-next-line no-sparse-arrays
  [, 'a'],
  ['${x}'],
  {},
  { extra: 1 },
  '42',
  -0,
];

/** One hostile value: a listed constant or a generated one of a random type. */
export function hostileValue(): fc.Arbitrary<unknown> {
  return fc.oneof(
    { weight: 4, arbitrary: fc.constantFrom(...HOSTILE_CONSTANTS) },
    { weight: 1, arbitrary: fc.double() },
    { weight: 1, arbitrary: fc.integer() },
    { weight: 1, arbitrary: fc.string() },
    { weight: 1, arbitrary: fc.string().map((s) => `\${${s}}`) },
    { weight: 1, arbitrary: fc.array(fc.anything(), { maxLength: 3 }) },
    { weight: 1, arbitrary: fc.dictionary(fc.string(), fc.anything(), { maxKeys: 2 }) },
  );
}

export type PropPath = readonly (string | number)[];

/** Every path inside plain objects and arrays of a props value, plus a fresh key in each object (for typos). */
export function propPaths(value: unknown, skip: (path: PropPath) => boolean = () => false): PropPath[] {
  const paths: PropPath[] = [];
  const push = (path: PropPath): void => {
    if (!skip(path)) paths.push(path);
  };
  const walk = (v: unknown, path: PropPath, depth: number): void => {
    if (depth > 6 || skip(path)) return;
    if (Array.isArray(v)) {
      v.forEach((x, i) => {
        push([...path, i]);
        walk(x, [...path, i], depth + 1);
      });
    } else if (v !== null && typeof v === 'object' && Object.getPrototypeOf(v) === Object.prototype) {
      for (const [k, x] of Object.entries(v)) {
        push([...path, k]);
        walk(x, [...path, k], depth + 1);
      }
      push([...path, 'unexpectedKey']);
    }
  };
  walk(value, [], 0);
  return paths;
}

/** A copy of `value` with `replacement` at `path` (copies plain objects and arrays on the way; keeps construct instances). */
export function setAt(value: unknown, path: PropPath, replacement: unknown): unknown {
  if (path.length === 0) return replacement;
  const [head, ...rest] = path;
  const container = (Array.isArray(value) ? [...value] : { ...(value as object) }) as Record<string | number, unknown>;
  container[head!] = setAt((value as Record<string | number, unknown>)?.[head!], rest, replacement);
  return container;
}
