/**
 * What "plan mode gives the same verdicts as config mode" means, as code.
 *
 * A verdict is the status of one rule on one address of one stack (the worst
 * over its granular findings: fail > unknown > suppressed > pass). The two
 * modes agree when:
 * - every verdict is the same, except that a config-mode `unknown` may be a
 *   `pass` in plan mode: Terraform evaluated what config mode could not, and
 *   found it fine. Nothing else may move: a config pass that plan mode fails
 *   or cannot judge, and a config unknown that plan mode fails, are both
 *   disagreements (the first is a hole in config mode or noise in plan mode,
 *   the second a fail config mode would have hidden behind "unknown");
 * - a verdict only one mode has is the same kind of step: an address only
 *   plan mode sees (a child-module resource, a `count` instance) must pass,
 *   and one only config mode sees (the `module.x` call it cannot enter) must
 *   have been `unknown` there;
 * - so the set of (rule, address) fails is the same in both modes, and the
 *   gate fails in plan mode exactly when it fails in config mode, unless
 *   config mode failed only on unknowns plan mode resolved to passes.
 */
import { gateFailures } from '../../../compliance/engine';
import { Finding } from '../../../compliance/types';

type Status = Finding['status'];

const RANK: Readonly<Record<string, number>> = { pass: 0, suppressed: 1, baselined: 1, unknown: 2, fail: 3 };

/** `stack rule address` → worst status there. */
export function verdictsOf(findings: readonly Finding[]): Map<string, Status> {
  const out = new Map<string, Status>();
  for (const f of findings) {
    const key = `${f.stack} ${f.ruleId} ${f.address}`;
    const before = out.get(key);
    if (before === undefined || (RANK[f.status] ?? 3) > (RANK[before] ?? 3)) out.set(key, f.status);
  }
  return out;
}

export interface Comparison {
  /** `key: config → plan` for every verdict that moved in a way the definition above forbids. */
  readonly disagreements: readonly string[];
  /** Config-mode unknowns that plan mode judged (to pass). */
  readonly resolved: readonly string[];
  readonly configFails: readonly string[];
  readonly planFails: readonly string[];
  readonly configGateFails: boolean;
  readonly planGateFails: boolean;
}

export function compareModes(configFindings: readonly Finding[], planFindings: readonly Finding[]): Comparison {
  const config = verdictsOf(configFindings);
  const plan = verdictsOf(planFindings);
  const disagreements: string[] = [];
  const resolved: string[] = [];
  for (const key of new Set([...config.keys(), ...plan.keys()])) {
    const c = config.get(key);
    const p = plan.get(key);
    if (c === p) continue;
    if ((c === 'unknown' || c === undefined) && (p === 'pass' || p === undefined)) {
      if (c === 'unknown') resolved.push(key);
      continue;
    }
    disagreements.push(`${key}: ${c ?? '(not judged)'} → ${p ?? '(not judged)'}`);
  }
  const fails = (m: Map<string, Status>) => [...m].filter(([, s]) => s === 'fail').map(([k]) => k).sort();
  const configGate = gateFailures(configFindings);
  const planGateFails = gateFailures(planFindings).length > 0;
  const configGateFails = configGate.length > 0;
  if (planGateFails !== configGateFails && !(configGateFails && !planGateFails && configGate.every((f) => f.status === 'unknown'))) {
    disagreements.push(`gate: config mode ${configGateFails ? 'fails' : 'passes'}, plan mode ${planGateFails ? 'fails' : 'passes'}`);
  }
  return { disagreements: disagreements.sort(), resolved: resolved.sort(), configFails: fails(config), planFails: fails(plan), configGateFails, planGateFails };
}
