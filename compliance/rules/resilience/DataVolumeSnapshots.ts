import { CheckContext, ResourceModel, Rule, StackModel } from '../../types';
import { decide } from '../_shared/outcomes';
import { blockOf, blocksOf, effectiveTags, isRecord, isUnresolved, listOf, pointsAt, resourcesOf } from '../_shared/values';
import { DATA_CLASS_TAG } from '../../../core/tags';

/** TF-RES-6: tenant data volumes are covered by a snapshot schedule. */
export const DataVolumeSnapshots: Rule = {
  meta: {
    id: 'TF-RES-6',
    title: 'Ensure tenant data volumes are covered by a DLM snapshot policy or an AWS Backup selection',
    category: 'resilience',
    level: 'error',
    resourceTypes: ['aws_ebs_volume', 'aws_dlm_lifecycle_policy', 'aws_backup_selection'],
    remediation:
      'Target the volume with an `aws_dlm_lifecycle_policy` (`resource_types = ["VOLUME"]`, `target_tags` that the volume carries) or an `aws_backup_selection` (its ARN in `resources`, or a `selection_tag` it matches). The policy may live in another stack of the same environment.',
    references: { cdkNag: ['NIST.800.53.R5-EC2EBSInBackupPlan'] },
    invariant: false,
  },
  check(stack, context) {
    const peers = snapshotPeers(stack, context);
    return resourcesOf(stack, 'aws_ebs_volume').flatMap((volume) => {
      const tags = effectiveTags(stack, volume);
      if (tags[DATA_CLASS_TAG] === undefined) return [];
      const verdicts = peers.flatMap((peer) => [...dlmCovers(peer, tags), ...backupCovers(peer, stack, volume, tags)]);
      if (verdicts.includes(true)) return [decide(volume.address, [], [], 'covered by a snapshot schedule')];
      if (verdicts.includes('unknown')) return [decide(volume.address, [], ['a snapshot policy has unresolved targets'], '')];
      return [decide(volume.address, ['no DLM policy or AWS Backup selection covers it'], [], '')];
    });
  },
};

type Verdict = boolean | 'unknown';

/** Per run: the stacks holding snapshot policies, by environment. Built once, not once per stack (that was quadratic). */
const policyStacksByRun = new WeakMap<CheckContext, Map<string, StackModel[]>>();

/**
 * The stack itself plus every stack of its environment that holds a DLM policy
 * or a backup selection: snapshot policies usually live in the environment's
 * platform stack, not in each tenant stack.
 */
function snapshotPeers(stack: StackModel, context: CheckContext): StackModel[] {
  let index = policyStacksByRun.get(context);
  if (index === undefined) {
    index = new Map();
    for (const s of context.stacks) {
      if (s.environment === undefined) continue;
      if (resourcesOf(s, 'aws_dlm_lifecycle_policy').length === 0 && resourcesOf(s, 'aws_backup_selection').length === 0) continue;
      index.set(s.environment, [...(index.get(s.environment) ?? []), s]);
    }
    policyStacksByRun.set(context, index);
  }
  const peers = stack.environment === undefined ? [] : (index.get(stack.environment) ?? []);
  return peers.includes(stack) ? peers : [stack, ...peers];
}

function tagsMatch(wanted: unknown, tags: Record<string, unknown>): Verdict {
  if (isUnresolved(wanted)) return 'unknown';
  if (!isRecord(wanted) || Object.keys(wanted).length === 0) return false;
  let unknown = false;
  for (const [k, v] of Object.entries(wanted)) {
    if (isUnresolved(v) || isUnresolved(tags[k])) unknown = true;
    else if (tags[k] !== v) return false;
  }
  return unknown ? 'unknown' : true;
}

function dlmCovers(stack: StackModel, tags: Record<string, unknown>): Verdict[] {
  return resourcesOf(stack, 'aws_dlm_lifecycle_policy').map((policy) => {
    if (policy.values.state === 'DISABLED') return false;
    const details = blockOf(policy.values.policy_details);
    const types = listOf(details.resource_types ?? ['VOLUME']);
    if (!types.includes('VOLUME')) return types.some(isUnresolved) ? 'unknown' : false;
    if (blocksOf(details.schedule).length === 0) return false;
    return tagsMatch(details.target_tags, tags);
  });
}

function backupCovers(peer: StackModel, home: StackModel, volume: ResourceModel, tags: Record<string, unknown>): Verdict[] {
  return resourcesOf(peer, 'aws_backup_selection').map((selection) => {
    if (peer === home && listOf(selection.values.resources).some((r) => pointsAt(r, volume))) return true;
    const byTag = blocksOf(selection.values.selection_tag).map((t): Verdict => {
      if (isUnresolved(t.key) || isUnresolved(t.value)) return 'unknown';
      return t.type === 'STRINGEQUALS' && typeof t.key === 'string' && tags[t.key] === t.value;
    });
    if (byTag.includes(true)) return true;
    return byTag.includes('unknown') ? 'unknown' : false;
  });
}
