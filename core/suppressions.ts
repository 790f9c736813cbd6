import { TerraformElement } from './cdktf';
import { TenantformError } from './errors';
import { RULE_IDS } from './rule-ids';

/**
 * Suppressions live in the resource's cdktf `"//"` metadata, under
 * `"//".tenantform.suppressions`, so the CLI reading cdk.tf.json and the
 * synth-time Aspect see exactly the same thing.
 */
export interface Suppression {
  /** Rule ID, e.g. `TF-LP-3`. */
  readonly ruleId: string;
  /** Why this is acceptable: at least 10 characters and three real words (see {@link isAcceptableReason}). */
  readonly reason: string;
  /**
   * Limit the suppression to one granular finding (e.g. `Action::ec2:DescribeInstances`);
   * without it the whole rule is suppressed for the resource.
   */
  readonly finding?: string;
}

export const SUPPRESSIONS_METADATA_PATH = ['//', 'tenantform', 'suppressions'] as const;
export const MIN_REASON_LENGTH = 10;

/** Rules in these categories are invariants: no resource may opt out. */
export const INVARIANT_RULE_PREFIXES: readonly string[] = ['TF-MFA-', 'TF-SEP-'];

export function isInvariantRule(ruleId: string): boolean {
  return INVARIANT_RULE_PREFIXES.some((p) => ruleId.startsWith(p));
}

const KNOWN_RULE_IDS: ReadonlySet<string> = new Set(RULE_IDS);
const CHECKOV_ID = /^CKV2?_[A-Z0-9_]+$/;

/** Whether `ruleId` names a rule of the catalogue, or a checkov check (CKV_ / CKV2_). */
export function isKnownRuleId(ruleId: string): boolean {
  return KNOWN_RULE_IDS.has(ruleId) || CHECKOV_ID.test(ruleId);
}

/** Words that stand in for a reason rather than give one. */
const PLACEHOLDER_WORDS = new Set(['todo', 'fixme', 'tbd', 'tba', 'xxx', 'wip', 'na', 'none', 'null', 'nil', 'tmp', 'placeholder', 'lorem', 'ipsum', 'asdf', 'qwerty', 'foo', 'bar', 'baz', 'reason', 'suppress', 'suppressed']);
/** Distinct real words a reason needs: enough to say what is accepted and why. */
export const MIN_REASON_WORDS = 3;

/**
 * Whether a suppression reason explains something: at least
 * {@link MIN_REASON_LENGTH} characters and {@link MIN_REASON_WORDS} distinct
 * words of two or more letters that are neither placeholders (TODO, FIXME,
 * n/a, ...) nor one letter repeated (`xxxx`). `suppress()` and the engine,
 * reading hand-written suppressions from JSON, both use it.
 */
export function isAcceptableReason(reason: unknown): boolean {
  if (typeof reason !== 'string' || reason.trim().length < MIN_REASON_LENGTH) return false;
  const words = new Set<string>();
  for (const w of reason.toLowerCase().match(/\p{L}{2,}/gu) ?? []) {
    if (!PLACEHOLDER_WORDS.has(w) && !/^(\p{L})\1+$/u.test(w)) words.add(w);
  }
  return words.size >= MIN_REASON_WORDS;
}

const suppressionsByElement = new WeakMap<TerraformElement, Suppression[]>();

/**
 * Records that `ruleId` does not apply to `element`, and why. Refuses
 * unknown rule IDs, invariant rules and reasons that explain nothing with a
 * coded error.
 */
export function suppress(element: TerraformElement, ruleId: string, reason: string, options: { finding?: string } = {}): void {
  const where = `suppress ${element.node.path}`;
  if (typeof ruleId !== 'string' || !isKnownRuleId(ruleId)) {
    throw new TenantformError({ code: 'TF-SUP-001', where, problem: 'rule ID is not a rule of the tenantform catalogue nor a checkov (CKV_...) check ID.', value: ruleId, fix: 'copy the ID from `tenantform rules`, RULES.md or the finding.' });
  }
  if (isInvariantRule(ruleId)) {
    throw new TenantformError({ code: 'TF-SUP-002', where, problem: 'MFA and account-separation rules are invariants and cannot be suppressed.', value: ruleId, fix: 'fix the resource instead of suppressing the finding.' });
  }
  if (!isAcceptableReason(reason)) {
    throw new TenantformError({ code: 'TF-SUP-003', where, problem: `a suppression needs a reason: at least ${MIN_REASON_LENGTH} characters and ${MIN_REASON_WORDS} real words, not filler or a placeholder.`, value: reason, fix: 'say in a sentence why the finding is acceptable for this resource.' });
  }
  const list = suppressionsByElement.get(element) ?? [];
  list.push(options.finding === undefined ? { ruleId, reason: reason.trim() } : { ruleId, reason: reason.trim(), finding: options.finding });
  suppressionsByElement.set(element, list);
  element.addOverride(SUPPRESSIONS_METADATA_PATH.join('.'), list);
}
