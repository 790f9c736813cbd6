import { defineRule, fail, pass, unknown } from '../../rule-kit';
import { RuleOutcome } from '../../types';

/** TF-SEP-1: each AWS provider can touch exactly one account, and says which environment it is. */
export const providerPinnedToOneAccount = defineRule(
  {
    id: 'TF-SEP-1',
    title: 'Ensure every AWS provider is pinned to exactly one account (allowed_account_ids) and declares its environment',
    category: 'account-separation',
    level: 'error',
    resourceTypes: ['*'],
    remediation:
      'Set allowed_account_ids to the one account of the environment and an "environment" tag in the provider\'s default_tags (TenantformStack does both). Without the pin, credentials for the wrong account apply a dev plan to prod.',
    references: {},
  },
  (stack) => {
    const aws = stack.providers.filter((p) => p.name === 'aws');
    const out: RuleOutcome[] = [];
    if (aws.length === 0) {
      const usesAws = [...stack.resources.values(), ...stack.dataSources.values()].some((r) => r.type.startsWith('aws_'));
      return usesAws ? [fail('stack', 'the stack has AWS resources but no AWS provider block pinning an account.', 'Provider::aws')] : [];
    }
    const environments = new Set<string>();
    for (const p of aws) {
      const key = `Provider::${p.alias ? `aws.${p.alias}` : 'aws'}`;
      const ids = p.allowedAccountIds;
      const env = p.defaultTags.environment;
      if (env !== undefined) environments.add(env);
      if (ids.length !== 1) out.push(fail('stack', `provider ${key.slice(10)} allows ${ids.length === 0 ? 'any account' : `${ids.length} accounts`}; it must allow exactly one.`, key));
      else if (!/^\d{12}$/.test(ids[0]!)) out.push(unknown('stack', `provider ${key.slice(10)} pins account ${ids[0]}, which cannot be resolved to a 12-digit ID.`, key));
      if (env === undefined || env === '') out.push(fail('stack', `provider ${key.slice(10)} declares no "environment" default tag.`, `${key}::environment`));
    }
    if (stack.accounts.length > 1) out.push(fail('stack', `the stack's providers reach ${stack.accounts.length} accounts (${stack.accounts.join(', ')}); one stack belongs to one account.`, 'Accounts'));
    if (environments.size > 1) out.push(fail('stack', `the stack's providers declare ${environments.size} environments (${[...environments].join(', ')}).`, 'Environments'));
    // Resources on a provider alias that is not declared would fall back to an unpinned default.
    for (const r of stack.resources.values()) {
      if (r.provider?.startsWith('aws.') && !aws.some((p) => `aws.${p.alias}` === r.provider)) out.push(fail(r.address, `the resource uses provider ${r.provider}, which the stack does not declare.`, `Provider::${r.provider}`));
    }
    return out.length > 0 ? out : [pass('stack', `pinned to account ${stack.accounts[0]} as environment ${stack.environment}.`)];
  },
);
