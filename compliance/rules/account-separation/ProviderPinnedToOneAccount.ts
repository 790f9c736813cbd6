import { accountOf } from '../../iam/principals';
import { blocksOf, defineRule, fail, pass, unknown } from '../../rule-kit';
import { ProviderModel, RuleOutcome, StackModel } from '../../types';
import { imagePullCrossing } from '../../rule-helpers/separation';

/**
 * Roles the provider assumes in an account other than the one it is pinned
 * to. Only literal ARNs are judged: Terraform itself checks
 * `allowed_account_ids` against the credentials it ends up with, so a role
 * named by a variable cannot take a pinned provider elsewhere.
 */
function assumedElsewhere(p: ProviderModel, label: string): RuleOutcome[] {
  const out: RuleOutcome[] = [];
  for (const key of ['assume_role', 'assume_role_with_web_identity']) {
    for (const block of blocksOf(p.config?.[key])) {
      const arn = block.role_arn;
      const account = typeof arn === 'string' ? accountOf(arn) : undefined;
      if (account !== undefined && !p.allowedAccountIds.includes(account)) {
        out.push(fail('stack', `provider ${label} assumes role ${String(arn)} in account ${account}, outside the account it is pinned to.`, `Provider::${label}::${key}`));
      }
    }
  }
  return out;
}

/**
 * A tenantform declaration must agree with the providers it rides along
 * with, and its trust edges must join accounts of one posture (an image-pull
 * edge out of a stack without customer data excepted): an edge that fails
 * here is also ignored by the separation rules.
 */
function declarationProblems(stack: StackModel): RuleOutcome[] {
  if (stack.declarationProblem !== undefined) return [fail('stack', `the environment declaration cannot be read: ${stack.declarationProblem}.`, 'Declaration')];
  const d = stack.declaration;
  if (d === undefined) return [];
  const out: RuleOutcome[] = [];
  if (!stack.accounts.includes(d.accountId)) out.push(fail('stack', `the environment declaration names account ${d.accountId}, but the providers are pinned to ${stack.accounts.join(', ') || 'no account'}.`, 'Declaration::account'));
  if (stack.environment !== undefined && d.name !== stack.environment) out.push(fail('stack', `the environment declaration names environment ${d.name}, but the providers tag environment ${stack.environment}.`, 'Declaration::name'));
  for (const e of d.trusts) {
    if (e.posture !== d.posture && !imagePullCrossing(stack, e)) out.push(fail('stack', `${d.posture} environment ${d.name} declares trust in ${e.posture} environment ${e.environment}; production and non-production never trust each other.`, `Edge::${e.environment}`));
    else if (e.accountId === d.accountId) out.push(fail('stack', `environment ${d.name} declares trust in ${e.environment}, which is its own account ${e.accountId}.`, `Edge::${e.environment}`));
  }
  if (d.posture === 'production' && d.sharesAccountWith.length > 0) out.push(fail('stack', `production environment ${d.name} declares that it shares its account with ${d.sharesAccountWith.join(', ')}; production never shares.`, 'Declaration::sharesAccountWith'));
  return out;
}

function checkProviders(stack: StackModel, aws: readonly ProviderModel[]): RuleOutcome[] {
  const out: RuleOutcome[] = [];
  const environments = new Set<string>();
  for (const p of aws) {
    const label = p.alias ? `aws.${p.alias}` : 'aws';
    const key = `Provider::${label}`;
    const ids = p.allowedAccountIds;
    const env = p.defaultTags.environment;
    if (env !== undefined) environments.add(env);
    if (ids.length !== 1) out.push(fail('stack', `provider ${label} allows ${ids.length === 0 ? 'any account' : `${ids.length} accounts`}; it must allow exactly one.`, key));
    else if (!/^\d{12}$/.test(ids[0]!)) out.push(unknown('stack', `provider ${label} pins account ${ids[0]}, which cannot be resolved to a 12-digit ID.`, key));
    if (env === undefined || env === '') out.push(fail('stack', `provider ${label} declares no "environment" default tag.`, `${key}::environment`));
    out.push(...assumedElsewhere(p, label));
  }
  if (stack.accounts.length > 1) out.push(fail('stack', `the stack's providers reach ${stack.accounts.length} accounts (${stack.accounts.join(', ')}); one stack belongs to one account.`, 'Accounts'));
  if (environments.size > 1) out.push(fail('stack', `the stack's providers declare ${environments.size} environments (${[...environments].join(', ')}).`, 'Environments'));
  out.push(...declarationProblems(stack));
  // Resources on a provider alias that is not declared would fall back to an unpinned default.
  for (const r of stack.resources.values()) {
    if (r.provider?.startsWith('aws.') && !aws.some((p) => `aws.${p.alias}` === r.provider)) out.push(fail(r.address, `the resource uses provider ${r.provider}, which the stack does not declare.`, `Provider::${r.provider}`));
  }
  return out;
}

/** TF-SEP-1: each AWS provider can touch exactly one account, says which environment it is, and assumes no role elsewhere. */
export const ProviderPinnedToOneAccount = defineRule(
  {
    id: 'TF-SEP-1',
    title: 'Ensure every AWS provider is pinned to exactly one account (allowed_account_ids), declares its environment and assumes no role in another account',
    category: 'account-separation',
    level: 'error',
    resourceTypes: ['*'],
    remediation:
      'Set allowed_account_ids to the one account of the environment and an "environment" tag in the provider\'s default_tags (TenantformStack does both); assume_role only roles of that account. Without the pin, credentials for the wrong account apply a dev plan to prod. A stack\'s environment declaration ("//".tenantform.environment, written by TenantformStack) must name the same account and environment, and declare trust edges only between environments of one posture, except image-pull edges out of a registry environment that holds no customer data.',
    references: {},
  },
  (stack) => {
    const aws = stack.providers.filter((p) => p.name === 'aws');
    if (aws.length === 0) {
      const usesAws = [...stack.resources.values(), ...stack.dataSources.values()].some((r) => r.type.startsWith('aws_'));
      return usesAws ? [fail('stack', 'the stack has AWS resources but no AWS provider block pinning an account.', 'Provider::aws')] : [];
    }
    const out = checkProviders(stack, aws);
    return out.length > 0 ? out : [pass('stack', `pinned to account ${stack.accounts[0]} as environment ${stack.environment}.`)];
  },
);
