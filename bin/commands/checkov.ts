import { Command, Option } from 'commander';
import { TenantformError } from '../../core/errors';
import { checkovRules, checkWithCheckov } from '../../compliance/checkov';
import { checkStacks, FailOn, summarize } from '../../compliance/engine';
import { Format, FORMATS } from '../../compliance/report';
import { allRules } from '../../compliance/rules';
import { Finding, Rule } from '../../compliance/types';
import { emitReport } from './emit-report';
import { EXIT_USAGE } from './exit-codes';

interface CheckovCommandOptions {
  readonly format: Format;
  readonly output?: string;
  readonly failOn: FailOn;
  /** commander turns --no-skip-list into skipList: false. */
  readonly skipList: string | boolean;
  readonly withGate?: boolean;
  readonly verbose?: boolean;
}

/** `tenantform checkov [PATH...]`: checkov as a second opinion, in our report formats. */
export function register(program: Command): void {
  program
    .command('checkov')
    .description('run checkov (--framework terraform_json) over synthesized Terraform JSON and report its results as tenantform findings; honours "//".tenantform suppressions naming CKV_ IDs')
    .argument('[paths...]', 'inputs, as for `check`; default: cdktf.out')
    .addOption(new Option('--format <format>', 'report format').choices([...FORMATS]).default('text'))
    .option('--output <file>', 'write the report to a file instead of stdout')
    .addOption(new Option('--fail-on <level>', 'lowest level of failure that fails the run').choices(['error', 'warning']).default('error'))
    .option('--skip-list <file>', 'reviewed skip list (JSON); default: the one shipped with tenantform')
    .option('--no-skip-list', 'apply no skip list')
    .option('--with-gate', "also run tenantform's own rules and merge both into one report")
    .option('--verbose', 'list passing checks in the text report')
    .action(async (paths: string[], options: CheckovCommandOptions) => {
      process.exitCode = await runCheckovCommand(paths.length > 0 ? paths : ['cdktf.out'], options);
    });
}

export async function runCheckovCommand(paths: readonly string[], options: CheckovCommandOptions): Promise<number> {
  let result;
  try {
    const skipList = options.skipList === false ? null : typeof options.skipList === 'string' ? options.skipList : undefined;
    result = await checkWithCheckov(paths, { skipList });
  } catch (e) {
    if (e instanceof TenantformError) {
      process.stderr.write(`tenantform: ${e.message}\n`);
      return EXIT_USAGE;
    }
    throw e;
  }
  let findings: Finding[] = result.findings;
  let rules: Rule[] = checkovRules(findings);
  if (options.withGate) {
    findings = [...checkStacks(result.stacks, allRules), ...findings];
    rules = [...allRules, ...rules];
  }
  const summary = summarize(findings, result.stacks.length, rules.length, options.failOn);
  const sources = Object.fromEntries(result.stacks.map((s) => [s.name, s.source]));
  return emitReport({ findings, summary, rules, sources }, options);
}
