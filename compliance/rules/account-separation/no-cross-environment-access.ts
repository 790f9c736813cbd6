import { accountOf, awsPrincipals } from '../../iam/principals';
import { normalizePolicy } from '../../policy';
import { checkEach, defineRule, fail, pass, unknown } from '../../rule-kit';
import { ResourceModel, RuleOutcome, StackModel } from '../../types';
import { blocks, isRecord, isSpecificUnknown, isUnknown } from '../../values';

interface OtherEnvironments {
  readonly accounts: ReadonlyMap<string, string>;
  readonly stateBuckets: ReadonlyMap<string, string>;
  readonly buckets: ReadonlyMap<string, string>;
}

interface EnvironmentFacts {
  readonly accounts: Set<string>;
  readonly stateBuckets: Set<string>;
  readonly buckets: Set<string>;
}

/** Facts per environment, computed once per run (a run of 1,000 stacks must not rescan them per stack). */
const factsByRun = new WeakMap<readonly StackModel[], Map<string, EnvironmentFacts>>();

function environmentFacts(stacks: readonly StackModel[]): Map<string, EnvironmentFacts> {
  let facts = factsByRun.get(stacks);
  if (facts !== undefined) return facts;
  facts = new Map();
  for (const s of stacks) {
    if (s.environment === undefined) continue;
    let f = facts.get(s.environment);
    if (f === undefined) facts.set(s.environment, (f = { accounts: new Set(), stateBuckets: new Set(), buckets: new Set() }));
    for (const a of s.accounts) f.accounts.add(a);
    const b = s.backend?.config.bucket;
    if (typeof b === 'string') f.stateBuckets.add(b);
    for (const r of s.resources.values()) if (r.type === 'aws_s3_bucket' && typeof r.values.bucket === 'string') f.buckets.add(r.values.bucket);
  }
  factsByRun.set(stacks, facts);
  return facts;
}

/** Accounts, state buckets and S3 bucket names of every other environment of the run. */
function otherEnvironments(stack: StackModel, stacks: readonly StackModel[]): OtherEnvironments {
  const accounts = new Map<string, string>();
  const stateBuckets = new Map<string, string>();
  const buckets = new Map<string, string>();
  for (const [env, f] of environmentFacts(stacks)) {
    if (env === stack.environment) continue;
    for (const a of f.accounts) if (!stack.accounts.includes(a)) accounts.set(a, env);
    for (const b of f.stateBuckets) stateBuckets.set(b, env);
    for (const b of f.buckets) buckets.set(b, env);
  }
  return { accounts, stateBuckets, buckets };
}

function checkArn(address: string, what: string, value: unknown, others: OtherEnvironments, key: string): RuleOutcome[] {
  if (isUnknown(value)) {
    // References to resources of this stack stay in this account.
    return isSpecificUnknown(value) ? [] : [unknown(address, `${what} ${value.$unknown} cannot be resolved.`, key)];
  }
  if (typeof value !== 'string') return [];
  const account = accountOf(value);
  const env = account === undefined ? undefined : others.accounts.get(account);
  return env === undefined ? [] : [fail(address, `${what} ${value} is in account ${account} of environment ${env}.`, key)];
}

function principalsOf(address: string, raw: unknown, what: string, others: OtherEnvironments): RuleOutcome[] {
  const doc = normalizePolicy(raw);
  if (doc === undefined) return [];
  if (isUnknown(doc)) return [unknown(address, `${what} cannot be read (${doc.$unknown}).`)];
  return doc.statements.flatMap((s) => (s.Effect === 'Allow' ? awsPrincipals(s).flatMap((p) => checkArn(address, `${what} principal`, p, others, `Principal::${isUnknown(p) ? p.$unknown : p}`)) : []));
}

function replicationTargets(r: ResourceModel, others: OtherEnvironments): RuleOutcome[] {
  const out: RuleOutcome[] = [];
  for (const rule of blocks(r.values.rule)) {
    for (const dest of blocks(isRecord(rule) ? rule.destination : undefined)) {
      if (!isRecord(dest)) continue;
      out.push(...checkArn(r.address, 'replication destination account', typeof dest.account === 'string' ? `${dest.account}` : dest.account, others, 'Destination'));
      const bucket = dest.bucket;
      if (isUnknown(bucket) && !isSpecificUnknown(bucket)) out.push(unknown(r.address, `replication destination ${bucket.$unknown} cannot be resolved.`, 'Destination'));
      if (typeof bucket === 'string') {
        const name = bucket.replace(/^arn:[^:]*:s3:::/, '');
        const env = others.buckets.get(name);
        if (env !== undefined) out.push(fail(r.address, `replicates to bucket ${name} of environment ${env}.`, 'Destination'));
      }
    }
  }
  return out;
}

function remoteState(r: ResourceModel, others: OtherEnvironments): RuleOutcome[] {
  const config = r.values.config;
  if (isUnknown(config)) return [unknown(r.address, `the remote state config cannot be resolved (${config.$unknown}).`)];
  const bucket = isRecord(config) ? config.bucket : undefined;
  if (isUnknown(bucket)) return [unknown(r.address, `the remote state bucket cannot be resolved (${bucket.$unknown}).`)];
  const env = typeof bucket === 'string' ? others.stateBuckets.get(bucket) : undefined;
  return env === undefined ? [] : [fail(r.address, `reads the state of environment ${env} (bucket ${bucket}).`, 'RemoteState')];
}

const TYPES = ['aws_iam_role', 'aws_kms_key', 'aws_kms_grant', 'aws_s3_bucket_replication_configuration', 'aws_s3_bucket_policy'];

/** TF-SEP-3: nothing in one environment grants or reads across to another. */
export const noCrossEnvironmentAccess = defineRule(
  {
    id: 'TF-SEP-3',
    title: "Ensure no IAM trust, KMS grant or key policy, S3 replication or remote state reaches another environment's account or state",
    category: 'account-separation',
    level: 'error',
    resourceTypes: [...TYPES, 'data.terraform_remote_state'],
    remediation:
      'Keep each environment self-contained: promote artifacts through a registry or a pipeline, not through trust, key grants, replication or shared state. Cross-environment access lets a compromise of dev reach prod.',
    references: {},
  },
  (stack, context) => {
    const others = otherEnvironments(stack, context.stacks);
    const out = checkEach(stack, TYPES, (r) => {
      const problems =
        r.type === 'aws_iam_role'
          ? principalsOf(r.address, r.values.assume_role_policy, 'trust', others)
          : r.type === 'aws_kms_key'
            ? principalsOf(r.address, r.values.policy, 'key policy', others)
            : r.type === 'aws_s3_bucket_policy'
              ? principalsOf(r.address, r.values.policy, 'bucket policy', others)
              : r.type === 'aws_kms_grant'
                ? checkArn(r.address, 'grantee', r.values.grantee_principal, others, 'Grantee')
                : replicationTargets(r, others);
      return problems.length > 0 ? problems : pass(r.address, 'stays within its environment.');
    });
    for (const r of stack.dataSources.values()) {
      if (r.type !== 'terraform_remote_state') continue;
      const problems = remoteState(r, others);
      out.push(...(problems.length > 0 ? problems : [pass(r.address, 'reads state of its own environment.')]));
    }
    return out;
  },
);
