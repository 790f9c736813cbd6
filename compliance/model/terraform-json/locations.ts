/**
 * Where each resource and data block of a parsed file is written, so a
 * finding can point at a line. The parser records the position of the brace
 * that opens each block body; bodies pass unchanged through normalizing and
 * merging (an override's merged body keeps its base's place, the block
 * Terraform itself would name), so the table is keyed by the body object.
 */
import { isObject } from './own';

export interface BlockLocation {
  /** The file the block is written in. */
  readonly file: string;
  /** 1-based line of the brace that opens the block's body. */
  readonly line: number;
  /** 1-based column (UTF-16 code units, as SARIF counts by default) of that brace. */
  readonly column: number;
}

const LOCATIONS = new WeakMap<object, BlockLocation>();

/** Where a resource or data block body was read, when the parser read it from a file. */
export function blockLocation(body: unknown): BlockLocation | undefined {
  return typeof body === 'object' && body !== null ? LOCATIONS.get(body) : undefined;
}

export function recordLocation(body: object, location: BlockLocation): void {
  LOCATIONS.set(body, location);
}

/** A body rebuilt from `from` (an override merged into it) is still written where `from` is. */
export function keepLocation(from: object, to: object): void {
  const location = LOCATIONS.get(from);
  if (location !== undefined) LOCATIONS.set(to, location);
}

/**
 * Pairs the bodies of a parsed document's `resource` and `data` blocks, in
 * every JSON form, with the positions the text scan noted for them. Positions
 * are matched by block path (type, labels) and then by order, which for one
 * path is the text order in every form; a body the scan did not note (a
 * `null` element) simply has no location.
 */
export function locateBodies(root: unknown, positions: ReadonlyMap<string, ReadonlyArray<{ readonly line: number; readonly column: number }>>, file: string): void {
  if (positions.size === 0 || !isObject(root)) return;
  const used = new Map<string, number>();
  for (const blockType of ['resource', 'data']) {
    if (!Object.prototype.hasOwnProperty.call(root, blockType)) continue;
    forEachLabel(root[blockType], (type, byName) =>
      forEachLabel(byName, (name, bodies) => {
        const path = `${blockType}\u0000${type}\u0000${name}`;
        const list = positions.get(path);
        if (list === undefined) return;
        for (const body of Array.isArray(bodies) ? bodies : [bodies]) {
          if (!isObject(body)) continue;
          const i = used.get(path) ?? 0;
          used.set(path, i + 1);
          const p = list[i];
          if (p !== undefined) LOCATIONS.set(body, { file, line: p.line, column: p.column });
        }
      }),
    );
  }
}

/** The label → value pairs of a label level written as an object or an array of objects; other shapes are the normalizer's to refuse. */
function forEachLabel(level: unknown, visit: (label: string, value: unknown) => void): void {
  for (const group of Array.isArray(level) ? level : [level]) {
    if (!isObject(group)) continue;
    for (const label in group) if (Object.prototype.hasOwnProperty.call(group, label)) visit(label, group[label]);
  }
}
