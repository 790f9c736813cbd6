import { Command, Option } from 'commander';
import { allRules } from '../../compliance/rules';
import { EXIT_OK } from './exit-codes';

/** `tenantform rules`: the rule catalogue. */
export function register(program: Command): void {
  program
    .command('rules')
    .description('list the compliance rules')
    .addOption(new Option('--format <format>', 'output format').choices(['text', 'json']).default('text'))
    .action((options: { format: 'text' | 'json' }) => {
      if (options.format === 'json') {
        process.stdout.write(`${JSON.stringify(allRules.map((r) => r.meta), null, 2)}\n`);
      } else {
        const width = Math.max(...allRules.map((r) => r.meta.id.length));
        for (const r of allRules) {
          process.stdout.write(`${r.meta.id.padEnd(width)}  ${r.meta.level.padEnd(7)}  ${r.meta.category.padEnd(18)}  ${r.meta.title}${r.meta.invariant ? ' (invariant)' : ''}\n`);
        }
      }
      process.exitCode = EXIT_OK;
    });
}
