import { writeFileSync } from 'node:fs';
import { Command } from 'commander';
import { TenantformError } from '../../core/errors';
import { createBaseline, serializeBaseline } from '../../compliance/baseline';
import { addInputOptions } from './check';
import { EXIT_OK, EXIT_USAGE } from './exit-codes';
import { defaultPaths, GateInputOptions, runGate } from './gate-input';

interface BaselineCreateOptions extends GateInputOptions {
  readonly output?: string;
}

/** `tenantform baseline create [PATH...]`: record today's findings so the gate fails only on new ones. */
export function register(program: Command): void {
  const baseline = program.command('baseline').description('record existing findings, so `check --baseline` fails only on new ones');
  addInputOptions(baseline.command('create').description('write the fails and unknowns of the inputs (never of invariant rules) as a sorted, diff-friendly baseline file'))
    .option('--output <file>', 'write the baseline here instead of stdout')
    .action((paths: string[], options: BaselineCreateOptions) => {
      process.exitCode = create(defaultPaths(paths, options.plan), options);
    });
  baseline.exitOverride();
}

function create(paths: readonly string[], options: BaselineCreateOptions): number {
  try {
    const text = serializeBaseline(createBaseline(runGate(paths, options).findings));
    if (options.output === undefined) process.stdout.write(text);
    else writeFileSync(options.output, text);
    return EXIT_OK;
  } catch (e) {
    if (e instanceof TenantformError) {
      process.stderr.write(`tenantform: ${e.message}\n`);
      return EXIT_USAGE;
    }
    if ((e as NodeJS.ErrnoException).code !== undefined && options.output !== undefined) {
      process.stderr.write(`tenantform: cannot write ${options.output}: ${(e as Error).message}\n`);
      return EXIT_USAGE;
    }
    throw e;
  }
}
