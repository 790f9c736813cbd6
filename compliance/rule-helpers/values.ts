import { isRecord as isPlainRecord, isUnknown } from '../values';
import { ResourceModel, StackModel } from '../types';
import { stackIndex } from './stack-index';

/**
 * Reading attribute values out of the stack model. The model resolves
 * `${...}` references where the JSON states the value and leaves an
 * `UnknownValue` marker elsewhere; a rule must treat that as unknown rather
 * than guess.
 */

/** A three-valued answer: rules fail closed on `'unknown'`. */
export type Tri = boolean | 'unknown';

/** Whether the value still holds an unresolved Terraform expression. */
export function isUnresolved(value: unknown): boolean {
  if (isUnknown(value)) return true;
  // Raw JSON that never went through the model still spells references out. An IAM
  // policy variable (`${aws:username}`, written `$${aws:username}` in Terraform) is text.
  if (typeof value === 'string') return value.includes('${') && value.replace(/\$\{[\w-]+:[^}]*\}/g, '').includes('${');
  if (Array.isArray(value)) return value.some(isUnresolved);
  return false;
}

/**
 * A boolean attribute. Absent gives `fallback` (the provider's default);
 * Terraform JSON may carry booleans as strings.
 */
export function boolOf(value: unknown, fallback: boolean): Tri {
  if (value === undefined || value === null) return fallback;
  if (typeof value === 'boolean') return value;
  if (value === 'true') return true;
  if (value === 'false') return false;
  return 'unknown';
}

/** A numeric attribute; `undefined` when absent, `'unknown'` when unresolved or not a number. */
export function numberOf(value: unknown): number | undefined | 'unknown' {
  if (value === undefined || value === null) return undefined;
  if (typeof value === 'number') return Number.isFinite(value) ? value : 'unknown';
  if (typeof value === 'string' && /^-?\d+(\.\d+)?$/.test(value.trim())) return Number(value);
  return 'unknown';
}

/** A string attribute; `undefined` when absent or empty, `'unknown'` when unresolved or not a string. */
export function stringOf(value: unknown): string | undefined | 'unknown' {
  if (value === undefined || value === null || value === '') return undefined;
  if (typeof value !== 'string' || isUnresolved(value)) return 'unknown';
  return value;
}

/** Whether an attribute is set at all: a reference counts as set (it names something). */
export function isSet(value: unknown): boolean {
  if (value === undefined || value === null || value === '') return false;
  if (Array.isArray(value)) return value.length > 0;
  return true;
}

/**
 * Nested blocks as a list. cdktf writes single blocks as an object and
 * repeated blocks as an array; both mean the same to Terraform.
 */
export function blocksOf(value: unknown): Record<string, unknown>[] {
  if (Array.isArray(value)) return value.filter(isRecord);
  return isRecord(value) ? [value] : [];
}

/** The first nested block, or an empty one. */
export function blockOf(value: unknown): Record<string, unknown> {
  return blocksOf(value)[0] ?? {};
}

/** A list attribute; a lone unresolved string (e.g. `${var.cidrs}`) stays a one-element list so callers see it as unknown. */
export function listOf(value: unknown): unknown[] {
  if (value === undefined || value === null) return [];
  return Array.isArray(value) ? value : [value];
}

/** A plain object (not a list, not an unknown marker). */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return isPlainRecord(value);
}

const NOT_RESOURCES = /^(var|local|each|count|path|module|self|terraform)\./;

/** `aws_vpc.main.id` → `aws_vpc.main`; `data.aws_x.y.json` → `data.aws_x.y`; variables and locals → undefined. */
function addressOfRef(ref: string): string | undefined {
  if (NOT_RESOURCES.test(ref)) return undefined;
  const m = /^((?:data\.)?[A-Za-z_][\w-]*\.[A-Za-z_][\w-]*)/.exec(ref);
  return m?.[1];
}

/**
 * Addresses a value refers to: `${aws_vpc.main.id}` gives `aws_vpc.main`,
 * `${data.aws_iam_policy_document.x.json}` gives `data.aws_iam_policy_document.x`.
 * `var.`, `local.` and `each.` are not resources and are left out.
 */
export function referencedAddresses(value: unknown): string[] {
  return addressesIn(value, true);
}

/** `withExpressions`: whether refs inside forms the evaluator does not evaluate (a conditional's arms) count. */
function addressesIn(value: unknown, withExpressions: boolean): string[] {
  const found = new Set<string>();
  const visit = (v: unknown): void => {
    if (isUnknown(v)) {
      if (!withExpressions && v.form === 'expression') return;
      const refs = v.refs.length > 0 ? v.refs : [...v.$unknown.matchAll(/\$\{([^}]*)\}/g)].map((m) => m[1]!.trim());
      for (const ref of refs) {
        const address = addressOfRef(ref);
        if (address !== undefined) found.add(address);
      }
    } else if (typeof v === 'string') {
      for (const m of v.matchAll(/\$\{([^}]*)\}/g)) {
        const address = addressOfRef(m[1]!.trim());
        if (address !== undefined) found.add(address);
      }
    } else if (Array.isArray(v)) {
      for (const item of v) visit(item);
    } else if (isRecord(v)) {
      for (const item of Object.values(v)) visit(item);
    }
  };
  visit(value);
  return [...found];
}

/**
 * Whether `value` designates `target`: by reference to its address, or by a
 * literal equal to one of its identifying attributes (the engine resolves
 * `${aws_s3_bucket.b.bucket}` to the bucket's name when it is written out).
 * An expression the evaluator does not evaluate designates nothing.
 */
export function pointsAt(value: unknown, target: ResourceModel, literalAttributes: readonly string[] = []): boolean {
  // A conditional or a call mentions a resource without designating it (`c ? aws_x.a.id : var.other`).
  if (addressesIn(value, false).includes(target.address)) return true;
  if (typeof value !== 'string' || isUnresolved(value)) return false;
  return literalAttributes.some((attr) => {
    const own = target.values[attr];
    return typeof own === 'string' && own !== '' && !isUnresolved(own) && own === value;
  });
}

/**
 * The resource of the stack that `value` designates, `'unknown'` when it
 * names something the stack cannot resolve or more than one candidate.
 * Built on the per-stack index, so calling it per resource stays linear.
 */
export function resolveTarget(
  stack: StackModel,
  value: unknown,
  types: readonly string[],
  literalAttributes: readonly string[] = [],
): ResourceModel | 'unknown' | undefined {
  return stackIndex(stack).resolve(value, types, literalAttributes);
}

/** Managed resources of the given types, in address order (stable output); indexed once per stack. */
export function resourcesOf(stack: StackModel, ...types: string[]): ResourceModel[] {
  return [...stackIndex(stack).ofTypes(...types)];
}

/**
 * The resource's tags merged over its provider's default tags, as AWS will
 * see them: a key the resource sets to null is removed, default included.
 */
export function effectiveTags(stack: StackModel, resource: ResourceModel): Readonly<Record<string, unknown>> {
  // Several rules ask for the same resource's tags; models are immutable, so the merge is done once per resource.
  const known = tagsByResource.get(resource);
  if (known !== undefined && known.stack === stack) return known.tags;
  // Frozen: a caller that wrote into the shared record would change what the next rule reads.
  const tags = Object.freeze(mergedTags(stack, resource));
  tagsByResource.set(resource, { stack, tags });
  return tags;
}

const tagsByResource = new WeakMap<ResourceModel, { readonly stack: StackModel; readonly tags: Readonly<Record<string, unknown>> }>();

function mergedTags(stack: StackModel, resource: ResourceModel): Record<string, unknown> {
  const alias = resource.provider?.split('.')[1];
  const provider = stack.providers.find((p) => p.name === 'aws' && p.alias === alias) ?? stack.providers.find((p) => p.name === 'aws' && p.alias === undefined);
  const out: Record<string, unknown> = { ...(provider?.defaultTags ?? {}) };
  for (const [k, v] of Object.entries(isRecord(resource.values.tags) ? resource.values.tags : {})) {
    if (v === null) delete out[k];
    else out[k] = v;
  }
  return out;
}
