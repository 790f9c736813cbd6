/**
 * Parses the text of one `*.tf.json` file as Terraform's JSON syntax sees it.
 * `JSON.parse` keeps the last of two equal keys, which hides the first; this
 * parser sees every key. Where Terraform reads repeated keys as more blocks
 * (the block-type and label levels), they become the array form, which means
 * the same; inside a block body or an expression Terraform rejects them, and
 * so do we.
 */
import { ParseErrorCode, printParseErrorCode, visit } from 'jsonc-parser';
import { TenantformError } from '../../../core/errors';
import { BLOCK_LABELS } from './types';
import { put } from './own';
import { locateBodies, recordLocation } from './locations';

/**
 * Where a value sits: the file root, a label level with `n` labels left, a
 * block (one body or an array of bodies), or an expression.
 */
type Mode =
  | { readonly kind: 'root' }
  | { readonly kind: 'label'; readonly left: number; readonly located: boolean }
  | { readonly kind: 'block'; readonly located: boolean }
  | { readonly kind: 'expr' };

const ROOT: Mode = { kind: 'root' };
const BLOCK: Mode = { kind: 'block', located: false };
/** The body level of `resource` and `data` blocks, whose positions findings point at. */
const LOCATED_BLOCK: Mode = { kind: 'block', located: true };
const EXPR: Mode = { kind: 'expr' };

interface ObjectFrame {
  readonly kind: 'object';
  readonly mode: Mode;
  readonly props: Array<readonly [string, unknown]>;
  /** Key → line (1-based) of its first occurrence, for the duplicate message. */
  readonly seen: Map<string, number>;
  key: string;
  /** Where the object opens, for a resource or data block body. */
  readonly at?: { readonly line: number; readonly column: number };
}

interface ArrayFrame {
  readonly kind: 'array';
  readonly mode: Mode;
  readonly items: unknown[];
}

type Frame = ObjectFrame | ArrayFrame;

/**
 * Deeper nesting than any configuration needs; refused so that no recursive
 * reader downstream (resolver, rules) can overflow its stack on hostile input.
 */
export const MAX_NESTING = 512;

/**
 * Parses one Terraform JSON file's text. Throws TF-CHK-002 (not JSON),
 * TF-CHK-009 (duplicate key in a body or expression) or TF-CHK-014 (nested
 * deeper than MAX_NESTING). Records where each resource and data block
 * starts (see blockLocation).
 *
 * Fast path: the native JSON.parse, then one scan of the text that counts the
 * object keys it writes, measures its nesting and notes where each block body
 * opens. The key count is compared with the keys the parsed value holds: they
 * differ only when a key repeats in one object, and only then does the slower
 * key-by-key parser run.
 */
export function parseTerraformJson(text: string, file: string): unknown {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (e) {
    // The key-by-key parser names the line; should it accept what JSON.parse rejects, the text is still refused.
    parseKeyByKey(text, file);
    throw notJson(file, '', (e as Error).message);
  }
  const scan = scanText(text);
  if (scan.depth > MAX_NESTING) throw tooDeep(file);
  if (keysIn(value) !== scan.keys) return parseKeyByKey(text, file);
  locateBodies(value, scan.bodies, file);
  return value;
}

/** Keys of a parsed value whose nesting is known to be at most MAX_NESTING, so recursion is bounded. */
function keysIn(value: unknown): number {
  if (typeof value !== 'object' || value === null) return 0;
  let n = 0;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) n += keysIn(value[i]);
  } else {
    for (const k in value) n += 1 + keysIn((value as Record<string, unknown>)[k]);
  }
  return n;
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

interface TextScan {
  /** Object keys the text writes. */
  readonly keys: number;
  /** Deepest nesting of objects and arrays (the root object is 1). */
  readonly depth: number;
  /** `resource`/`data` NUL type NUL name → where each body of that block opens, in text order. */
  readonly bodies: Map<string, Position[]>;
}

interface Position {
  readonly line: number;
  readonly column: number;
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
 * One pass over text that JSON.parse has accepted, so it is well formed: a
 * string is skipped with indexOf, and is a key when a colon follows it.
 */
function scanText(text: string): TextScan {
  const bodies = new Map<string, Position[]>();
  // Per open container near the root: what it stands for, whether it is an object, and (label levels) the last key read in it.
  const at = new Uint8Array(CONTEXT_DEPTH);
  const isObject = new Uint8Array(CONTEXT_DEPTH);
  const keyOf: string[] = [];
  let top = -1;
  let depth = 0;
  let keys = 0;
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
        keys++;
        if (top < CONTEXT_DEPTH && at[top] !== At.Other) keyOf[top] = keyText(text, start, i);
        i = j;
      }
    } else if (c === OPEN_OBJECT || c === OPEN_ARRAY) {
      top++;
      if (top >= depth) depth = top + 1;
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
  return { keys, depth, bodies };
}

/** The index of the quote that closes the string opening at `start`. */
function closingQuote(text: string, start: number): number {
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

function tooDeep(file: string): TenantformError {
  return new TenantformError({
    code: 'TF-CHK-014',
    where: file,
    problem: `the JSON is nested more than ${MAX_NESTING} levels deep, deeper than the gate reads.`,
    value: file,
    fix: 'flatten the value; no Terraform configuration needs this depth.',
  });
}

/** The key-by-key parser: sees repeated keys, and names the line of a syntax error. */
function parseKeyByKey(text: string, file: string): unknown {
  const stack: Frame[] = [];
  let root: unknown;
  let done = false;
  let syntax: { error: ParseErrorCode; line: number; column: number } | undefined;

  const childMode = (): Mode => {
    const parent = stack[stack.length - 1];
    if (parent === undefined) return ROOT;
    const m = parent.mode;
    if (parent.kind === 'array') return m.kind === 'root' ? EXPR : m;
    if (m.kind === 'root') {
      if (parent.key === '//') return EXPR;
      const labels = Object.prototype.hasOwnProperty.call(BLOCK_LABELS, parent.key) ? BLOCK_LABELS[parent.key]! : 0;
      return labels > 0 ? { kind: 'label', left: labels, located: parent.key === 'resource' || parent.key === 'data' } : BLOCK;
    }
    if (m.kind === 'label') return m.left > 1 ? { kind: 'label', left: m.left - 1, located: m.located } : m.located ? LOCATED_BLOCK : BLOCK;
    return EXPR;
  };

  const emit = (value: unknown): void => {
    const parent = stack[stack.length - 1];
    if (parent === undefined) {
      root = value;
      done = true;
    } else if (parent.kind === 'array') parent.items.push(value);
    else parent.props.push([parent.key, value]);
  };

  visit(
    text,
    {
      onObjectBegin: (_offset, _length, startLine, startCharacter) => {
        if (stack.length >= MAX_NESTING) throw tooDeep(file);
        const mode = childMode();
        const at = mode === LOCATED_BLOCK ? { line: startLine + 1, column: startCharacter + 1 } : undefined;
        stack.push({ kind: 'object', mode, props: [], seen: new Map(), key: '', ...(at !== undefined ? { at } : {}) });
      },
      onObjectProperty: (name, _offset, _length, startLine) => {
        const frame = stack[stack.length - 1] as ObjectFrame;
        const first = frame.seen.get(name);
        if (first !== undefined && !repeatable(frame.mode, name)) {
          throw new TenantformError({
            code: 'TF-CHK-009',
            where: `${file}:${startLine + 1}`,
            problem: `the key "${name}" appears twice in one ${frame.mode.kind === 'expr' ? 'object value' : 'block body'} (first on line ${first}); Terraform rejects a duplicate argument, and a JSON parser would silently keep only the last.`,
            value: name,
            fix: 'keep one of them; write repeated nested blocks as one key whose value is an array of objects.',
          });
        }
        if (first === undefined) frame.seen.set(name, startLine + 1);
        frame.key = name;
      },
      onObjectEnd: () => {
        const frame = stack.pop() as ObjectFrame;
        const value = buildObject(frame);
        if (frame.at !== undefined) recordLocation(value as object, { file, ...frame.at });
        emit(value);
      },
      onArrayBegin: () => {
        if (stack.length >= MAX_NESTING) throw tooDeep(file);
        stack.push({ kind: 'array', mode: childMode(), items: [] });
      },
      onArrayEnd: () => {
        const frame = stack.pop() as ArrayFrame;
        emit(frame.items);
      },
      onLiteralValue: (value: unknown) => emit(value),
      onError: (error, _offset, _length, startLine, startCharacter) => {
        syntax ??= { error, line: startLine + 1, column: startCharacter + 1 };
      },
    },
    { disallowComments: true, allowTrailingComma: false, allowEmptyContent: false },
  );

  if (syntax !== undefined || !done) {
    const at = syntax === undefined ? '' : `:${syntax.line}:${syntax.column}`;
    throw notJson(file, at, syntax === undefined ? 'the file holds no JSON value' : printParseErrorCode(syntax.error));
  }
  return root;
}

function notJson(file: string, at: string, what: string): TenantformError {
  return new TenantformError({
    code: 'TF-CHK-002',
    where: `${file}${at}`,
    problem: `the file is not valid JSON (${what}); Terraform JSON allows no comments and no trailing commas.`,
    value: file,
    fix: 'regenerate it with `cdktf synth`, or fix the JSON.',
  });
}

/** Block-type keys at the root and label keys may repeat (Terraform reads more blocks); body and expression keys may not. */
function repeatable(mode: Mode, key: string): boolean {
  if (mode.kind === 'label') return true;
  return mode.kind === 'root' && key !== '//';
}

function buildObject(frame: ObjectFrame): unknown {
  if (frame.mode.kind === 'label' && frame.props.length !== frame.seen.size) return splitAtRepeats(frame.props);
  const out: Record<string, unknown> = {};
  for (const [k, v] of frame.props) {
    // A repeated root key (two `resource` properties) means both sets of blocks: the array form says the same.
    if (frame.mode.kind === 'root' && Object.prototype.hasOwnProperty.call(out, k)) put(out, k, [...asArray(out[k]), ...asArray(v)]);
    else put(out, k, v);
  }
  return out;
}

/** `{a: X, b: Y, a: Z}` at a label level is `[{a: X, b: Y}, {a: Z}]`: every label kept, in order. */
function splitAtRepeats(props: ReadonlyArray<readonly [string, unknown]>): Record<string, unknown>[] {
  const groups: Record<string, unknown>[] = [];
  let current: Record<string, unknown> = {};
  for (const [k, v] of props) {
    if (Object.prototype.hasOwnProperty.call(current, k)) {
      groups.push(current);
      current = {};
    }
    put(current, k, v);
  }
  groups.push(current);
  return groups;
}

/** The blocks a value at a block-type or label level stands for: null is none, an array is its elements. */
function asArray(value: unknown): unknown[] {
  if (value === null) return [];
  return Array.isArray(value) ? value : [value];
}
