/**
 * The one rule kit. Every rule is `export const <FileName> = defineRule(meta, check)`
 * in `compliance/rules/<category>/<FileName>.ts`, and imports its helpers from
 * here (plus the domain readers: `iam/`, `policy.ts`, `rule-helpers/<domain>.ts`).
 * A catalogue test (test/compliance/rules/catalogue.test.ts) enforces it.
 */
import { CheckContext, ResourceModel, Rule, RuleMeta, RuleOutcome, StackModel } from './types';
import { isRecord, isUnknown } from './values';

export { isUnknown, isRecord, isSpecificUnknown } from './values';
export type { UnknownValue } from './values';
export {
  type Tri,
  isUnresolved,
  boolOf,
  numberOf,
  stringOf,
  isSet,
  blocksOf,
  blockOf,
  listOf,
  referencedAddresses,
  pointsAt,
  resolveTarget,
  resourcesOf,
  effectiveTags,
} from './rule-helpers/values';
export { stackIndex } from './rule-helpers/stack-index';
export type { StackIndex } from './rule-helpers/stack-index';

/** Categories whose rules no resource may opt out of. */
const INVARIANT_CATEGORIES = new Set(['mfa', 'account-separation']);

/** Rules built by the kit; the catalogue test refuses any rule that is not. */
const KIT_RULES = new WeakSet<Rule>();

/** Declares a rule. `invariant` follows from the category (mfa and account-separation). */
export function defineRule(meta: Omit<RuleMeta, 'invariant'>, check: (stack: StackModel, context: CheckContext) => readonly RuleOutcome[]): Rule {
  const rule: Rule = Object.freeze({ meta: Object.freeze({ ...meta, invariant: INVARIANT_CATEGORIES.has(meta.category) }), check });
  KIT_RULES.add(rule);
  return rule;
}

/** Whether `rule` was built by `defineRule`. */
export function isKitRule(rule: Rule): boolean {
  return KIT_RULES.has(rule);
}

export function pass(address: string, message: string, finding?: string): RuleOutcome {
  return finding === undefined ? { status: 'pass', address, message } : { status: 'pass', address, message, finding };
}

export function fail(address: string, message: string, finding?: string): RuleOutcome {
  return finding === undefined ? { status: 'fail', address, message } : { status: 'fail', address, message, finding };
}

export function unknown(address: string, message: string, finding?: string): RuleOutcome {
  return finding === undefined ? { status: 'unknown', address, message } : { status: 'unknown', address, message, finding };
}

/**
 * The usual shape of a per-resource decision: a list of problems (fail), a
 * list of things that could not be resolved (unknown), otherwise a pass.
 * Failures win over unknowns: a known problem is reported even when other
 * attributes are unresolved.
 */
export function decide(address: string, problems: readonly string[], unknowns: readonly string[], passMessage: string): RuleOutcome {
  if (problems.length > 0) return fail(address, problems.join('; '));
  if (unknowns.length > 0) return unknown(address, `cannot tell: ${unknowns.join('; ')}`);
  return pass(address, passMessage);
}

/** Each stack's managed resources by type, in the stack's order: built once, so a rule costs what its own types hold, not a scan of the stack. */
const byTypeOf = new WeakMap<StackModel, ReadonlyMap<string, readonly ResourceModel[]>>();

function resourcesByType(stack: StackModel): ReadonlyMap<string, readonly ResourceModel[]> {
  let byType = byTypeOf.get(stack);
  if (byType === undefined) {
    const built = new Map<string, ResourceModel[]>();
    for (const r of stack.resources.values()) {
      const list = built.get(r.type);
      if (list === undefined) built.set(r.type, [r]);
      else list.push(r);
    }
    byTypeOf.set(stack, (byType = built));
  }
  return byType;
}

/** Managed resources of the given types, in the stack's order. */
function resourcesOfTypes(stack: StackModel, types: readonly string[]): readonly ResourceModel[] {
  const byType = resourcesByType(stack);
  // Most rules ask for one type: its list as it is, without building sets and lists per rule and stack.
  if (types.length === 1) return byType.get(types[0]!) ?? [];
  const present = [...new Set(types)].map((t) => byType.get(t)).filter((l): l is readonly ResourceModel[] => l !== undefined);
  if (present.length <= 1) return present[0] ?? [];
  // Several types present: the stack's order across them, as one scan would give it.
  const wanted = new Set(types);
  const out: ResourceModel[] = [];
  for (const r of stack.resources.values()) if (wanted.has(r.type)) out.push(r);
  return out;
}

/**
 * Runs `decide` on every resource of the given types. A throw inside it
 * becomes a `fail` for that resource: a rule that crashes must never pass.
 */
export function checkEach(stack: StackModel, types: readonly string[], decideOne: (resource: ResourceModel) => RuleOutcome | readonly RuleOutcome[]): RuleOutcome[] {
  const out: RuleOutcome[] = [];
  for (const r of resourcesOfTypes(stack, types)) {
    try {
      const result = decideOne(r);
      if (Array.isArray(result)) out.push(...(result as RuleOutcome[]));
      else out.push(result as RuleOutcome);
    } catch (e) {
      out.push(fail(r.address, `the rule could not evaluate this resource (${(e as Error).message}); failing closed.`));
    }
  }
  return out;
}

/** Resource tags (`tags`, falling back to `tags_all`), literal string values only. */
export function tagsOf(resource: ResourceModel): Record<string, string> {
  const out: Record<string, string> = {};
  for (const key of ['tags_all', 'tags']) {
    const t = resource.values[key];
    if (isRecord(t)) for (const [k, v] of Object.entries(t)) if (typeof v === 'string') out[k] = v;
  }
  return out;
}

/** Describes a value for a finding message. */
export function show(value: unknown): string {
  if (isUnknown(value)) return value.$unknown;
  if (typeof value === 'string') return JSON.stringify(value);
  return JSON.stringify(value) ?? String(value);
}
