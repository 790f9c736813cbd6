/**
 * Runs rules over stack models and turns their outcomes into findings:
 * suppressions apply here, invariants refuse them, and a rule that throws
 * fails closed.
 */
import { MIN_REASON_LENGTH } from '../core/suppressions';
import { linkCrossStackReferences } from './model/cross-stack';
import { CheckContext, Finding, ResourceModel, Rule, RuleOutcome, StackModel, SuppressionRecord } from './types';

export interface CheckOptions {
  /** Called after each stack, for progress indicators. */
  readonly onStack?: (done: number, total: number) => void;
}

/** Checks every stack against every rule. Findings are ordered by stack, rule, address. */
export function checkStacks(input: readonly StackModel[], rules: readonly Rule[], options: CheckOptions = {}): Finding[] {
  // With every stack at hand, values read from another stack's outputs can be traced to what produced them.
  const stacks = linkCrossStackReferences(input);
  const context: CheckContext = { stacks };
  const findings: Finding[] = [];
  stacks.forEach((stack, i) => {
    for (const rule of rules) findings.push(...checkRule(rule, stack, context));
    findings.push(...invariantSuppressionAttempts(stack, rules));
    options.onStack?.(i + 1, stacks.length);
  });
  return findings;
}

function checkRule(rule: Rule, stack: StackModel, context: CheckContext): Finding[] {
  let outcomes: readonly RuleOutcome[];
  try {
    outcomes = rule.check(stack, context);
  } catch (e) {
    // Fail closed: checkov's early checks passed on exceptions, and that hid real findings.
    outcomes = [{ status: 'fail', address: 'stack', message: `rule ${rule.meta.id} crashed on this stack (${(e as Error).message}); failing closed.` }];
  }
  return outcomes.map((o) => toFinding(rule, stack, o));
}

function toFinding(rule: Rule, stack: StackModel, outcome: RuleOutcome): Finding {
  const base = {
    ruleId: rule.meta.id,
    title: rule.meta.title,
    category: rule.meta.category,
    level: rule.meta.level,
    stack: stack.name,
    address: outcome.address,
    remediation: rule.meta.remediation,
    ...(outcome.finding !== undefined ? { finding: outcome.finding } : {}),
  };
  if (outcome.status === 'pass') return { ...base, status: 'pass', message: outcome.message };
  const suppression = matchingSuppression(resourceAt(stack, outcome.address), rule.meta.id, outcome.finding);
  if (suppression === undefined) return { ...base, status: outcome.status, message: outcome.message };
  if (rule.meta.invariant) {
    return { ...base, status: outcome.status, message: `${outcome.message} (suppression ignored: ${rule.meta.id} is an invariant and cannot be suppressed)` };
  }
  if (suppression.reason.trim().length < MIN_REASON_LENGTH) {
    return { ...base, status: outcome.status, message: `${outcome.message} (suppression ignored: its reason is under ${MIN_REASON_LENGTH} characters)` };
  }
  return { ...base, status: 'suppressed', message: outcome.message, suppressionReason: suppression.reason };
}

function resourceAt(stack: StackModel, address: string): ResourceModel | undefined {
  return stack.resources.get(address) ?? stack.dataSources.get(address);
}

/** A whole-rule suppression covers every finding; a granular one only its own key. */
function matchingSuppression(resource: ResourceModel | undefined, ruleId: string, finding: string | undefined): SuppressionRecord | undefined {
  if (resource === undefined) return undefined;
  const forRule = resource.suppressions.filter((s) => s.ruleId === ruleId);
  return forRule.find((s) => s.finding !== undefined && s.finding === finding) ?? forRule.find((s) => s.finding === undefined);
}

/**
 * A suppression of an invariant rule in the JSON (hand-written, since
 * `suppress()` refuses it) is itself a finding: someone tried to opt out.
 */
function invariantSuppressionAttempts(stack: StackModel, rules: readonly Rule[]): Finding[] {
  const out: Finding[] = [];
  const byId = new Map(rules.map((r) => [r.meta.id, r]));
  for (const resource of [...stack.resources.values(), ...stack.dataSources.values()]) {
    for (const s of resource.suppressions) {
      const rule = byId.get(s.ruleId);
      if (rule === undefined || !rule.meta.invariant) continue;
      out.push({
        ruleId: rule.meta.id,
        title: rule.meta.title,
        category: rule.meta.category,
        level: 'error',
        status: 'fail',
        stack: stack.name,
        address: resource.address,
        message: `a suppression of the invariant rule ${rule.meta.id} was found and refused (reason given: ${JSON.stringify(s.reason)}).`,
        remediation: `remove the suppression from the resource's "//".tenantform metadata and fix the resource; ${rule.meta.category} rules cannot be suppressed.`,
        finding: 'Suppression',
      });
    }
  }
  return out;
}

export type FailOn = 'error' | 'warning';

/**
 * Findings that fail the gate: unsuppressed fails at or above the threshold,
 * and every unsuppressed unknown whatever its level (what cannot be read
 * cannot be ranked, so it never passes silently).
 */
export function gateFailures(findings: readonly Finding[], failOn: FailOn = 'error'): Finding[] {
  return findings.filter((f) => f.status === 'unknown' || (f.status === 'fail' && (failOn === 'warning' || f.level === 'error')));
}

export interface Summary {
  readonly stacks: number;
  readonly rules: number;
  readonly pass: number;
  readonly fail: number;
  readonly unknown: number;
  readonly suppressed: number;
  /** Fails and unknowns recorded in a `--baseline` file. */
  readonly baselined: number;
  /** Whether the gate fails at the chosen threshold. */
  readonly failed: boolean;
}

export function summarize(findings: readonly Finding[], stacks: number, rules: number, failOn: FailOn = 'error'): Summary {
  const count = (s: Finding['status']) => findings.filter((f) => f.status === s).length;
  return { stacks, rules, pass: count('pass'), fail: count('fail'), unknown: count('unknown'), suppressed: count('suppressed'), baselined: count('baselined'), failed: gateFailures(findings, failOn).length > 0 };
}
