/**
 * The config-mode evaluator: what the gate makes of Terraform's expression
 * language without running Terraform. It handles a CLOSED set of forms; every
 * other form is an `UnknownValue` that says why (`reason`), so no rule ever
 * judges a guess.
 *
 * Evaluated:
 * - literals: strings, numbers, booleans, null, lists and objects of them;
 * - `${...}` interpolation whose body is one of the forms below; a string that
 *   is exactly one interpolation keeps the value's type, otherwise the parts are
 *   joined as text (a JSON document with interpolations in its string leaves is
 *   decoded first and each leaf evaluated, unless an interpolated value would
 *   change the document's structure);
 * - the escapes `$${` and `%%{`, which stand for the literal text `${` and `%{`;
 * - references to `local.<name>` (and paths into it);
 * - references to arguments a resource or data source states in the JSON, when
 *   it has no `count` or `for_each` (`aws_s3_bucket.b.bucket`, `x.cfg[0].mode`);
 * - `data.aws_iam_policy_document.<name>.json` / `.minified_json`, rendered from
 *   its arguments;
 * - literal expressions inside `${}` (`${true}`, `${"x"}`, `${[1, 2]}`, `${{a = 1}}`),
 *   and quoted templates in them (`"${aws_s3_bucket.b.arn}/*"`), evaluated as above;
 * - `jsonencode(<any of these forms>)`: a JSON string when every leaf is known,
 *   otherwise the object with unknown leaves (policy readers accept both).
 *
 * Unknown (the reason names the form and points to plan mode):
 * - conditionals, `for` expressions, splats (`[*]`, `.*`), operators, indexes
 *   computed by an expression, and every function call but `jsonencode`;
 * - template directives `%{ if }` / `%{ for }`, in any string;
 * - every `var.*`, even with a default: `-var` and tfvars override defaults,
 *   so judging the default would be judging a value Terraform may not use;
 * - `module.*` outputs, `each.*`, `count.*`, `self.*`, `path.*`, `terraform.*`;
 * - attributes the provider computes (`aws_iam_role.r.arn`), instances of counted
 *   resources, anything of `terraform_data` and `null_resource`, outputs read
 *   through `data.terraform_remote_state` (marked `remote`, so the finding can
 *   name the producing stack), and references to undeclared objects;
 * - the nested blocks a `dynamic` block generates (the block's attribute is
 *   unknown, and the resource is listed as having dynamic blocks);
 * - any chain of references or nesting deeper than MAX_DEPTH steps, text
 *   longer than MAX_TEXT, and cycles.
 *
 * A computed reference is SPECIFIC (one object managed in this stack, known at
 * apply time) only when it names an identifier attribute of a managed resource
 * (see identifiers.ts); a template is specific when all its references are and
 * no wildcard comes before the last of them.
 */
import { policyDocumentFromDataSource } from '../policy';
import { isRecord, isUnknown, RemoteRead, UnknownValue } from '../values';
import { Expr, parseExpression, Parsed, Step } from './expression';
import { isIdentifierAttribute, isOpaqueType } from './identifiers';
import { backendLocation, producerName } from './remote-state';

type Blocks = Readonly<Record<string, Readonly<Record<string, unknown>>>>;

export interface RawStack {
  readonly resource?: Blocks;
  readonly data?: Blocks;
  readonly locals?: Readonly<Record<string, unknown>>;
}

/** How many reference hops plus nesting levels one evaluation may take. */
export const MAX_DEPTH = 500;

/** Appended to reasons whose cure is letting Terraform evaluate. */
export const PLAN_MODE_HINT = 'config mode does not evaluate it; check the plan instead (`tenantform check --plan plan.json`)';

const TOO_DEEP = `a chain of references or nesting deeper than ${MAX_DEPTH} steps`;

const REWRITES = 'an interpolated value with quotes or escapes inside a JSON document, which would change its structure';

/** Text a template may build; a doubling chain of locals would otherwise exhaust memory. */
export const MAX_TEXT = 1_000_000;

interface UnknownOptions {
  readonly refs?: readonly string[];
  readonly specific?: boolean;
  readonly form?: UnknownValue['form'];
  readonly reason: string;
  readonly remote?: RemoteRead;
}

function unknownOf(expression: string, o: UnknownOptions): UnknownValue {
  return {
    $unknown: expression,
    refs: o.refs ?? [],
    specific: o.specific ?? false,
    form: o.form ?? 'expression',
    reason: o.reason,
    ...(o.remote !== undefined ? { remote: o.remote } : {}),
  };
}

/**
 * Parsed interpolation bodies, shared by every stack of a run: tenant stacks
 * repeat the same references (`aws_kms_key.key.arn`) in every stack. Parsing
 * is pure and its result is never changed, so sharing is safe; the table is
 * emptied when it grows past PARSED_LIMIT, which bounds its memory in a
 * long-lived process.
 */
const PARSED = new Map<string, Parsed>();
const PARSED_LIMIT = 10_000;

function parsedExpression(body: string): Parsed {
  let parsed = PARSED.get(body);
  if (parsed === undefined) {
    if (PARSED.size >= PARSED_LIMIT) PARSED.clear();
    PARSED.set(body, (parsed = parseExpression(body)));
  }
  return parsed;
}

export class Resolver {
  private readonly blocks = new Map<string, Record<string, unknown>>();
  private readonly locals = new Map<string, unknown>();
  private readonly inProgress = new Set<string>();
  private readonly dynamic = new Map<string, string[]>();
  /** Dynamic block names found while resolving the block on top of this stack. */
  private readonly dynamicSink: string[][] = [];
  /** Interpolations seen that would rewrite the JSON document around them (see guardLeaf). */
  private rewrites = 0;
  constructor(private readonly raw: RawStack) {}

  /** The resolved arguments of a resource (`aws_x.y`) or data source (`data.aws_x.y`). */
  public resolveBlock(address: string, depth = 0): Record<string, unknown> | undefined {
    const cached = this.blocks.get(address);
    if (cached !== undefined) return cached;
    const source = lookupBlock(this.raw, address);
    if (source === undefined || this.inProgress.has(address) || depth > MAX_DEPTH) return undefined;
    this.inProgress.add(address);
    const found: string[] = [];
    this.dynamicSink.push(found);
    const out: Record<string, unknown> = {};
    try {
      // for-in rather than Object.entries: no list of pairs per block (every object of every stack passes here).
      for (const k in source) {
        if (!hasOwn(source, k) || k === '//') continue;
        const v = source[k];
        if (k === 'dynamic' && isDynamicSpec(v)) this.addDynamic(out, v, source, depth, found, '');
        else if (!Object.prototype.hasOwnProperty.call(out, k)) define(out, k, this.resolveValue(v, depth + 1));
      }
    } finally {
      this.dynamicSink.pop();
      this.inProgress.delete(address);
    }
    this.blocks.set(address, out);
    if (found.length > 0) this.dynamic.set(address, found);
    return out;
  }

  /**
   * The `dynamic` block types a resolved block's values depend on: its own,
   * and those of what it references (a role whose trust policy is a policy
   * document with a dynamic `statement`).
   */
  public dynamicBlocksOf(address: string): readonly string[] {
    // Most stacks have no dynamic block at all: nothing to look for.
    if (this.dynamic.size === 0) return [];
    const out = new Set(this.dynamic.get(address) ?? []);
    const visit = (v: unknown): void => {
      if (isUnknown(v)) {
        if (v.dynamicBlock !== undefined) out.add(v.dynamicBlock);
      } else if (Array.isArray(v)) {
        for (const x of v) visit(x);
      } else if (typeof v === 'object' && v !== null) {
        for (const x of Object.values(v)) visit(x);
      }
    };
    visit(this.blocks.get(address));
    return [...out];
  }

  public resolveValue(value: unknown, depth = 0): unknown {
    if (depth > MAX_DEPTH) return unknownOf(typeof value === 'string' ? value : '(nested value)', { reason: TOO_DEEP });
    if (typeof value === 'string') return this.resolveString(value, depth, false);
    if (Array.isArray(value)) return value.map((v) => this.resolveValue(v, depth + 1));
    if (isRecord(value)) {
      const out: Record<string, unknown> = {};
      for (const k in value) {
        if (!hasOwn(value, k)) continue;
        const v = value[k];
        // In Terraform JSON, object keys are templates too: a computed key could be anything.
        if (hasTemplate(k)) return unknownOf(JSON.stringify(value), { reason: `an object key written as a template (${k}); ${PLAN_MODE_HINT}` });
        if (k === 'dynamic' && isDynamicSpec(v)) this.addDynamic(out, v, value, depth, this.dynamicSink[this.dynamicSink.length - 1], '');
        else if (!Object.prototype.hasOwnProperty.call(out, k)) define(out, k, this.resolveValue(v, depth + 1));
      }
      return out;
    }
    return value;
  }

  /**
   * A `dynamic "<name>"` block: what it generates depends on its `for_each`,
   * which config mode does not expand. The attribute becomes unknown; static
   * blocks of the same name are kept before it so known problems still show.
   */
  private addDynamic(out: Record<string, unknown>, spec: unknown, body: Readonly<Record<string, unknown>>, depth: number, found: string[] | undefined, prefix: string): void {
    for (const name of dynamicNames(spec)) {
      found?.push(`${prefix}${name}`);
      const marker: UnknownValue = { ...unknownOf(`dynamic "${name}"`, { reason: `the "${name}" blocks come from a dynamic block; ${PLAN_MODE_HINT}` }), dynamicBlock: `${prefix}${name}` };
      const statics = body[name] === undefined ? [] : asList(this.resolveValue(body[name], depth + 1));
      define(out, name, statics.length === 0 ? marker : [...statics, marker]);
    }
  }

  private resolveString(s: string, depth: number, jsonLeaf: boolean): unknown {
    if (!s.includes('{')) return s;
    const parts = splitTemplate(s);
    if (parts === undefined) return unknownOf(s, { reason: 'an unterminated interpolation' });
    if (parts === 'directive') return unknownOf(s, { refs: refsInText(s), reason: `a template directive (%{ if } / %{ for }); ${PLAN_MODE_HINT}` });
    const exprs = parts.filter((p): p is { expr: string } => typeof p !== 'string');
    if (exprs.length === 0) return parts.join('');
    if (parts.length === 1) return this.guardLeaf(this.evaluate(exprs[0]!.expr, depth + 1), s, jsonLeaf);
    if (!jsonLeaf) {
      const trimmed = s.trim();
      if (trimmed.startsWith('{') || trimmed.startsWith('[')) {
        const doc = parseJson(trimmed);
        if (doc !== undefined) {
          const before = this.rewrites;
          const out = this.resolveJsonDocument(doc.value, s, depth + 1);
          // Text that would rewrite the document makes all of it unknown, not just one leaf.
          return this.rewrites === before ? out : unknownOf(s, { refs: refsInText(s), reason: REWRITES });
        }
      }
    }
    let text = '';
    const unknowns: { readonly before: string; readonly value: UnknownValue }[] = [];
    for (const part of parts) {
      if (typeof part === 'string') {
        text += part;
        continue;
      }
      const v = this.guardLeaf(this.evaluate(part.expr, depth + 1), s, jsonLeaf);
      if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') {
        text += String(v);
        if (text.length > MAX_TEXT) return unknownOf(s.slice(0, 200), { reason: `text longer than ${MAX_TEXT} characters` });
      } else if (isUnknown(v)) unknowns.push({ before: text, value: v });
      else unknowns.push({ before: text, value: unknownOf(`\${${part.expr}}`, { reason: 'a value that is not text used inside a string' }) });
    }
    if (unknowns.length === 0) return text;
    const last = unknowns[unknowns.length - 1]!;
    const wildcardBeforeLast = /[*?]/.test(last.before);
    const first = unknowns.find((u) => !isSpecificValue(u.value)) ?? unknowns[0]!;
    return unknownOf(s, {
      refs: [...new Set(unknowns.flatMap((u) => u.value.refs))],
      specific: !wildcardBeforeLast && unknowns.every((u) => isSpecificValue(u.value)),
      form: unknowns.every((u) => u.value.form !== 'expression') ? 'template' : 'expression',
      reason: first.value.reason ?? 'a value config mode cannot resolve',
      ...(first.value.remote !== undefined ? { remote: first.value.remote } : {}),
    });
  }

  /**
   * A JSON document with interpolations in it (a policy written with
   * JSON.stringify around tokens): each string leaf is evaluated on its own.
   * Equivalent to rendering then parsing only when no interpolated text could
   * close a string, so such text makes the leaf unknown (see guardLeaf).
   */
  private resolveJsonDocument(doc: unknown, written: string, depth: number): unknown {
    if (depth > MAX_DEPTH) return unknownOf(written, { reason: TOO_DEEP });
    if (typeof doc === 'string') return this.resolveString(doc, depth, true);
    if (Array.isArray(doc)) return doc.map((v) => this.resolveJsonDocument(v, written, depth + 1));
    if (isRecord(doc)) {
      const out: Record<string, unknown> = {};
      for (const k in doc) {
        if (!hasOwn(doc, k)) continue;
        const v = doc[k];
        if (hasTemplate(k)) return unknownOf(written, { refs: refsInText(written), reason: `a JSON key written as a template (${k}); ${PLAN_MODE_HINT}` });
        define(out, k, this.resolveJsonDocument(v, written, depth + 1));
      }
      return out;
    }
    return doc;
  }

  /** Inside a JSON string leaf, text with a quote, backslash or control character would change the document: unknown. */
  private guardLeaf(v: unknown, written: string, jsonLeaf: boolean): unknown {
    if (!jsonLeaf || typeof v !== 'string' || !rewritesJson(v)) return v;
    this.rewrites++;
    return unknownOf(written, { reason: REWRITES });
  }

  /** Evaluates the body of one `${...}`. */
  private evaluate(body: string, depth: number): unknown {
    const parsed = parsedExpression(body);
    if ('unsupported' in parsed) return unknownOf(`\${${body}}`, { refs: refsInText(body), reason: `${parsed.unsupported}; ${PLAN_MODE_HINT}` });
    return this.evalExpr(parsed, depth);
  }

  private evalExpr(e: Expr, depth: number): unknown {
    if (depth > MAX_DEPTH) return unknownOf('(expression)', { reason: TOO_DEEP });
    switch (e.kind) {
      case 'literal':
        return e.value;
      case 'template':
        return this.resolveString(e.text, depth + 1, false);
      case 'ref':
        return this.reference(e.path, e.text, depth + 1);
      case 'tuple':
        return e.items.map((i) => this.evalExpr(i, depth + 1));
      case 'object':
        return Object.fromEntries(e.entries.map(([k, v]) => [k, this.evalExpr(v, depth + 1)]));
      case 'jsonencode': {
        const v = this.evalExpr(e.arg, depth + 1);
        if (isUnknown(v)) return { ...v, specific: false, form: 'expression' as const };
        return containsUnknown(v) ? v : JSON.stringify(v);
      }
    }
  }

  private reference(path: readonly Step[], text: string, depth: number): unknown {
    const [head] = path;
    const written = `\${${text}}`;
    const refs = [text];
    if (depth > MAX_DEPTH) return unknownOf(written, { refs, reason: TOO_DEEP });
    if (head === 'var') return unknownOf(written, { refs, form: 'reference', reason: `${text} is a variable; config mode treats every variable as unknown, defaults included, since -var and tfvars override them` });
    if (head === 'module') return unknownOf(written, { refs, form: 'reference', reason: `${text} is a module output; config mode cannot see inside modules; check the plan instead (\`tenantform check --plan plan.json\`)` });
    if (head === 'each' || head === 'count' || head === 'self' || head === 'path' || head === 'terraform') {
      return unknownOf(written, { refs, form: 'reference', reason: `${text} is only known per instance or at plan time; ${PLAN_MODE_HINT}` });
    }
    if (head === 'local') return this.local(path, text, depth);
    const isData = head === 'data';
    const [type, name, ...attrPath] = isData ? path.slice(1) : path;
    if (typeof type !== 'string' || typeof name !== 'string') return unknownOf(written, { refs, reason: `${text} is not a reference config mode understands` });
    const address = isData ? `data.${type}.${name}` : `${type}.${name}`;
    const source = lookupBlock(this.raw, address);
    const identifier = !isData && isIdentifierPath(type, attrPath);
    const computed = (reason: string): UnknownValue => unknownOf(written, { refs, specific: identifier && source !== undefined, form: 'reference', reason });
    if (source === undefined) return unknownOf(written, { refs, form: 'reference', reason: `${address} is not declared in this stack` });
    if (!isData && isOpaqueType(type)) return unknownOf(written, { refs, form: 'reference', reason: `${type} values are only known at apply time; ${PLAN_MODE_HINT}` });
    if (isData && type === 'terraform_remote_state' && attrPath[0] === 'outputs') return this.remoteOutput(source, name, attrPath, written, refs);
    if (source.count !== undefined || source.for_each !== undefined) return computed(`${address} uses count or for_each, so its instances are only known at plan time; ${PLAN_MODE_HINT}`);
    if (attrPath.length === 0) return computed(`${address} as a whole object is not a value config mode evaluates`);
    if (this.inProgress.has(address)) return this.withinCycle(source, attrPath, text, depth) ?? computed(`${text} is part of a reference cycle`);
    const args = this.resolveBlock(address, depth + 1);
    if (args === undefined) return computed(TOO_DEEP);
    if (isData && type === 'aws_iam_policy_document' && attrPath.length === 1 && (attrPath[0] === 'json' || attrPath[0] === 'minified_json')) {
      return policyDocumentFromDataSource(args);
    }
    const found = walk(args, attrPath);
    if (found === undefined) return computed(`${text} is computed by the provider at apply time`);
    if (isUnknown(found.value)) return identifier ? { ...found.value, $unknown: written, refs: [...refs, ...found.value.refs], specific: true, form: 'reference' } : { ...found.value, $unknown: written, refs: [...refs, ...found.value.refs] };
    return found.value;
  }

  private local(path: readonly Step[], text: string, depth: number): unknown {
    const written = `\${${text}}`;
    const name = path[1];
    const locals = this.raw.locals;
    if (typeof name !== 'string' || locals === undefined || !Object.prototype.hasOwnProperty.call(locals, name)) {
      return unknownOf(written, { refs: [text], reason: `${text} is not declared` });
    }
    const key = `local.${name}`;
    let value = this.locals.get(key);
    if (value === undefined) {
      if (this.inProgress.has(key)) return unknownOf(written, { refs: [text], reason: `${text} is part of a reference cycle` });
      this.inProgress.add(key);
      try {
        value = this.resolveValue(locals[name], depth + 1);
      } finally {
        this.inProgress.delete(key);
      }
      this.locals.set(key, value);
    }
    const found = walk(value, path.slice(2));
    if (found === undefined) return unknownOf(written, { refs: [text], reason: `${text} does not exist in the local's value` });
    return isUnknown(found.value) ? { ...found.value, $unknown: written, refs: [text, ...found.value.refs] } : found.value;
  }

  /** `data.terraform_remote_state.x.outputs.y`: another stack's output, only known when that stack is checked too. */
  private remoteOutput(source: Readonly<Record<string, unknown>>, name: string, attrPath: readonly Step[], written: string, refs: string[]): UnknownValue {
    const output = attrPath[1];
    const config = this.resolveValue(source.config);
    const stack = producerName(name, config);
    const location = backendLocation(source.backend, config);
    const remote: RemoteRead = { dataSource: name, output: typeof output === 'string' ? output : '?', ...(stack !== undefined ? { stack } : {}), ...(location !== undefined ? { location } : {}) };
    const form = attrPath.length === 2 ? 'reference' : 'expression';
    return unknownOf(written, { refs, form, remote, reason: `it is output ${remote.output} of ${stack !== undefined ? `stack ${stack}` : 'another stack'}${location !== undefined ? ` (state ${location})` : ''}, only known when that stack is checked together with this one` });
  }

  /** Terraform resolves per attribute, so `a.x -> b.y -> a.z` is fine: resolve just the attribute asked for. */
  private withinCycle(source: Readonly<Record<string, unknown>>, attrPath: readonly Step[], text: string, depth: number): unknown {
    const key = `expr:${text}`;
    if (this.inProgress.has(key)) return undefined;
    this.inProgress.add(key);
    try {
      const sub = walk(source, attrPath);
      const v = sub === undefined ? undefined : this.resolveValue(sub.value, depth + 1);
      return v === undefined || isUnknown(v) ? undefined : v;
    } finally {
      this.inProgress.delete(key);
    }
  }
}

/** An own property even for `__proto__`, a valid Terraform name. */
function define(out: Record<string, unknown>, key: string, value: unknown): void {
  // defineProperty is slow; only the one key that assignment would misread needs it.
  if (key === '__proto__') Object.defineProperty(out, key, { value, enumerable: true, writable: true, configurable: true });
  else out[key] = value;
}

/** A quote, a backslash or a control character: text that would not stay inside a JSON string. */
function rewritesJson(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x22 || c === 0x5c || c < 0x20) return true;
  }
  return false;
}

function isSpecificValue(v: UnknownValue): boolean {
  return v.specific === true;
}

/** `[attr]` or `[index, attr]` naming an identifier attribute of `type`. */
function isIdentifierPath(type: string, attrPath: readonly Step[]): boolean {
  const attr = attrPath.length === 1 ? attrPath[0] : attrPath.length === 2 && typeof attrPath[1] === 'string' ? attrPath[1] : undefined;
  return typeof attr === 'string' && isIdentifierAttribute(type, attr);
}

function lookupBlock(raw: RawStack, address: string): Readonly<Record<string, unknown>> | undefined {
  const isData = address.startsWith('data.');
  // `type.name`: the type ends at the first dot after the prefix, the name at the next one (a longer address names an attribute).
  const start = isData ? 5 : 0;
  const dot = address.indexOf('.', start);
  if (dot === -1) return undefined;
  const end = address.indexOf('.', dot + 1);
  const type = address.slice(start, dot);
  const name = end === -1 ? address.slice(dot + 1) : address.slice(dot + 1, end);
  const group = (isData ? raw.data : raw.resource)?.[type];
  if (!isRecord(group) || !Object.prototype.hasOwnProperty.call(group, name)) return undefined;
  const block = group[name];
  return isRecord(block) ? block : undefined;
}

/**
 * Walks `.attr`, `[0]` steps. `{ value }` when found (possibly an unknown the
 * JSON states); undefined when a step is missing (a computed attribute).
 * Stepping into an unknown gives that unknown.
 */
function walk(value: unknown, path: readonly Step[]): { readonly value: unknown } | undefined {
  let v = value;
  for (const step of path) {
    if (isUnknown(v)) return { value: v };
    if (v === undefined || v === null) return undefined;
    if (typeof step === 'number') {
      if (!Array.isArray(v)) return undefined;
      v = v[step];
    } else if (Array.isArray(v)) {
      // Terraform lets `block.attr` address a single nested block written as a list of one.
      if (v.length !== 1 || !isRecord(v[0])) return undefined;
      v = v[0][step];
    } else if (isRecord(v)) {
      v = Object.prototype.hasOwnProperty.call(v, step) ? v[step] : undefined;
    } else {
      return undefined;
    }
  }
  return v === undefined ? undefined : { value: v };
}

function containsUnknown(v: unknown): boolean {
  if (isUnknown(v)) return true;
  if (Array.isArray(v)) return v.some(containsUnknown);
  if (isRecord(v)) return Object.values(v).some(containsUnknown);
  return false;
}

function asList(v: unknown): unknown[] {
  return Array.isArray(v) ? v : v === undefined ? [] : [v];
}

function hasTemplate(s: string): boolean {
  // Both forms need a brace; most keys have none, and a substring search is cheaper than the pattern.
  return s.includes('{') && /(^|[^$])\$\{|(^|[^%])%\{/.test(s);
}

function hasOwn(o: object, key: string): boolean {
  return Object.prototype.hasOwnProperty.call(o, key);
}

function parseJson(text: string): { readonly value: unknown } | undefined {
  try {
    return { value: JSON.parse(text) as unknown };
  } catch {
    return undefined;
  }
}

/**
 * `dynamic` holds `{ <name>: { for_each, content } }` (or a list of such
 * objects, or per-name lists). A plain attribute that happens to be called
 * `dynamic` (a tag) has no `content`, so it is left alone.
 */
function isDynamicSpec(v: unknown): boolean {
  const names = dynamicNames(v);
  return names.length > 0;
}

function dynamicNames(v: unknown): string[] {
  const out: string[] = [];
  for (const group of Array.isArray(v) ? v : [v]) {
    if (!isRecord(group)) return [];
    for (const [name, spec] of Object.entries(group)) {
      const specs = Array.isArray(spec) ? spec : [spec];
      if (specs.length === 0 || !specs.every((s) => isRecord(s) && ('content' in s || 'for_each' in s))) return [];
      if (!out.includes(name)) out.push(name);
    }
  }
  return out;
}

/** References mentioned anywhere in a piece of expression text. */
function refsInText(text: string): string[] {
  const bare = text.replace(/"(?:[^"\\]|\\.)*"/g, '""');
  const refs = bare.match(/\b(?:data\.)?[A-Za-z_][\w-]*\.[\w-]+(?:\.[\w-]+)*/g) ?? [];
  return [...new Set(refs)];
}

type TemplatePart = string | { readonly expr: string };

/**
 * Splits `a${b}c` into literal and interpolation parts, honouring nested
 * braces, quoted strings and the `$${` / `%%{` escapes. `'directive'` when the
 * template holds a `%{ ... }` directive; undefined when a `${` is unterminated.
 */
export function splitTemplate(s: string): TemplatePart[] | 'directive' | undefined {
  const parts: TemplatePart[] = [];
  let literal = '';
  let i = 0;
  while (i < s.length) {
    if (s.startsWith('$${', i) || s.startsWith('%%{', i)) {
      literal += `${s[i]}{`;
      i += 3;
      continue;
    }
    if (s.startsWith('%{', i)) return 'directive';
    if (s.startsWith('${', i)) {
      let depth = 1;
      let j = i + 2;
      let quoted = false;
      while (j < s.length && depth > 0) {
        const c = s[j];
        if (quoted && c === '\\') j++;
        else if (c === '"') quoted = !quoted;
        else if (!quoted && c === '{') depth++;
        else if (!quoted && c === '}') depth--;
        j++;
      }
      if (depth !== 0) return undefined;
      if (literal) parts.push(literal);
      literal = '';
      parts.push({ expr: s.slice(i + 2, j - 1).trim() });
      i = j;
      continue;
    }
    literal += s[i];
    i++;
  }
  if (literal) parts.push(literal);
  return parts;
}
