/**
 * Merges the documents of one Terraform module into one TerraformConfig, by
 * Terraform's rules: primary files first (each object defined once across
 * all of them), then override files in order, each merged into the object it
 * names, argument by argument.
 */
import { TenantformError } from '../../../core/errors';
import { bodiesOf, DocumentBlocks, LabeledBlock } from './blocks';
import { keepLocation } from './locations';
import { isObject, objectOf, ownValue, put } from './own';
import { Body, TerraformConfig } from './types';

/** One parsed file of the module. */
export interface ModuleDocument {
  /** The file, as it appears in messages. */
  readonly file: string;
  readonly blocks: DocumentBlocks;
}

interface Placed<T> {
  value: T;
  readonly file: string;
}

/** The module while it is being merged: every object by its key, in first-seen order. */
class ModuleState {
  public readonly resource = new Map<string, Map<string, Placed<Body>>>();
  public readonly data = new Map<string, Map<string, Placed<Body>>>();
  public readonly module = new Map<string, Placed<Body>>();
  public readonly variable = new Map<string, Placed<Body>>();
  public readonly output = new Map<string, Placed<Body>>();
  public readonly locals = new Map<string, Placed<unknown>>();
  /** provider name → alias ('' for the default configuration) → body. */
  public readonly provider = new Map<string, Map<string, Placed<Body>>>();
  public terraform: Array<Placed<Body>> = [];
  public readonly other = new Map<string, unknown[]>();
  public readonly present = new Set<string>();
}

/**
 * Merges a module's primary documents (in lexical file order) and then its
 * override documents (in lexical file order). Throws TF-CHK-011 for an object
 * two primary blocks define, TF-CHK-012 for an override of an object no
 * primary file defines, TF-CHK-013 for what Terraform forbids in an override.
 */
export function mergeModule(primaries: readonly ModuleDocument[], overrides: readonly ModuleDocument[] = []): TerraformConfig {
  const state = new ModuleState();
  for (const doc of primaries) addPrimary(state, doc);
  for (const doc of overrides) applyOverride(state, doc);
  const config = toConfig(state);
  CANONICAL.add(config);
  return config;
}

/**
 * Configurations this module built. Merging is idempotent (a canonical
 * configuration merges to an equal one), so normalizing one again can return
 * it as it is; the model builder normalizes whatever it is given, and the
 * loader hands it a merged configuration.
 */
const CANONICAL = new WeakSet<object>();

/** True for a configuration mergeModule returned. */
export function isCanonical(config: unknown): boolean {
  return typeof config === 'object' && config !== null && CANONICAL.has(config);
}

function addPrimary(state: ModuleState, doc: ModuleDocument): void {
  const { blocks, file } = doc;
  for (const key of blocks.present) state.present.add(key);
  for (const b of blocks.resource) define(nested(state.resource, b.labels[0]!), b.labels[1]!, b.body, file, () => `resource ${b.labels.join('.')}`);
  for (const b of blocks.data) define(nested(state.data, b.labels[0]!), b.labels[1]!, b.body, file, () => `data source data.${b.labels.join('.')}`);
  for (const b of blocks.module) define(state.module, b.labels[0]!, b.body, file, () => `module call module.${b.labels[0]}`);
  for (const b of blocks.variable) define(state.variable, b.labels[0]!, b.body, file, () => `variable var.${b.labels[0]}`);
  for (const b of blocks.output) define(state.output, b.labels[0]!, b.body, file, () => `output ${b.labels[0]}`);
  for (const [name, expr] of blocks.locals) define(state.locals, name, expr, file, () => `local value local.${name}`);
  for (const b of blocks.provider) define(nested(state.provider, b.labels[0]!), aliasOf(b.body), b.body, file, () => `provider configuration ${providerName(b)}`);
  for (const body of blocks.terraform) {
    const backends = backendCount(body, file);
    if (backends > 0 && (backends > 1 || state.terraform.some((t) => backendCount(t.value, t.file) > 0))) {
      throw duplicate('backend configuration', file, state.terraform.find((t) => backendCount(t.value, t.file) > 0)?.file ?? file);
    }
    state.terraform.push({ value: body, file });
  }
  for (const [key, value] of blocks.other) {
    const list = state.other.get(key);
    if (list === undefined) state.other.set(key, [value]);
    else list.push(value);
  }
}

/** Defines one object; `what` names it, built only for the duplicate message. */
function define<T>(into: Map<string, Placed<T>>, key: string, value: T, file: string, what: () => string): void {
  const existing = into.get(key);
  if (existing !== undefined) throw duplicate(what(), file, existing.file);
  into.set(key, { value, file });
}

function nested<T>(outer: Map<string, Map<string, T>>, key: string): Map<string, T> {
  let inner = outer.get(key);
  if (inner === undefined) {
    inner = new Map();
    outer.set(key, inner);
  }
  return inner;
}

function aliasOf(body: Body): string {
  const alias = ownValue(body, 'alias');
  return typeof alias === 'string' ? alias : '';
}

function providerName(b: LabeledBlock): string {
  const alias = aliasOf(b.body);
  return alias === '' ? `${b.labels[0]} (default)` : `${b.labels[0]}.${alias}`;
}

function backendCount(body: Body, file: string): number {
  if (!Object.prototype.hasOwnProperty.call(body, 'backend')) return 0;
  const value = body.backend;
  if (value === null) return 0;
  if (isObject(value)) return Object.keys(value).length;
  if (Array.isArray(value)) return value.reduce<number>((n, v) => n + (isObject(v) ? Object.keys(v).length : 1), 0);
  return bodiesOf(value, 'terraform.backend', file).length;
}

function applyOverride(state: ModuleState, doc: ModuleDocument): void {
  const { blocks, file } = doc;
  for (const b of blocks.resource) overrideBlock(state.resource.get(b.labels[0]!)?.get(b.labels[1]!), b.body, file, `resource ${b.labels.join('.')}`, true);
  for (const b of blocks.data) overrideBlock(state.data.get(b.labels[0]!)?.get(b.labels[1]!), b.body, file, `data source data.${b.labels.join('.')}`, true);
  for (const b of blocks.module) overrideBlock(state.module.get(b.labels[0]!), b.body, file, `module call module.${b.labels[0]}`, false);
  for (const b of blocks.variable) overrideBlock(state.variable.get(b.labels[0]!), b.body, file, `variable var.${b.labels[0]}`, false);
  for (const b of blocks.output) overrideBlock(state.output.get(b.labels[0]!), b.body, file, `output ${b.labels[0]}`, true);
  for (const [name, expr] of blocks.locals) {
    const existing = state.locals.get(name);
    if (existing === undefined) throw missingBase(`local value local.${name}`, file);
    existing.value = expr;
  }
  for (const b of blocks.provider) {
    const alias = aliasOf(b.body);
    const configs = nested(state.provider, b.labels[0]!);
    const existing = configs.get(alias);
    // Terraform lets an override create the default configuration (an absent one means an empty one), never an aliased one.
    if (existing === undefined && alias === '') configs.set('', { value: b.body, file });
    else overrideBlock(existing, b.body, file, `provider configuration ${providerName(b)}`, false);
  }
  if (blocks.terraform.length > 0) {
    const merged = foldTerraform(state.terraform);
    for (const body of blocks.terraform) overrideTerraform(merged, body, file);
    state.terraform = [{ value: merged, file }];
  }
  for (const [key] of blocks.other) {
    if (key === '//') continue;
    throw new TenantformError({
      code: 'TF-CHK-013',
      where: file,
      problem: `an override file holds a \`${key}\` block, which Terraform does not merge from override files.`,
      value: key,
      fix: `move the \`${key}\` block into a primary file (one whose name does not end in override.tf.json).`,
    });
  }
}

/** Terraform's per-argument merge: each argument and each nested block type the override writes replaces the base's; `lifecycle` merges per argument. */
function overrideBlock(existing: Placed<Body> | undefined, override: Body, file: string, what: string, forbidsDependsOn: boolean): void {
  if (existing === undefined) throw missingBase(what, file);
  const merged: Body = objectOf<unknown>(Object.entries(existing.value));
  for (const [key, value] of Object.entries(override)) {
    // "//" is a comment to Terraform; an override's comment cannot change the base block (nor its suppressions).
    if (key === '//') continue;
    if (key === 'depends_on' && forbidsDependsOn) {
      throw new TenantformError({
        code: 'TF-CHK-013',
        where: file,
        problem: `the override of ${what} sets depends_on, which Terraform rejects in override files.`,
        value: value,
        fix: 'set depends_on in the primary file that defines the block.',
      });
    }
    if (key === 'lifecycle' && Object.prototype.hasOwnProperty.call(merged, 'lifecycle')) put<unknown>(merged, key, mergeArguments(merged.lifecycle, value, `${what} lifecycle`, file));
    else put(merged, key, value);
  }
  // Terraform names the primary block for an overridden object; so does the merged body.
  keepLocation(existing.value, merged);
  existing.value = merged;
}

/** Merges two blocks of a nested type that merges per argument (`lifecycle`), each an object or an array of one. */
function mergeArguments(base: unknown, override: unknown, what: string, file: string): Body {
  const out: Body = {};
  for (const body of [...bodiesOf(base, what, file), ...bodiesOf(override, what, file)]) for (const [k, v] of Object.entries(body)) put(out, k, v);
  return out;
}

/** One `terraform` block standing for all the primary ones, so override settings replace per setting. */
function foldTerraform(blocks: ReadonlyArray<Placed<Body>>): Body {
  const out: Body = {};
  for (const { value, file } of blocks) {
    for (const [key, v] of Object.entries(value)) {
      if (key === 'required_providers' && Object.prototype.hasOwnProperty.call(out, key)) put<unknown>(out, key, mergeArguments(out[key], v, 'terraform.required_providers', file));
      else if (!Object.prototype.hasOwnProperty.call(out, key)) put(out, key, v);
    }
  }
  return out;
}

/** Terraform's `terraform` block override: required_providers per provider, a backend or cloud block replaces either, the rest per setting. */
function overrideTerraform(merged: Body, override: Body, file: string): void {
  for (const [key, value] of Object.entries(override)) {
    if (key === '//') continue;
    if (key === 'required_providers') {
      put<unknown>(merged, key, Object.prototype.hasOwnProperty.call(merged, key) ? mergeArguments(merged[key], value, 'terraform.required_providers', file) : value);
    } else if (key === 'backend' || key === 'cloud') {
      delete merged.backend;
      delete merged.cloud;
      put(merged, key, value);
    } else put(merged, key, value);
  }
}

function toConfig(state: ModuleState): TerraformConfig {
  const out: TerraformConfig = {};
  const bodies = <T>(m: Map<string, Placed<T>>): Record<string, T> => {
    const o: Record<string, T> = {};
    for (const [k, p] of m) put(o, k, p.value);
    return o;
  };
  const byType = (m: Map<string, Map<string, Placed<Body>>>): Record<string, Record<string, Body>> => {
    const o: Record<string, Record<string, Body>> = {};
    for (const [type, byName] of m) put(o, type, bodies(byName));
    return o;
  };
  if (state.resource.size > 0 || state.present.has('resource')) out.resource = byType(state.resource);
  if (state.data.size > 0 || state.present.has('data')) out.data = byType(state.data);
  if (state.module.size > 0 || state.present.has('module')) out.module = bodies(state.module);
  if (state.variable.size > 0 || state.present.has('variable')) out.variable = bodies(state.variable);
  if (state.output.size > 0 || state.present.has('output')) out.output = bodies(state.output);
  if (state.locals.size > 0 || state.present.has('locals')) out.locals = bodies(state.locals);
  if (state.provider.size > 0 || state.present.has('provider')) {
    const providers: Record<string, Body[]> = {};
    for (const [name, configs] of state.provider) put(providers, name, [...configs.values()].map((p) => p.value));
    out.provider = providers;
  }
  if (state.terraform.length > 0 || state.present.has('terraform')) out.terraform = state.terraform.map((p) => p.value);
  for (const [key, values] of state.other) {
    // One file's value passes through as written; several files' values of one block type are the array form of all of them.
    put(out, key, values.length === 1 ? values[0] : key === '//' ? values[0] : values.flatMap((v) => (v === null ? [] : Array.isArray(v) ? v : [v])));
  }
  return out;
}

function duplicate(what: string, file: string, firstFile: string): TenantformError {
  return new TenantformError({
    code: 'TF-CHK-011',
    where: file,
    problem: `${what} is defined twice (${firstFile === file ? 'twice in this file' : `also in ${firstFile}`}); Terraform rejects a duplicate, and the gate would judge only one of them.`,
    value: what,
    fix: 'define each object once per module, or change it from an override file (*_override.tf.json).',
  });
}

function missingBase(what: string, file: string): TenantformError {
  return new TenantformError({
    code: 'TF-CHK-012',
    where: file,
    problem: `the override file overrides ${what}, which no primary file of the module defines; Terraform rejects this.`,
    value: what,
    fix: 'define the block in a primary file, or remove it from the override file.',
  });
}
