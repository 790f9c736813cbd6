/**
 * Parses the expression inside one `${...}` into the closed set of forms
 * config mode evaluates (see resolve.ts). Anything else comes back as
 * `{ unsupported }` with a short description of the form, so the finding can
 * say why the value is unknown. The parser is bounded: nesting deeper than
 * MAX_NESTING is unsupported, never a stack overflow.
 */

export type Step = string | number;

export type Expr =
  | { readonly kind: 'literal'; readonly value: string | number | boolean | null }
  /** A quoted string with interpolations in it (`"${aws_s3_bucket.b.arn}/*"`): evaluated as a template. */
  | { readonly kind: 'template'; readonly text: string }
  | { readonly kind: 'ref'; readonly path: readonly Step[]; readonly text: string }
  | { readonly kind: 'tuple'; readonly items: readonly Expr[] }
  | { readonly kind: 'object'; readonly entries: readonly (readonly [string, Expr])[] }
  | { readonly kind: 'jsonencode'; readonly arg: Expr };

export type Parsed = Expr | { readonly unsupported: string };

const MAX_NESTING = 64;
const IDENTIFIER = /[A-Za-z_][\w-]*/y;
const DIGITS = /\d+/y;
const NUMBER = /-?\d+(\.\d+)?([eE][+-]?\d+)?/y;

class Unsupported extends Error {}

/** Parses one interpolation body (without the `${` `}`). */
export function parseExpression(source: string): Parsed {
  const p = new Parser(source);
  try {
    const e = p.expr(0);
    p.ws();
    if (!p.done()) throw new Unsupported();
    return e;
  } catch (e) {
    if (e instanceof Unsupported) return { unsupported: describeForm(source) };
    throw e;
  }
}

class Parser {
  private i = 0;
  constructor(private readonly s: string) {}

  public done(): boolean {
    return this.i >= this.s.length;
  }

  public ws(newlines = true): void {
    while (this.i < this.s.length) {
      const c = this.s[this.i]!;
      if (c === ' ' || c === '\t' || c === '\r' || (newlines && c === '\n')) this.i++;
      else break;
    }
  }

  public expr(depth: number): Expr {
    if (depth > MAX_NESTING) throw new Unsupported();
    this.ws();
    const c = this.s[this.i];
    if (c === '"') return this.quoted();
    if (c === '[') return this.tuple(depth);
    if (c === '{') return this.object(depth);
    if (c !== undefined && /[-\d]/.test(c)) return { kind: 'literal', value: this.number() };
    if (c !== undefined && /[A-Za-z_]/.test(c)) return this.identifierForm(depth);
    throw new Unsupported();
  }

  private identifierForm(depth: number): Expr {
    const start = this.i;
    const head = this.identifier();
    if (this.s[this.i] === '(') {
      // Only jsonencode is evaluated; any other call is unknown.
      if (head !== 'jsonencode') throw new Unsupported();
      this.i++;
      const arg = this.expr(depth + 1);
      this.ws();
      if (this.s[this.i] !== ')') throw new Unsupported();
      this.i++;
      return { kind: 'jsonencode', arg };
    }
    if (head === 'true' || head === 'false') return { kind: 'literal', value: head === 'true' };
    if (head === 'null') return { kind: 'literal', value: null };
    const path: Step[] = [head];
    for (;;) {
      const c = this.s[this.i];
      if (c === '.') {
        this.i++;
        const d = this.s[this.i];
        if (d !== undefined && /\d/.test(d)) path.push(Number(this.digits()));
        else if (d !== undefined && /[A-Za-z_]/.test(d)) path.push(this.identifier());
        else throw new Unsupported(); // `.*` splat, or a stray dot
      } else if (c === '[') {
        this.i++;
        this.ws();
        const d = this.s[this.i];
        if (d === '"') path.push(this.string());
        else if (d !== undefined && /\d/.test(d)) path.push(Number(this.digits()));
        else throw new Unsupported(); // `[*]` splat, or an index computed by an expression
        this.ws();
        if (this.s[this.i] !== ']') throw new Unsupported();
        this.i++;
      } else {
        break;
      }
    }
    return { kind: 'ref', path, text: this.s.slice(start, this.i) };
  }

  private identifier(): string {
    return this.token(IDENTIFIER);
  }

  private digits(): string {
    return this.token(DIGITS);
  }

  /** Matches a sticky pattern at the cursor and steps over it. */
  private token(pattern: RegExp): string {
    pattern.lastIndex = this.i;
    const m = pattern.exec(this.s);
    if (!m) throw new Unsupported();
    this.i += m[0].length;
    return m[0];
  }

  private number(): number {
    const n = Number(this.token(NUMBER));
    if (!Number.isFinite(n)) throw new Unsupported();
    return n;
  }

  /**
   * A quoted string: a literal, or a template when it interpolates. A template
   * with escapes in it is not evaluated (its escapes and interpolations would
   * have to be read together).
   */
  private quoted(): Expr {
    const start = this.i;
    try {
      return { kind: 'literal', value: this.string() };
    } catch (e) {
      if (!(e instanceof Unsupported)) throw e;
    }
    this.i = start + 1;
    let depth = 0;
    while (this.i < this.s.length) {
      const c = this.s[this.i]!;
      if (c === '\\' || c === '\n') throw new Unsupported();
      if (depth === 0 && c === '"') {
        const text = this.s.slice(start + 1, this.i);
        this.i++;
        return { kind: 'template', text };
      }
      if ((c === '$' || c === '%') && this.s[this.i + 1] === '{') {
        depth++;
        this.i += 2;
        continue;
      }
      if (depth > 0 && c === '}') depth--;
      else if (depth > 0 && c === '"') this.skipNestedString();
      this.i++;
    }
    throw new Unsupported();
  }

  /** Steps over a string literal nested inside an interpolation; leaves `i` on its closing quote. */
  private skipNestedString(): void {
    this.i++;
    while (this.i < this.s.length && this.s[this.i] !== '"') this.i += this.s[this.i] === '\\' ? 2 : 1;
    if (this.i >= this.s.length) throw new Unsupported();
  }

  /** A quoted string without templates in it (a nested `${` or `%{` is a form we do not evaluate). */
  private string(): string {
    this.i++;
    let out = '';
    while (this.i < this.s.length) {
      const c = this.s[this.i]!;
      if (c === '"') {
        this.i++;
        return out;
      }
      if (c === '\\') {
        const e = this.s[this.i + 1];
        const map: Record<string, string> = { n: '\n', t: '\t', r: '\r', '"': '"', '\\': '\\' };
        if (e === undefined || map[e] === undefined) throw new Unsupported();
        out += map[e];
        this.i += 2;
        continue;
      }
      if ((c === '$' || c === '%') && this.s[this.i + 1] === '{') throw new Unsupported();
      if (c === '\n') throw new Unsupported();
      out += c;
      this.i++;
    }
    throw new Unsupported();
  }

  private tuple(depth: number): Expr {
    this.i++;
    this.ws();
    if (/^for\s/.test(this.s.slice(this.i, this.i + 4))) throw new Unsupported();
    const items: Expr[] = [];
    for (;;) {
      this.ws();
      if (this.s[this.i] === ']') {
        this.i++;
        return { kind: 'tuple', items };
      }
      items.push(this.expr(depth + 1));
      this.ws();
      if (this.s[this.i] === ',') this.i++;
      else if (this.s[this.i] !== ']') throw new Unsupported();
    }
  }

  private object(depth: number): Expr {
    this.i++;
    this.ws();
    if (/^for\s/.test(this.s.slice(this.i, this.i + 4))) throw new Unsupported();
    const entries: [string, Expr][] = [];
    for (;;) {
      this.ws();
      if (this.s[this.i] === '}') {
        this.i++;
        return { kind: 'object', entries };
      }
      const c = this.s[this.i];
      const key = c === '"' ? this.string() : c !== undefined && /[A-Za-z_]/.test(c) ? this.identifier() : undefined;
      if (key === undefined) throw new Unsupported();
      this.ws();
      if (this.s[this.i] !== '=' && this.s[this.i] !== ':') throw new Unsupported();
      this.i++;
      entries.push([key, this.expr(depth + 1)]);
      this.ws(false);
      if (this.s[this.i] === ',' || this.s[this.i] === '\n') this.i++;
      else if (this.s[this.i] !== '}') throw new Unsupported();
    }
  }
}

/** Names the form of an expression the evaluator does not handle, for the finding's message. */
export function describeForm(source: string): string {
  // Blank out string literals so a `?` or `(` inside one does not mislead. Only
  // the head is classified: the patterns below are not linear on hostile input.
  const bare = source.slice(0, 2000).replace(/"(?:[^"\\]|\\.)*"/g, '""');
  if (/[[{]\s*for\s/.test(bare)) return 'a `for` expression';
  if (/\[\s*\*\s*\]|\.\*/.test(bare)) return 'a splat expression';
  if (/\?/.test(bare) && /:/.test(bare)) return 'a conditional expression';
  const call = /([A-Za-z_][\w:]*)\s*\(/.exec(bare);
  if (call) return `a call of the function ${call[1]}()`;
  if (/\[[^\]]*[A-Za-z_][^\]]*\]/.test(bare)) return 'an index computed by an expression';
  if (/[-+*/%<>=!&|]/.test(bare)) return 'an operator expression';
  return 'an expression form config mode does not evaluate';
}
