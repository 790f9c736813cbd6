/**
 * Resolves `${...}` references inside one stack where they point at values the
 * JSON states (a group's literal name, a policy document's statements), and
 * replaces the rest with UnknownValue markers that keep the expression.
 */
import { policyDocumentFromDataSource } from '../policy';
import { isRecord, isUnknown, unknownValue } from '../values';

type Blocks = Readonly<Record<string, Readonly<Record<string, unknown>>>>;

export interface RawStack {
  readonly resource?: Blocks;
  readonly data?: Blocks;
  readonly locals?: Readonly<Record<string, unknown>>;
}

/** A bare reference: `aws_x.y.attr`, `data.aws_x.y.attr[0].z`, `var.x`, `local.x`. */
const SIMPLE_REF = /^[A-Za-z_][\w-]*(\.[\w-]+|\[\d+\]|\["[^"\]]*"\])*$/;

export class Resolver {
  private readonly resolved = new Map<string, unknown>();
  private readonly inProgress = new Set<string>();

  constructor(private readonly raw: RawStack) {}

  /** The resolved arguments of a resource (`aws_x.y`) or data source (`data.aws_x.y`). */
  public resolveBlock(address: string): Record<string, unknown> | undefined {
    if (this.resolved.has(address)) return this.resolved.get(address) as Record<string, unknown> | undefined;
    const source = lookupBlock(this.raw, address);
    if (source === undefined) return undefined;
    if (this.inProgress.has(address)) return undefined;
    this.inProgress.add(address);
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(source)) if (k !== '//') out[k] = this.resolveValue(v);
    this.inProgress.delete(address);
    this.resolved.set(address, out);
    return out;
  }

  public resolveValue(value: unknown): unknown {
    if (typeof value === 'string') return this.resolveString(value);
    if (Array.isArray(value)) return value.map((v) => this.resolveValue(v));
    if (isRecord(value)) {
      const out: Record<string, unknown> = {};
      for (const [k, v] of Object.entries(value)) out[k] = this.resolveValue(v);
      return out;
    }
    return value;
  }

  private resolveWithinCycle(address: string, attrPath: readonly (string | number)[], expr: string): unknown {
    const source = lookupBlock(this.raw, address);
    if (source === undefined || attrPath.length === 0 || source.count !== undefined || source.for_each !== undefined) return undefined;
    const key = `expr:${expr}`;
    if (this.inProgress.has(key)) return undefined;
    this.inProgress.add(key);
    const sub = walkRaw(source, attrPath);
    const v = sub === undefined ? undefined : this.resolveValue(sub);
    this.inProgress.delete(key);
    return isUnknown(v) ? undefined : v;
  }

  private resolveString(s: string): unknown {
    if (!s.includes('${')) return s;
    const parts = splitTemplate(s);
    if (parts === undefined) return unknownValue(s);
    const interpolations = parts.filter((p): p is { expr: string } => typeof p !== 'string');
    if (parts.length === 1 && interpolations.length === 1) return this.resolveExpression(interpolations[0]!.expr);
    // A JSON document with references in its leaves (a policy written with
    // JSON.stringify around tokens): decode it so each leaf resolves alone.
    const trimmed = s.trim();
    if (trimmed.startsWith('{') || trimmed.startsWith('[')) {
      try {
        return this.resolveValue(JSON.parse(trimmed));
      } catch {
        // Not JSON after all; fall through to plain interpolation.
      }
    }
    let text = '';
    for (const part of parts) {
      if (typeof part === 'string') {
        text += part;
        continue;
      }
      const v = this.resolveExpression(part.expr);
      if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') text += String(v);
      else return unknownValue(s, interpolations.map((p) => p.expr));
    }
    return text;
  }

  private resolveExpression(expr: string): unknown {
    const unknown = unknownValue(`\${${expr}}`, [expr]);
    if (!SIMPLE_REF.test(expr)) return unknownValue(`\${${expr}}`, refsInExpression(expr));
    const path = parsePath(expr);
    const [head, ...rest] = path;
    if (head === 'var' || head === 'module' || head === 'each' || head === 'count' || head === 'path' || head === 'terraform' || head === 'self') return unknown;
    if (head === 'local') {
      const name = rest[0];
      if (typeof name !== 'string' || !this.raw.locals || !(name in this.raw.locals)) return unknown;
      const key = `local.${name}`;
      if (this.inProgress.has(key)) return unknown;
      this.inProgress.add(key);
      const v = this.resolveValue(this.raw.locals[name]);
      this.inProgress.delete(key);
      return walk(v, rest.slice(1)) ?? unknown;
    }
    const isData = head === 'data';
    const [type, name, ...attrPath] = isData ? rest : path;
    if (typeof type !== 'string' || typeof name !== 'string') return unknown;
    const address = isData ? `data.${type}.${name}` : `${type}.${name}`;
    if (this.inProgress.has(address)) return this.resolveWithinCycle(address, attrPath, expr) ?? unknown;
    const args = this.resolveBlock(address);
    if (args === undefined) return unknown;
    if (attrPath.length === 0) return unknown;
    if (isData && type === 'aws_iam_policy_document' && (attrPath[0] === 'json' || attrPath[0] === 'minified_json') && attrPath.length === 1) {
      return policyDocumentFromDataSource(args);
    }
    // Instances of counted resources are addressed by index; the JSON holds only the template.
    if (args.count !== undefined || args.for_each !== undefined) return unknown;
    return walk(args, attrPath) ?? unknown;
  }
}

/** Terraform resolves per attribute, so `a.x -> b.y -> a.z` is fine: resolve just the attribute asked for. */
function walkRaw(block: Readonly<Record<string, unknown>>, path: readonly (string | number)[]): unknown {
  return walk(block, path);
}

function lookupBlock(raw: RawStack, address: string): Readonly<Record<string, unknown>> | undefined {
  const isData = address.startsWith('data.');
  const [type, name] = (isData ? address.slice(5) : address).split('.');
  const group = (isData ? raw.data : raw.resource)?.[type ?? ''];
  const block = group?.[name ?? ''];
  return isRecord(block) ? block : undefined;
}

/** Walks `.attr`, `[0]` steps. Undefined when a step is missing (a computed attribute) or unknown. */
function walk(value: unknown, path: readonly (string | number)[]): unknown {
  let v = value;
  for (const step of path) {
    if (isUnknown(v) || v === undefined || v === null) return undefined;
    if (typeof step === 'number') {
      if (!Array.isArray(v)) return undefined;
      v = v[step];
    } else if (Array.isArray(v)) {
      // Terraform lets `block.attr` address a single nested block written as a list of one.
      if (v.length !== 1 || !isRecord(v[0])) return undefined;
      v = v[0][step];
    } else if (isRecord(v)) {
      v = v[step];
    } else {
      return undefined;
    }
  }
  return v === undefined || isUnknown(v) ? undefined : v;
}

function parsePath(expr: string): (string | number)[] {
  const out: (string | number)[] = [];
  for (const m of expr.matchAll(/([A-Za-z_][\w-]*)|\[(\d+)\]|\["([^"\]]*)"\]/g)) {
    if (m[1] !== undefined) out.push(m[1]);
    else if (m[2] !== undefined) out.push(Number(m[2]));
    else out.push(m[3]!);
  }
  return out;
}

function refsInExpression(expr: string): string[] {
  const refs = expr.match(/\b(?:data\.)?[A-Za-z_][\w-]*\.[\w-]+(?:\.[\w-]+)*/g) ?? [];
  return [...new Set(refs)];
}

type TemplatePart = string | { readonly expr: string };

/** Splits `a${b}c` into literal and interpolation parts, honouring nested braces and `$${` escapes. */
export function splitTemplate(s: string): TemplatePart[] | undefined {
  const parts: TemplatePart[] = [];
  let literal = '';
  let i = 0;
  while (i < s.length) {
    if (s.startsWith('$${', i)) {
      literal += '${';
      i += 3;
      continue;
    }
    if (s.startsWith('${', i)) {
      let depth = 1;
      let j = i + 2;
      let quoted = false;
      while (j < s.length && depth > 0) {
        const c = s[j];
        if (c === '"' && s[j - 1] !== '\\') quoted = !quoted;
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
