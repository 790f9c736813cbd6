/**
 * Where each resource and data block of a parsed file is written, so a
 * finding can point at a line: the brace that opens each block body.
 *
 * Positions are worked out when first asked for, not while parsing: the
 * parser hands each document's text here (deferLocations), every body of it
 * is noted as belonging to that document, and the first read of a location's
 * line or column scans that document's text once and places all its bodies.
 * A check whose report names no line scans nothing. Bodies pass unchanged
 * through normalizing and merging (an override's merged body stands for its
 * base, the block Terraform itself would name), so the tables are keyed by
 * the body object.
 */
import { isObject } from './own';

export interface BlockLocation {
  /** The file the block is written in. */
  readonly file: string;
  /** 1-based line of the brace that opens the block's body. */
  readonly line?: number;
  /** 1-based column (UTF-16 code units, as SARIF counts by default) of that brace. */
  readonly column?: number;
}

interface Position {
  readonly line: number;
  readonly column: number;
}

/** A parsed document whose block positions are not worked out yet. */
interface PendingDocument {
  readonly root: Readonly<Record<string, unknown>>;
  readonly file: string;
  /** Dropped once the positions are known. */
  text: string | undefined;
}

/** Bodies whose place is known. */
const LOCATIONS = new WeakMap<object, BlockLocation>();
/** Bodies whose place is in a document not scanned yet. */
const PENDING = new WeakMap<object, PendingDocument>();
/** A merged body → the primary body whose place it has. */
const SAME_PLACE = new WeakMap<object, object>();

const BLOCK_TYPES = ['resource', 'data'] as const;

/**
 * Where a resource or data block body is written, when the parser read it
 * from a file. Its line and column are read from the file's text on first use.
 */
export function blockLocation(body: unknown): BlockLocation | undefined {
  if (typeof body !== 'object' || body === null) return undefined;
  const target = SAME_PLACE.get(body) ?? body;
  const known = LOCATIONS.get(target);
  if (known !== undefined) return known;
  const doc = PENDING.get(target);
  if (doc === undefined) return undefined;
  // Own enumerable accessors: JSON.stringify, spreads and deep equality all read them like plain properties.
  return {
    file: doc.file,
    get line(): number | undefined {
      return positionOf(doc, target)?.line;
    },
    get column(): number | undefined {
      return positionOf(doc, target)?.column;
    },
  };
}

/** The key-by-key parser knows each body's place as it reads it. */
export function recordLocation(body: object, location: BlockLocation): void {
  LOCATIONS.set(body, location);
}

/** A body rebuilt from `from` (an override merged into it) is written where `from` is. */
export function keepLocation(from: object, to: object): void {
  SAME_PLACE.set(to, SAME_PLACE.get(from) ?? from);
}

/** Notes every resource and data body of a parsed document as placed in `text`, to be scanned on first use. */
export function deferLocations(root: unknown, text: string, file: string): void {
  if (!isObject(root)) return;
  const doc: PendingDocument = { root, file, text };
  for (const blockType of BLOCK_TYPES) {
    if (!Object.prototype.hasOwnProperty.call(root, blockType)) continue;
    const types = root[blockType];
    if (Array.isArray(types)) for (const group of types) deferLabels(group, doc);
    else deferLabels(types, doc);
  }
}

/** The type level: an object of type labels (or, through deferLabels' caller, an array of them). */
function deferLabels(types: unknown, doc: PendingDocument): void {
  if (!isObject(types)) return;
  for (const type in types) {
    if (!Object.prototype.hasOwnProperty.call(types, type)) continue;
    const names = types[type];
    if (Array.isArray(names)) for (const group of names) deferNames(group, doc);
    else deferNames(names, doc);
  }
}

function deferNames(names: unknown, doc: PendingDocument): void {
  if (!isObject(names)) return;
  for (const name in names) {
    if (!Object.prototype.hasOwnProperty.call(names, name)) continue;
    const bodies = names[name];
    if (isObject(bodies)) PENDING.set(bodies, doc);
    else if (Array.isArray(bodies)) for (const body of bodies) if (isObject(body)) PENDING.set(body, doc);
  }
}

/** Scans the document once (placing every body of it), then answers from the table. */
function positionOf(doc: PendingDocument, body: object): BlockLocation | undefined {
  if (doc.text !== undefined) {
    locateBodies(doc.root, bodyPositions(doc.text), doc.file);
    doc.text = undefined;
  }
  return LOCATIONS.get(body);
}

/**
 * Pairs the bodies of a parsed document's `resource` and `data` blocks, in
 * every JSON form, with the positions the text scan noted for them. Positions
 * are matched by block path (type, labels) and then by order, which for one
 * path is the text order in every form; a body the scan did not note (a
 * `null` element) simply has no location.
 */
function locateBodies(root: Readonly<Record<string, unknown>>, positions: ReadonlyMap<string, readonly Position[]>, file: string): void {
  if (positions.size === 0) return;
  const used = new Map<string, number>();
  for (const blockType of BLOCK_TYPES) {
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

/**
 * What a container of the text stands for, as far as block locations go: the
 * root object, the type and name levels of `resource`/`data`, a position that
 * holds block bodies (an array of them), or anything else.
 */
const enum At {
  Other,
  Root,
  Types,
  Names,
  Bodies,
}

const QUOTE = 34;
const BACKSLASH = 92;
const COLON = 58;
const OPEN_OBJECT = 123;
const CLOSE_OBJECT = 125;
const OPEN_ARRAY = 91;
const CLOSE_ARRAY = 93;

/** Block positions sit at most four containers deep (root, types, names, a body array); context is kept this deep. */
const CONTEXT_DEPTH = 8;

/**
 * Where each `resource`/`data` body opens: block path (type NUL type label NUL
 * name) → positions in text order. One pass over text that JSON.parse has
 * accepted, so it is well formed: a string is skipped with indexOf, and is a
 * key when a colon follows it.
 */
function bodyPositions(text: string): Map<string, Position[]> {
  const bodies = new Map<string, Position[]>();
  // Per open container near the root: what it stands for, whether it is an object, and (label levels) the last key read in it.
  const at = new Uint8Array(CONTEXT_DEPTH);
  const isObject = new Uint8Array(CONTEXT_DEPTH);
  const keyOf: string[] = [];
  let top = -1;
  let blockType = '';
  let typeLabel = '';
  let lines: LineCounter | undefined;
  const n = text.length;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c === QUOTE) {
      const start = i;
      i = closingQuote(text, i);
      let j = i + 1;
      let d = text.charCodeAt(j);
      while (d === 32 || d === 10 || d === 13 || d === 9) d = text.charCodeAt(++j);
      if (d === COLON) {
        if (top < CONTEXT_DEPTH && at[top] !== At.Other) keyOf[top] = keyText(text, start, i);
        i = j;
      }
    } else if (c === OPEN_OBJECT || c === OPEN_ARRAY) {
      top++;
      if (top >= CONTEXT_DEPTH) continue;
      const object = c === OPEN_OBJECT;
      let here = At.Other;
      if (top === 0) here = object ? At.Root : At.Other;
      else {
        const parent = at[top - 1]!;
        if (parent === At.Other) {
          // Inside a body or an expression: nothing to locate.
        } else if (isObject[top - 1] === 0) here = parent === At.Bodies ? (object ? At.Bodies : At.Other) : parent;
        else if (parent === At.Root) {
          const key = keyOf[top - 1]!;
          if (key === 'resource' || key === 'data') {
            here = At.Types;
            blockType = key;
          }
        } else if (parent === At.Types) {
          here = At.Names;
          typeLabel = keyOf[top - 1]!;
        } else if (parent === At.Names) here = At.Bodies;
        if (here === At.Bodies && object) {
          // A body opens here: one block `blockType typeLabel name`.
          const name = isObject[top - 1] === 1 ? keyOf[top - 1]! : keyOf[top - 2]!;
          const path = `${blockType}\u0000${typeLabel}\u0000${name}`;
          lines ??= new LineCounter(text);
          const position = lines.positionOf(i);
          const list = bodies.get(path);
          if (list === undefined) bodies.set(path, [position]);
          else list.push(position);
          here = At.Other;
        }
      }
      at[top] = here;
      isObject[top] = object ? 1 : 0;
    } else if (c === CLOSE_OBJECT || c === CLOSE_ARRAY) {
      top--;
    }
  }
  return bodies;
}

/** The index of the quote that closes the string opening at `start`, in text JSON.parse accepted. */
export function closingQuote(text: string, start: number): number {
  let end = text.indexOf('"', start + 1);
  while (text.charCodeAt(end - 1) === BACKSLASH) {
    let slashes = 0;
    for (let k = end - 1; text.charCodeAt(k) === BACKSLASH; k--) slashes++;
    if (slashes % 2 === 0) break;
    end = text.indexOf('"', end + 1);
  }
  return end;
}

/** Line and column of offsets asked for in increasing order, counting newlines only up to each. */
class LineCounter {
  private line = 1;
  private lineStart = 0;
  private next: number;

  public constructor(private readonly text: string) {
    this.next = text.indexOf('\n');
  }

  public positionOf(offset: number): Position {
    while (this.next !== -1 && this.next < offset) {
      this.line++;
      this.lineStart = this.next + 1;
      this.next = this.text.indexOf('\n', this.lineStart);
    }
    return { line: this.line, column: offset - this.lineStart + 1 };
  }
}

/** A key's text with its escapes decoded: `"resourc\\u0065"` is `resource`. */
function keyText(text: string, open: number, close: number): string {
  const raw = text.slice(open + 1, close);
  return raw.includes('\\') ? (JSON.parse(text.slice(open, close + 1)) as string) : raw;
}

