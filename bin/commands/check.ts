import { Command, Option } from 'commander';
import { TenantformError } from '../../core/errors';
import { checkStacks, FailOn, summarize } from '../../compliance/engine';
import { discoverStacks, loadStack } from '../../compliance/model';
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
}

/** `tenantform check [PATH...]`: the compliance gate. */
export function register(program: Command): void {
  program
    .command('check')
    .description('check synthesized Terraform JSON (a cdktf output dir, a stack dir or *.tf.json files) against the compliance rules')
    .argument('[paths...]', 'inputs; default: cdktf.out')
    .addOption(new Option('--format <format>', 'report format').choices([...FORMATS]).default('text'))
    .option('--output <file>', 'write the report to a file instead of stdout')
    .addOption(new Option('--fail-on <level>', 'lowest level of failed check that fails the gate (unknowns always do)').choices(['error', 'warning']).default('error'))
    .option('--verbose', 'list passing checks in the text report')
    .option('--no-progress', 'never show the progress indicator')
    .action((paths: string[], options: CheckOptions) => {
      process.exitCode = runCheck(paths.length > 0 ? paths : ['cdktf.out'], options);
    });
}

function runCheck(paths: readonly string[], options: CheckOptions): number {
  let stacks: StackModel[];
  const progress = progressReporter(options.progress);
  try {
    const sources = discoverStacks(paths);
    stacks = sources.map((s, i) => {
      const stack = loadStack(s);
      progress.update('loading', i + 1, sources.length);
      return stack;
    });
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
