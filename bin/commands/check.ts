import { Command, Option } from 'commander';
import { TenantformError } from '../../core/errors';
import { applyBaseline, readBaseline } from '../../compliance/baseline';
import { FailOn, gateFailures, summarize } from '../../compliance/engine';
import { DEFAULT_PACK, RULE_PACKS } from '../../compliance/packs';
import { Format, FORMATS } from '../../compliance/report';
import { emitReport } from './emit-report';
import { EXIT_USAGE } from './exit-codes';
import { defaultPaths, runGate } from './gate-input';

interface CheckOptions {
  readonly format: Format;
  readonly output?: string;
  readonly failOn: FailOn;
  readonly verbose?: boolean;
  readonly quiet?: boolean;
  readonly showSuppressed?: boolean;
  readonly progress: boolean;
  readonly plan?: string[];
  readonly config?: string[];
  readonly baseline?: string;
  readonly pack: string[];
}

/** Options `check` and `baseline create` both take: what to read and which rules to run. */
export function addInputOptions(command: Command): Command {
  return command
    .argument('[paths...]', 'inputs; default: cdktf.out')
    .option('--plan <files...>', 'plan mode: check the JSON of `terraform show -json <planfile>` (one file per stack)')
    .option('--config <paths...>', 'plan mode: the synthesized stacks the plans were made from, for suppressions, lifecycle and backend (see README, "Plan mode")')
    .addOption(new Option('--pack <names...>', `rule packs to run (${RULE_PACKS.map((p) => p.name).join(', ')})`).default([DEFAULT_PACK]))
    .option('--no-progress', 'never show the progress indicator');
}

/** `tenantform check [PATH...]`: the compliance gate. */
export function register(program: Command): void {
  addInputOptions(
    program
      .command('check')
      .description('check synthesized Terraform JSON (a cdktf output dir, a stack dir or *.tf.json files), or with --plan the JSON of terraform plans, against the compliance rules'),
  )
    .addOption(new Option('--format <format>', 'report format').choices([...FORMATS]).default('text'))
    .option('--output <file>', 'write the report to a file instead of stdout')
    .addOption(new Option('--fail-on <level>', 'lowest level of failed check that fails the gate (unknowns always do)').choices(['error', 'warning']).default('error'))
    .option('--baseline <file>', 'findings recorded in this file (tenantform baseline create) do not fail the gate; new ones do')
    .option('--quiet', 'text: print only what fails the gate, then the summary')
    .option('--show-suppressed', 'text: list suppressed and baselined findings with their reasons, not only their counts')
    .option('--verbose', 'text: list passing checks too')
    .action((paths: string[], options: CheckOptions) => {
      process.exitCode = runCheck(defaultPaths(paths, options.plan), options);
    });
}

function runCheck(paths: readonly string[], options: CheckOptions): number {
  let run;
  let findings;
  try {
    run = runGate(paths, options);
    findings = options.baseline !== undefined ? applyBaseline(run.findings, readBaseline(options.baseline)) : [...run.findings];
  } catch (e) {
    if (e instanceof TenantformError) {
      process.stderr.write(`tenantform: ${e.message}\n`);
      return EXIT_USAGE;
    }
    throw e;
  }
  const summary = summarize(findings, run.stacks.length, run.rules.length, options.failOn);
  const sources = Object.fromEntries(run.stacks.map((s) => [s.name, s.source]));
  return emitReport({ findings, summary, rules: run.rules, sources, gating: gateFailures(findings, options.failOn) }, options);
}
