import { fail, pass, unknown } from '../../rule-kit';
import { RuleOutcome } from '../../types';

export { fail, pass, unknown };

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
