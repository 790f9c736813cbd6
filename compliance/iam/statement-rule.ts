/**
 * The shape most least-privilege rules share: look at each statement of each
 * policy of a resource, collect problems, and emit one pass per resource that
 * has none. An unreadable document is `unknown`, never a pass, and so is an
 * unreadable statement (see {@link unreadableStatement}): rules never see a
 * statement whose effect or actions they would have to guess.
 */
import { PolicyStatement } from '../policy';
import { fail, pass, unknown } from '../rule-kit';
import { RuleOutcome } from '../types';
import { isUnknown } from '../values';
import { LocatedPolicy } from './documents';

/** A problem in one statement: `fail` or `unknown`, with its granular key. */
export interface StatementProblem {
  readonly status: 'fail' | 'unknown';
  readonly message: string;
  readonly finding?: string;
}

export function checkStatements(policies: readonly LocatedPolicy[], inspect: (statement: PolicyStatement, policy: LocatedPolicy) => readonly StatementProblem[], passMessage: string): RuleOutcome[] {
  const byAddress = new Map<string, RuleOutcome[]>();
  for (const policy of policies) {
    const address = policy.resource.address;
    const list = byAddress.get(address) ?? [];
    byAddress.set(address, list);
    if (isUnknown(policy.document)) {
      list.push(unknown(address, `${policy.attribute} cannot be read (${policy.document.$unknown}).`));
      continue;
    }
    for (const s of policy.document.statements) {
      for (const p of unreadableStatement(s)) list.push(unknown(address, p.message, p.finding));
      try {
        for (const p of inspect(s, policy)) list.push(p.status === 'fail' ? fail(address, p.message, p.finding) : unknown(address, p.message, p.finding));
      } catch (e) {
        list.push(fail(address, `a statement could not be evaluated (${(e as Error).message}); failing closed.`));
      }
    }
  }
  const out: RuleOutcome[] = [];
  for (const [address, list] of byAddress) out.push(...(list.length > 0 ? dedupe(list) : [pass(address, passMessage)]));
  return out;
}

function dedupe(list: readonly RuleOutcome[]): RuleOutcome[] {
  const seen = new Set<string>();
  return list.filter((o) => {
    const key = `${o.status}|${o.finding ?? o.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** `statement Sid` or `a statement`, for messages. */
export function describeStatement(s: PolicyStatement): string {
  return s.Sid ? `statement ${s.Sid}` : 'a statement';
}

/**
 * Why a statement cannot be judged at all: its Effect is not a literal
 * Allow/Deny (the whole statement is a variable, say, or `Effect: "allow"`),
 * or it may allow and some action cannot be resolved. A rule that skips
 * non-Allow statements or inspects only the literal actions would pass such a
 * statement, so every statement rule reports these as `unknown` through this
 * one helper. A Deny with unresolved actions grants nothing and is left to
 * the rules that rely on denies (they read it themselves).
 */
export function unreadableStatement(s: PolicyStatement): StatementProblem[] {
  if (isUnknown(s.Effect)) return [{ status: 'unknown', message: `${describeStatement(s)} cannot be read: its Effect is ${s.Effect.$unknown}, not "Allow" or "Deny".`, finding: `Effect::${s.Effect.$unknown}` }];
  return s.Effect === 'Deny' ? [] : unknownActions(s);
}

/** Problems for unknown entries of an action list; unknown actions can be anything. */
export function unknownActions(s: PolicyStatement): StatementProblem[] {
  return [...s.Action, ...(s.NotAction ?? [])].filter(isUnknown).map((a) => ({ status: 'unknown' as const, message: `${describeStatement(s)} has an action that cannot be resolved (${a.$unknown}).`, finding: `Action::${a.$unknown}` }));
}
