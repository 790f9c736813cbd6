/**
 * IAM policies reach Terraform JSON in three forms: a JSON string, an object
 * (after the model decoded a string with references in it), and the
 * `aws_iam_policy_document` data source, which the model turns into the
 * object form when it resolves `${data.aws_iam_policy_document.x.json}`.
 * Rules only ever see the normalized statements below.
 */
import { isRecord, isUnknown, unknownValue, UnknownValue } from './values';

/** A string from the policy, or an unknown that stands in for one. */
export type PolicyValue = string | UnknownValue;

/** Principal by type (`AWS`, `Service`, `Federated`, `CanonicalUser`); `"*"` becomes `{ AWS: ['*'] }`. */
export type PolicyPrincipal = Readonly<Record<string, readonly PolicyValue[]>> | UnknownValue;

/** Condition operator → key → values, e.g. `{ Bool: { 'aws:MultiFactorAuthPresent': ['true'] } }`. */
export type PolicyCondition = Readonly<Record<string, Readonly<Record<string, readonly PolicyValue[]>>>> | UnknownValue;

export interface PolicyStatement {
  readonly Sid?: string;
  readonly Effect: 'Allow' | 'Deny' | UnknownValue;
  /** Empty when the statement uses NotAction. */
  readonly Action: readonly PolicyValue[];
  readonly NotAction?: readonly PolicyValue[];
  /** Empty for trust policies and when the statement uses NotResource. */
  readonly Resource: readonly PolicyValue[];
  readonly NotResource?: readonly PolicyValue[];
  readonly Principal?: PolicyPrincipal;
  readonly NotPrincipal?: PolicyPrincipal;
  readonly Condition?: PolicyCondition;
}

export interface PolicyDocument {
  readonly statements: readonly PolicyStatement[];
}

/**
 * Normalizes a policy in any of its forms. Returns undefined when there is no
 * policy, an UnknownValue when the document as a whole cannot be read (a
 * variable, a function call, malformed JSON).
 */
export function normalizePolicy(value: unknown): PolicyDocument | UnknownValue | undefined {
  if (value === undefined || value === null || value === '') return undefined;
  if (isUnknown(value)) return value;
  let doc: unknown = value;
  if (typeof value === 'string') {
    try {
      doc = JSON.parse(value);
    } catch {
      return unknownValue(value, refsIn(value));
    }
  }
  if (!isRecord(doc)) return unknownValue(JSON.stringify(doc) ?? String(doc));
  // A data source's values (statement blocks) rather than its rendered JSON.
  if (doc.Statement === undefined && doc.statement !== undefined) doc = policyDocumentFromDataSource(doc);
  const raw = (doc as Record<string, unknown>).Statement;
  if (isUnknown(raw)) return raw;
  const list = raw === undefined ? [] : Array.isArray(raw) ? raw : [raw];
  return { statements: list.map(normalizeStatement) };
}

function normalizeStatement(raw: unknown): PolicyStatement {
  if (!isRecord(raw)) {
    const u = isUnknown(raw) ? raw : unknownValue(JSON.stringify(raw) ?? String(raw));
    // An unreadable statement must count as "could allow anything".
    return { Effect: u, Action: [u], Resource: [u] };
  }
  const effect = raw.Effect;
  const statement: {
    -readonly [K in keyof PolicyStatement]: PolicyStatement[K];
  } = {
    Effect: effect === 'Allow' || effect === 'Deny' ? effect : isUnknown(effect) ? effect : unknownValue(String(effect)),
    Action: values(raw.Action),
    Resource: values(raw.Resource),
  };
  if (typeof raw.Sid === 'string') statement.Sid = raw.Sid;
  if (raw.NotAction !== undefined) statement.NotAction = values(raw.NotAction);
  if (raw.NotResource !== undefined) statement.NotResource = values(raw.NotResource);
  if (raw.Principal !== undefined) statement.Principal = principal(raw.Principal);
  if (raw.NotPrincipal !== undefined) statement.NotPrincipal = principal(raw.NotPrincipal);
  if (raw.Condition !== undefined) statement.Condition = condition(raw.Condition);
  return statement;
}

function values(raw: unknown): PolicyValue[] {
  if (raw === undefined || raw === null) return [];
  if (isUnknown(raw)) return [raw];
  const list = Array.isArray(raw) ? raw : [raw];
  return list.map((v) => (typeof v === 'string' ? v : isUnknown(v) ? v : typeof v === 'number' || typeof v === 'boolean' ? String(v) : unknownValue(JSON.stringify(v) ?? String(v))));
}

function principal(raw: unknown): PolicyPrincipal {
  if (raw === '*') return { AWS: ['*'] };
  if (isUnknown(raw)) return raw;
  if (!isRecord(raw)) return unknownValue(JSON.stringify(raw) ?? String(raw));
  const out: Record<string, PolicyValue[]> = {};
  for (const [type, ids] of Object.entries(raw)) out[type] = values(ids);
  return out;
}

function condition(raw: unknown): PolicyCondition {
  if (isUnknown(raw)) return raw;
  if (!isRecord(raw)) return unknownValue(JSON.stringify(raw) ?? String(raw));
  const out: Record<string, Record<string, PolicyValue[]>> = {};
  for (const [operator, byKey] of Object.entries(raw)) {
    if (!isRecord(byKey)) return unknownValue(JSON.stringify(raw));
    const keys: Record<string, PolicyValue[]> = {};
    for (const [key, v] of Object.entries(byKey)) keys[key] = values(v);
    out[operator] = keys;
  }
  return out;
}

/**
 * Renders an `aws_iam_policy_document` data source's (resolved) arguments as
 * an IAM policy object, the way the provider's `json` attribute would.
 * `source_policy_documents` come first, `override_policy_documents` replace
 * statements with the same Sid, as in the provider.
 */
export function policyDocumentFromDataSource(args: Readonly<Record<string, unknown>>): Record<string, unknown> {
  const statements: unknown[] = [];
  for (const source of listOf(args.source_policy_documents)) statements.push(...statementsOf(source));
  if (args.source_json !== undefined) statements.push(...statementsOf(args.source_json));
  for (const block of listOf(args.statement)) statements.push(isRecord(block) ? statementFromBlock(block) : block);
  const overrides = [...listOf(args.override_policy_documents), ...(args.override_json !== undefined ? [args.override_json] : [])];
  for (const override of overrides) {
    for (const s of statementsOf(override)) {
      const sid = isRecord(s) ? s.Sid : undefined;
      const at = typeof sid === 'string' ? statements.findIndex((x) => isRecord(x) && x.Sid === sid) : -1;
      if (at >= 0) statements[at] = s;
      else statements.push(s);
    }
  }
  return { Version: typeof args.version === 'string' ? args.version : '2012-10-17', Statement: statements };
}

function listOf(value: unknown): unknown[] {
  if (value === undefined || value === null) return [];
  return Array.isArray(value) ? value : [value];
}

/** Raw statements of another document; an unreadable document becomes one unknown statement. */
function statementsOf(doc: unknown): unknown[] {
  const normalized = normalizePolicy(doc);
  if (normalized === undefined) return [];
  if (isUnknown(normalized)) return [normalized];
  return normalized.statements.map(denormalize);
}

function denormalize(s: PolicyStatement): Record<string, unknown> {
  const out: Record<string, unknown> = { Effect: s.Effect };
  if (s.Sid !== undefined) out.Sid = s.Sid;
  if (s.NotAction !== undefined) out.NotAction = s.NotAction;
  else out.Action = s.Action;
  if (s.NotResource !== undefined) out.NotResource = s.NotResource;
  else if (s.Resource.length > 0) out.Resource = s.Resource;
  if (s.Principal !== undefined) out.Principal = s.Principal;
  if (s.NotPrincipal !== undefined) out.NotPrincipal = s.NotPrincipal;
  if (s.Condition !== undefined) out.Condition = s.Condition;
  return out;
}

function statementFromBlock(block: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = { Effect: block.effect ?? 'Allow' };
  if (typeof block.sid === 'string' && block.sid !== '') out.Sid = block.sid;
  if (block.actions !== undefined) out.Action = block.actions;
  if (block.not_actions !== undefined) out.NotAction = block.not_actions;
  if (block.resources !== undefined) out.Resource = block.resources;
  if (block.not_resources !== undefined) out.NotResource = block.not_resources;
  if (block.principals !== undefined) out.Principal = principalsFromBlocks(block.principals);
  if (block.not_principals !== undefined) out.NotPrincipal = principalsFromBlocks(block.not_principals);
  if (block.condition !== undefined) out.Condition = conditionsFromBlocks(block.condition);
  return out;
}

function principalsFromBlocks(raw: unknown): unknown {
  if (isUnknown(raw)) return raw;
  const out: Record<string, unknown[]> = {};
  for (const p of listOf(raw)) {
    if (!isRecord(p) || typeof p.type !== 'string') return isUnknown(p) ? p : unknownValue(JSON.stringify(p) ?? String(p));
    // The provider renders `type = "*"` with identifiers ["*"] as Principal "*".
    const type = p.type === '*' ? 'AWS' : p.type;
    if (isUnknown(p.identifiers)) return p.identifiers;
    (out[type] ??= []).push(...listOf(p.identifiers));
  }
  return out;
}

function conditionsFromBlocks(raw: unknown): unknown {
  if (isUnknown(raw)) return raw;
  const out: Record<string, Record<string, unknown[]>> = {};
  for (const c of listOf(raw)) {
    if (!isRecord(c) || typeof c.test !== 'string' || typeof c.variable !== 'string') return isUnknown(c) ? c : unknownValue(JSON.stringify(c) ?? String(c));
    if (isUnknown(c.values)) return c.values;
    ((out[c.test] ??= {})[c.variable] ??= []).push(...listOf(c.values));
  }
  return out;
}

function refsIn(expression: string): string[] {
  return [...expression.matchAll(/\$\{([^{}]*)\}/g)].map((m) => m[1]!.trim());
}

/**
 * True when the principal map includes `*` under any type (or is the bare `"*"`).
 * For judging grants use iam/principals.ts `grantsToEveryone`, which also
 * reads NotPrincipal and partial wildcards.
 */
export function principalIsEveryone(p: PolicyPrincipal | undefined): boolean {
  if (p === undefined || isUnknown(p)) return false;
  return Object.values(p).some((ids) => ids.some((id) => id === '*'));
}
