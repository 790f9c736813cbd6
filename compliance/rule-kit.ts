/**
 * Small helpers every rule uses, so a rule file holds its metadata and its
 * decision and nothing else.
 */
import { ResourceModel, Rule, RuleMeta, RuleOutcome, StackModel, CheckContext } from './types';
import { isRecord, isUnknown } from './values';

/** Categories whose rules no resource may opt out of. */
const INVARIANT_CATEGORIES = new Set(['mfa', 'account-separation']);

/** Declares a rule. `invariant` follows from the category (mfa and account-separation). */
export function defineRule(meta: Omit<RuleMeta, 'invariant'>, check: (stack: StackModel, context: CheckContext) => readonly RuleOutcome[]): Rule {
  return { meta: { ...meta, invariant: INVARIANT_CATEGORIES.has(meta.category) }, check };
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

/** Managed resources of the given types, in address order. */
export function resourcesOfType(stack: StackModel, ...types: string[]): ResourceModel[] {
  const wanted = new Set(types);
  const out: ResourceModel[] = [];
  for (const r of stack.resources.values()) if (wanted.has(r.type)) out.push(r);
  return out;
}

/**
 * Runs `decide` on every resource of the given types. A throw inside it
 * becomes a `fail` for that resource: a rule that crashes must never pass.
 */
export function checkEach(stack: StackModel, types: readonly string[], decide: (resource: ResourceModel) => RuleOutcome | readonly RuleOutcome[]): RuleOutcome[] {
  const out: RuleOutcome[] = [];
  for (const r of resourcesOfType(stack, ...types)) {
    try {
      const result = decide(r);
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
