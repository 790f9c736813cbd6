import { blocksOf, checkEach, defineRule, fail, isRecord, isUnknown, pass, unknown } from '../../rule-kit';
import { ResourceModel, RuleOutcome } from '../../types';
import { distinct, SeparationView, stateFileOf } from '../../rule-helpers/separation';

function destinationProblems(view: SeparationView, r: ResourceModel, dest: Record<string, unknown>, accountKey: string): RuleOutcome[] {
  const out: RuleOutcome[] = [];
  const account = dest[accountKey];
  if (account !== undefined && account !== null) {
    const o = view.judgeValue(r.address, 'replication destination account', typeof account === 'number' ? String(account) : account, 'Destination::account');
    if (o !== undefined) out.push(o);
  }
  const bucket = dest.bucket;
  if (typeof bucket === 'string' && !bucket.includes('${')) {
    const name = bucket.replace(/^arn:[^:]*:s3:::/, '');
    const owner = view.bucketOwner(name) ?? view.stateBucketOwner(name);
    if (owner !== undefined) out.push(fail(r.address, `replicates to bucket ${name} of environment ${owner}.`, `Destination::${name}`));
  } else if (bucket !== undefined) {
    const o = view.judgeValue(r.address, 'replication destination bucket', bucket, 'Destination::bucket');
    if (o !== undefined) out.push(o);
  }
  return out;
}

/** Both replication forms: the standalone resource (`rule[].destination[]`) and the legacy inline block (`rules[].destination[]`). */
function replicationProblems(view: SeparationView, r: ResourceModel): RuleOutcome[] {
  const inline = r.type === 'aws_s3_bucket';
  const config = inline ? r.values.replication_configuration : r.values;
  if (isUnknown(config)) return [unknown(r.address, `the replication configuration cannot be resolved (${config.$unknown}).`)];
  const out: RuleOutcome[] = [];
  for (const c of inline ? blocksOf(config) : [r.values]) {
    const rules = inline ? c.rules : c.rule;
    if (isUnknown(rules)) out.push(unknown(r.address, `the replication rules cannot be resolved (${rules.$unknown}).`));
    for (const rule of blocksOf(rules)) {
      if (isUnknown(rule.destination)) out.push(unknown(r.address, `a replication destination cannot be resolved (${rule.destination.$unknown}).`));
      for (const dest of blocksOf(rule.destination)) out.push(...destinationProblems(view, r, dest, inline ? 'account_id' : 'account'));
    }
  }
  return out;
}

function remoteStateProblems(view: SeparationView, r: ResourceModel): RuleOutcome[] {
  const config = r.values.config;
  if (isUnknown(config)) return [unknown(r.address, `the remote state config cannot be resolved (${config.$unknown}).`)];
  if (!isRecord(config)) return [];
  const out: RuleOutcome[] = [];
  for (const role of [config.role_arn, ...blocksOf(config.assume_role).map((b) => b.role_arn)]) {
    if (role === undefined) continue;
    const o = view.judgeValue(r.address, 'remote state role', role, 'RemoteState::role');
    if (o !== undefined) out.push(o);
  }
  const backend = r.values.backend;
  if (backend === 's3') {
    const bucket = config.bucket;
    if (typeof bucket !== 'string' || bucket.includes('${')) out.push(unknown(r.address, `the remote state bucket cannot be resolved (${isUnknown(bucket) ? bucket.$unknown : String(bucket)}).`, 'RemoteState'));
    else {
      const owner = view.stateBucketOwner(bucket);
      if (owner !== undefined) out.push(fail(r.address, `reads the state of environment ${owner} (bucket ${bucket}).`, 'RemoteState'));
      else if (!view.isDeclaredState(bucket)) out.push(view.undeclared(r.address, `reads state from bucket ${bucket}`, 'RemoteState'));
    }
  } else if (backend === 'local') {
    const file = stateFileOf('local', config);
    const owner = file === undefined ? undefined : view.stateFileOwner(file);
    if (file === undefined) out.push(unknown(r.address, 'the remote state path cannot be resolved.', 'RemoteState'));
    else if (owner !== undefined) out.push(fail(r.address, `reads the state of environment ${owner} (${file}).`, 'RemoteState'));
  } else {
    out.push(unknown(r.address, `reads state through the ${isUnknown(backend) ? backend.$unknown : String(backend)} backend, whose owner the gate cannot tell.`, 'RemoteState'));
  }
  return out;
}

/** TF-SEP-5: an environment neither copies its data into another environment nor reads another's state. */
export const StateAndReplicationStayInEnvironment = defineRule(
  {
    id: 'TF-SEP-5',
    title: "Ensure no S3 replication writes into, and no terraform_remote_state reads from, another environment's account, bucket or state",
    category: 'account-separation',
    level: 'error',
    resourceTypes: ['aws_s3_bucket', 'aws_s3_bucket_replication_configuration', 'data.terraform_remote_state'],
    remediation:
      "Replicate only within the environment's own account (for example to another Region), and pass values between stacks of the same environment only. Reading another environment's state exposes every secret in it; replicating into it copies customer data out of production. An account that no stack of the run declares fails from a production stack and is unknown from any other (it may be production's): check every stack of the app in one run.",
    references: {},
  },
  (stack, context) => {
    const view = new SeparationView(stack, context);
    const out = checkEach(stack, ['aws_s3_bucket', 'aws_s3_bucket_replication_configuration'], (r) => {
      if (r.type === 'aws_s3_bucket' && r.values.replication_configuration === undefined) return [];
      const problems = distinct(replicationProblems(view, r));
      return problems.length > 0 ? problems : pass(r.address, 'replicates within its environment.');
    });
    for (const r of stack.dataSources.values()) {
      if (r.type !== 'terraform_remote_state') continue;
      const problems = distinct(remoteStateProblems(view, r));
      out.push(...(problems.length > 0 ? problems : [pass(r.address, 'reads state of its own environment.')]));
    }
    return out;
  },
);
