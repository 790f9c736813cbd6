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
import { closingQuote, deferLocations, recordLocation } from './locations';

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
 * deeper than MAX_NESTING). Where each resource and data block is written
 * can be asked afterwards (blockLocation).
 *
 * Fast path: the native JSON.parse, then a count of the object keys the text
 * writes against the keys the parsed value holds. They differ only when a key
 * repeats in one object, and only then does the slower key-by-key parser run.
 * Block positions are worked out from the text only when a report first asks
 * for one (see locations.ts), so a check that reports no line pays nothing.
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
  const shape = shapeOf(value);
  if (shape.depth > MAX_NESTING) throw tooDeep(file);
  if (shape.keys !== keysInText(text)) return parseKeyByKey(text, file);
  deferLocations(value, text, file);
  return value;
}

/**
 * Keys and nesting depth of a parsed value. The recursion stops one level
 * past MAX_NESTING, so it is bounded whatever the input; no frame allocates.
 */
function shapeOf(root: unknown): { readonly keys: number; readonly depth: number } {
  const shape = { keys: 0, depth: 0 };
  measure(root, 1, shape);
  return shape;
}

function measure(value: unknown, depth: number, shape: { keys: number; depth: number }): void {
  if (typeof value !== 'object' || value === null) return;
  if (depth > shape.depth) shape.depth = depth;
  if (depth > MAX_NESTING) return;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) measure(value[i], depth + 1, shape);
  } else {
    for (const k in value) {
      shape.keys++;
      measure((value as Record<string, unknown>)[k], depth + 1, shape);
    }
  }
}

/**
 * How many keys the text writes. Runs only on text JSON.parse accepted, so
 * outside strings there are no quotes: each quote found from where the last
 * string ended opens a string, which is a key when a colon follows it. The
 * scan jumps from quote to quote with indexOf rather than matching a pattern
 * per string, which was the larger part of this check's cost.
 */
function keysInText(text: string): number {
  let n = 0;
  for (let open = text.indexOf('"'); open !== -1; ) {
    const close = closingQuote(text, open);
    let next = close + 1;
    let c = text.charCodeAt(next);
    while (c === 32 || c === 10 || c === 13 || c === 9) c = text.charCodeAt(++next);
    if (c === 58) n++;
    open = text.indexOf('"', next);
  }
  return n;
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
