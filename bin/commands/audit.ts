import { Command, Option } from 'commander';
import { TenantformError } from '../../core/errors';
import { auditAccount, auditRules, createAuditClients, resolveTarget } from '../../compliance/audit';
import { FailOn, summarize } from '../../compliance/engine';
import { Format, FORMATS } from '../../compliance/report';
import { emitReport } from './emit-report';
import { EXIT_USAGE } from './exit-codes';

interface AuditCommandOptions {
  readonly environment: string;
  readonly accountId?: string;
  readonly endpoint?: string;
  readonly region?: string;
  readonly format: Format;
  readonly output?: string;
  readonly failOn: FailOn;
  readonly verbose?: boolean;
}

/** `tenantform audit`: read-only checks of a live account against its declared environment. */
export function register(program: Command): void {
  program
    .command('audit')
    .description("audit a live AWS account (current credentials) against its declared environment: caller account, root MFA and keys, console users' MFA, password policy, access key age and use, user-attached policies")
    .argument('[paths...]', 'synthesized output that declares the environment (when --account-id is not given); default: cdktf.out')
    .requiredOption('--environment <name>', 'environment to audit, e.g. prod')
    .option('--account-id <id>', "the environment's account ID (instead of reading it from synthesized stacks)")
    .option('--endpoint <url>', 'send every AWS call to this endpoint (an emulator, or a private endpoint)')
    .option('--region <region>', 'region for the STS/IAM/Organizations clients')
    .addOption(new Option('--format <format>', 'report format').choices([...FORMATS]).default('text'))
    .option('--output <file>', 'write the report to a file instead of stdout')
    .addOption(new Option('--fail-on <level>', 'lowest level of failure that fails the run').choices(['error', 'warning']).default('error'))
    .option('--verbose', 'list passing checks in the text report')
    .action(async (paths: string[], options: AuditCommandOptions) => {
      process.exitCode = await runAudit(paths.length > 0 ? paths : ['cdktf.out'], options);
    });
}

export async function runAudit(paths: readonly string[], options: AuditCommandOptions): Promise<number> {
  let findings;
  let target;
  try {
    target = resolveTarget(options.environment, { ...(options.accountId !== undefined ? { accountId: options.accountId } : {}), paths });
    const clients = createAuditClients({ ...(options.endpoint !== undefined ? { endpoint: options.endpoint } : {}), ...(options.region !== undefined ? { region: options.region } : {}) });
    findings = await auditAccount(clients, target);
  } catch (e) {
    if (e instanceof TenantformError) {
      process.stderr.write(`tenantform: ${e.message}\n`);
      return EXIT_USAGE;
    }
    // Credentials missing, access denied, network: the audit could not run, which is not a pass.
    process.stderr.write(`tenantform audit: cannot read the account: ${(e as Error).name}: ${(e as Error).message}\n`);
    return EXIT_USAGE;
  }
  const rules = auditRules();
  const summary = summarize(findings, 1, rules.length, options.failOn);
  return emitReport({ findings, summary, rules, sources: { [target.environment]: `aws account ${target.accountId}` } }, options);
}
