import { Command, Option } from 'commander';
import { TenantformError } from '../../core/errors';
import { DEFAULT_PACK, RULE_PACKS, rulesOfPacks } from '../../compliance/packs';
import { allRules } from '../../compliance/rules';
import { EXIT_OK, EXIT_USAGE } from './exit-codes';

interface RulesOptions {
  readonly format: 'text' | 'json';
  readonly pack: string[];
}

/** `tenantform rules`: the rule catalogue, or one pack of it. */
export function register(program: Command): void {
  program
    .command('rules')
    .description('list the compliance rules')
    .addOption(new Option('--format <format>', 'output format').choices(['text', 'json']).default('text'))
    .addOption(new Option('--pack <name...>', `rule packs to list (${RULE_PACKS.map((p) => p.name).join(', ')})`).default([DEFAULT_PACK]))
    .action((options: RulesOptions) => {
      let rules;
      try {
        rules = rulesOfPacks(allRules, options.pack);
      } catch (e) {
        if (!(e instanceof TenantformError)) throw e;
        process.stderr.write(`tenantform: ${e.message}\n`);
        process.exitCode = EXIT_USAGE;
        return;
      }
      if (options.format === 'json') {
        process.stdout.write(`${JSON.stringify(rules.map((r) => r.meta), null, 2)}\n`);
      } else {
        const width = Math.max(0, ...rules.map((r) => r.meta.id.length));
        for (const r of rules) {
          const cis = r.meta.references.cis ? `  [${r.meta.references.cis}]` : '';
          process.stdout.write(`${r.meta.id.padEnd(width)}  ${r.meta.level.padEnd(7)}  ${r.meta.category.padEnd(18)}  ${r.meta.title}${r.meta.invariant ? ' (invariant)' : ''}${cis}\n`);
        }
      }
      process.exitCode = EXIT_OK;
    });
}
