import { Command, Option } from 'commander';
import { TenantformError } from '../../core/errors';
import { checkStacks, FailOn, summarize } from '../../compliance/engine';
import { discoverStacks, loadStack } from '../../compliance/model';
import { loadPlanStacks } from '../../compliance/plan';
import { Format, FORMATS } from '../../compliance/report';
import { allRules } from '../../compliance/rules';
import { StackModel } from '../../compliance/types';
import { emitReport } from './emit-report';
import { EXIT_USAGE } from './exit-codes';
import { progressReporter } from './progress';

interface CheckOptions {
  readonly format: Format;
  readonly output?: string;
  readonly failOn: FailOn;
  readonly verbose?: boolean;
  readonly progress: boolean;
  readonly plan?: string[];
  readonly config?: string[];
}

/** `tenantform check [PATH...]`: the compliance gate. */
export function register(program: Command): void {
  program
    .command('check')
    .description('check synthesized Terraform JSON (a cdktf output dir, a stack dir or *.tf.json files), or with --plan the JSON of terraform plans, against the compliance rules')
    .argument('[paths...]', 'inputs; default: cdktf.out')
    .addOption(new Option('--format <format>', 'report format').choices([...FORMATS]).default('text'))
    .option('--output <file>', 'write the report to a file instead of stdout')
    .addOption(new Option('--fail-on <level>', 'lowest level of failed check that fails the gate (unknowns always do)').choices(['error', 'warning']).default('error'))
    .option('--verbose', 'list passing checks in the text report')
    .option('--no-progress', 'never show the progress indicator')
    .option('--plan <files...>', 'plan mode: check the JSON of `terraform show -json <planfile>` (one file per stack)')
    .option('--config <paths...>', 'plan mode: the synthesized stacks the plans were made from, for suppressions, lifecycle and backend (see README, "Plan mode")')
    .action((paths: string[], options: CheckOptions) => {
      // In plan mode the positional default would silently add cdktf.out's config-mode stacks.
      process.exitCode = runCheck(paths.length > 0 || options.plan !== undefined ? paths : ['cdktf.out'], options);
    });
}

function runCheck(paths: readonly string[], options: CheckOptions): number {
  let stacks: StackModel[];
  const progress = progressReporter(options.progress);
  try {
    const sources = paths.length > 0 ? discoverStacks(paths) : [];
    stacks = sources.map((s, i) => {
      const stack = loadStack(s);
      progress.update('loading', i + 1, sources.length);
      return stack;
    });
    if (options.plan !== undefined) stacks.push(...loadPlanStacks({ plans: options.plan, ...(options.config !== undefined ? { config: options.config } : {}) }));
    else if (options.config !== undefined) throw new TenantformError({ code: 'TF-CHK-021', where: 'tenantform check --config', problem: '--config only pairs plans with their stacks; it needs --plan.', value: options.config, fix: 'add --plan <file...>, or pass the stacks as PATH arguments to check them in config mode.' });
  } catch (e) {
    progress.done();
    if (e instanceof TenantformError) {
      process.stderr.write(`tenantform: ${e.message}\n`);
      return EXIT_USAGE;
    }
    throw e;
  }
  const findings = checkStacks(stacks, allRules, { onStack: (done, total) => progress.update('checking', done, total) });
  progress.done();
  const summary = summarize(findings, stacks.length, allRules.length, options.failOn);
  const sources = Object.fromEntries(stacks.map((s) => [s.name, s.source]));
  return emitReport({ findings, summary, rules: allRules, sources }, options);
}
