import { TenantformError } from '../../core/errors';
import { discoverStacks, loadStack } from '../model';
import { AuditTarget } from './checks';

/**
 * The account an environment is declared in: given directly, or read back
 * from synthesized stacks (their pinned `allowed_account_ids` and
 * `environment` default tag). Throws TF-AUD-001 when it cannot be told.
 */
export function resolveTarget(environment: string, options: { accountId?: string; paths?: readonly string[] }): AuditTarget {
  const where = `tenantform audit --environment ${environment}`;
  if (options.accountId !== undefined) {
    if (!/^\d{12}$/.test(options.accountId)) {
      throw new TenantformError({ code: 'TF-AUD-002', where, problem: 'an AWS account ID is 12 digits.', value: options.accountId, fix: 'pass --account-id with the 12-digit ID of the environment.' });
    }
    return { environment, accountId: options.accountId };
  }
  const stacks = discoverStacks(options.paths ?? ['cdktf.out']).map(loadStack).filter((s) => s.environment === environment);
  const accounts = [...new Set(stacks.flatMap((s) => s.accounts))];
  if (accounts.length !== 1) {
    throw new TenantformError({
      code: 'TF-AUD-001',
      where,
      problem: accounts.length === 0 ? 'no synthesized stack declares this environment with a pinned account.' : `stacks of this environment are pinned to several accounts (${accounts.join(', ')}).`,
      value: environment,
      fix: 'pass --account-id, or point the audit at the cdktf output that declares the environment.',
    });
  }
  return { environment, accountId: accounts[0] as string };
}
