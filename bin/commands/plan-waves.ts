import { Command, Option } from 'commander';
import { TenantformError } from '../../core/errors';
import { DependentsMode, planWaves } from '../../stacks/waves';
import { EXIT_OK, EXIT_USAGE } from './exit-codes';

interface PlanWavesOptions {
  readonly base: string;
  readonly head: string;
  readonly dependents: DependentsMode;
  readonly format: 'json' | 'matrix' | 'text';
  readonly wave?: string;
}

/** `tenantform plan-waves --base OLD --head NEW`: the stacks a change needs deployed, in dependency waves. */
export function register(program: Command): void {
  program
    .command('plan-waves')
    .description('list the stacks whose synthesized JSON changed between two cdktf outputs, plus their dependents, grouped into deploy waves')
    .requiredOption('--base <dir>', 'cdktf output of the deployed commit (e.g. cdktf.out of the target branch)')
    .requiredOption('--head <dir>', 'cdktf output of the commit to deploy')
    .addOption(new Option('--dependents <mode>', "which dependents to add: 'outputs' (of stacks whose outputs changed), 'all', 'none'").choices(['outputs', 'all', 'none']).default('outputs'))
    .addOption(new Option('--format <format>', "'json' (everything), 'matrix' (one wave as a GitHub Actions strategy.matrix, with --wave), 'text'").choices(['json', 'matrix', 'text']).default('json'))
    .option('--wave <n>', 'with --format matrix: the 1-based wave to print')
    .action((options: PlanWavesOptions) => {
      process.exitCode = run(options);
    });
}

function run(options: PlanWavesOptions): number {
  try {
    const plan = planWaves(options.base, options.head, { dependents: options.dependents });
    if (options.format === 'matrix') {
      const n = Number(options.wave);
      if (!Number.isInteger(n) || n < 1) {
        throw new TenantformError({ code: 'TF-WAV-004', where: 'tenantform plan-waves --wave', problem: '--format matrix needs --wave with a whole number from 1.', value: options.wave, fix: 'e.g. --format matrix --wave 1; a wave past the last one prints an empty matrix.' });
      }
      // An empty `include` makes GitHub skip the matrix job instead of failing it.
      process.stdout.write(`${JSON.stringify({ include: (plan.waves[n - 1] ?? []).map((stack) => ({ stack })) })}\n`);
    } else if (options.format === 'text') {
      plan.waves.forEach((wave, i) => process.stdout.write(`wave ${i + 1}: ${wave.join(' ')}\n`));
      if (plan.removed.length > 0) process.stdout.write(`removed (destroy): ${plan.removed.join(' ')}\n`);
      process.stdout.write(`${plan.changed.length} changed, ${plan.dependents.length} dependent, ${plan.removed.length} removed\n`);
    } else {
      process.stdout.write(`${JSON.stringify({ ...plan, waveCount: plan.waves.length }, null, 2)}\n`);
    }
    return EXIT_OK;
  } catch (e) {
    if (!(e instanceof TenantformError)) throw e;
    process.stderr.write(`tenantform: ${e.message}\n`);
    return EXIT_USAGE;
  }
}
