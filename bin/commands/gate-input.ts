/**
 * What `check` and `baseline create` share: read the stacks (config mode
 * from paths, plan mode from plans), pick the rules of the chosen packs, and
 * run the engine. One path, so a baseline records exactly what check reports.
 */
import { TenantformError } from '../../core/errors';
import { checkStacks } from '../../compliance/engine';
import { discoverStacks, loadStack } from '../../compliance/model';
import { rulesOfPacks } from '../../compliance/packs';
import { loadPlanStacks } from '../../compliance/plan';
import { allRules } from '../../compliance/rules';
import { Finding, Rule, StackModel } from '../../compliance/types';
import { progressReporter } from './progress';

export interface GateInputOptions {
  readonly plan?: string[];
  readonly config?: string[];
  readonly pack: string[];
  readonly progress: boolean;
}

export interface GateRun {
  readonly stacks: readonly StackModel[];
  readonly rules: readonly Rule[];
  readonly findings: readonly Finding[];
}

/** Loads and checks; a coded error means the input could not be fully read (exit 2), and nothing was judged. */
export function runGate(paths: readonly string[], options: GateInputOptions): GateRun {
  const progress = progressReporter(options.progress);
  try {
    const rules = rulesOfPacks(allRules, options.pack);
    const sources = paths.length > 0 ? discoverStacks(paths) : [];
    const stacks = sources.map((s, i) => {
      const stack = loadStack(s);
      progress.update('loading', i + 1, sources.length);
      return stack;
    });
    if (options.plan !== undefined) stacks.push(...loadPlanStacks({ plans: options.plan, ...(options.config !== undefined ? { config: options.config } : {}) }));
    else if (options.config !== undefined) throw new TenantformError({ code: 'TF-CHK-021', where: 'tenantform check --config', problem: '--config only pairs plans with their stacks; it needs --plan.', value: options.config, fix: 'add --plan <file...>, or pass the stacks as PATH arguments to check them in config mode.' });
    const findings = checkStacks(stacks, rules, { onStack: (done, total) => progress.update('checking', done, total) });
    return { stacks, rules, findings };
  } finally {
    progress.done();
  }
}

/** The inputs when none are named: cdktf.out, except in plan mode, where a default would silently add config-mode stacks. */
export function defaultPaths(paths: readonly string[], plan: readonly string[] | undefined): readonly string[] {
  return paths.length > 0 || plan !== undefined ? paths : ['cdktf.out'];
}
