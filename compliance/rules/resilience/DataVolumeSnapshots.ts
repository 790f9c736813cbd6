import { DATA_CLASS_TAG } from '../../../core/tags';
import { checkEach, decide, defineRule, effectiveTags, isRecord, isUnresolved, listOf, resourcesOf, type Tri } from '../../rule-kit';
import { CheckContext, ResourceModel, StackModel } from '../../types';
import { nestedBlock, nestedBlocks } from '../../rule-helpers/blocks';
import { isDataVolume } from '../../rule-helpers/data-volumes';
import { bareReference } from '../../rule-helpers/references';

/** TF-RES-6: tenant data volumes are covered by a snapshot schedule. */
export const DataVolumeSnapshots = defineRule(
  {
    id: 'TF-RES-6',
    title: 'Ensure tenant data volumes are covered by a DLM snapshot policy or an AWS Backup selection',
    category: 'resilience',
    level: 'error',
    resourceTypes: ['aws_ebs_volume', 'aws_dlm_lifecycle_policy', 'aws_backup_selection'],
    remediation:
      'Target the volume with an enabled `aws_dlm_lifecycle_policy` (`policy_type = "EBS_SNAPSHOT_MANAGEMENT"`, `resource_types = ["VOLUME"]`, a schedule, `target_tags` that the volume carries) or an `aws_backup_selection` (its ARN in `resources`, or a `selection_tag` it matches, and not in `not_resources`). The policy may live in another stack of the same environment.',
    references: { cdkNag: ['NIST.800.53.R5-EC2EBSInBackupPlan'] },
  },
  (stack, context) => {
    const peers = snapshotPeers(stack, context);
    const coverers = peers.flatMap((peer) => [...resourcesOf(peer, 'aws_dlm_lifecycle_policy').map((p) => ({ peer, p })), ...resourcesOf(peer, 'aws_backup_selection').map((p) => ({ peer, p }))]);
    return checkEach(stack, ['aws_ebs_volume'], (volume) => {
      const data = isDataVolume(stack, volume);
      if (data === false) return [];
      if (data === 'unknown') return decide(volume.address, [], [`its tags are computed, so it may carry ${DATA_CLASS_TAG}`], '');
      const tags = effectiveTags(stack, volume);
      const verdicts = coverers.map(({ peer, p }) => (p.type === 'aws_dlm_lifecycle_policy' ? dlmCovers(p, tags) : backupCovers(p, peer === stack, volume, tags)));
      if (verdicts.includes(true)) return decide(volume.address, [], [], 'covered by a snapshot schedule');
      if (verdicts.includes('unknown')) return decide(volume.address, [], ['a snapshot policy has unresolved targets'], '');
      return decide(volume.address, ['no DLM policy or AWS Backup selection covers it'], [], '');
    });
  },
);

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
      if (resourcesOf(s, 'aws_dlm_lifecycle_policy', 'aws_backup_selection').length === 0) continue;
      index.set(s.environment, [...(index.get(s.environment) ?? []), s]);
    }
    policyStacksByRun.set(context, index);
  }
  const peers = stack.environment === undefined ? [] : (index.get(stack.environment) ?? []);
  return peers.includes(stack) ? peers : [stack, ...peers];
}

function tagsMatch(wanted: unknown, tags: Record<string, unknown>): Tri {
  if (isUnresolved(wanted)) return 'unknown';
  if (!isRecord(wanted)) return isUnresolved(wanted) || wanted !== undefined ? 'unknown' : false;
  if (Object.keys(wanted).length === 0) return false;
  let unknown = false;
  for (const [k, v] of Object.entries(wanted)) {
    if (isUnresolved(k) || isUnresolved(v) || isUnresolved(tags[k])) unknown = true;
    else if (tags[k] !== v) return false;
  }
  return unknown ? 'unknown' : true;
}

function dlmCovers(policy: ResourceModel, tags: Record<string, unknown>): Tri {
  const state = policy.values.state ?? 'ENABLED';
  if (isUnresolved(state)) return 'unknown';
  if (state !== 'ENABLED') return false;
  const details = nestedBlock(policy.values.policy_details);
  if (details === 'unknown') return 'unknown';
  const type = details.policy_type ?? 'EBS_SNAPSHOT_MANAGEMENT';
  if (isUnresolved(type)) return 'unknown';
  if (type !== 'EBS_SNAPSHOT_MANAGEMENT') return false;
  if (isUnresolved(details.resource_types)) return 'unknown';
  const types = listOf(details.resource_types ?? ['VOLUME']);
  if (!types.includes('VOLUME')) return types.some(isUnresolved) ? 'unknown' : false;
  const schedules = nestedBlocks(details.schedule);
  if (schedules === 'unknown') return 'unknown';
  if (schedules.length === 0) return false;
  return tagsMatch(details.target_tags, tags);
}

/**
 * Whether one entry of `resources` / `not_resources` names the volume: `*`
 * and every-volume ARNs do; a reference names the volume only in its own
 * stack (in a peer stack it is that stack's resource); other wildcards and
 * expressions could.
 */
function namesVolume(entry: unknown, volume: ResourceModel, sameStack: boolean): Tri {
  if (entry === '*' || (typeof entry === 'string' && /^arn:aws[\w-]*:ec2:[^:]*:[^:]*:volume\/\*$/.test(entry))) return true;
  const ref = bareReference(entry);
  if (ref !== undefined) return ref.address.startsWith('data.') ? 'unknown' : sameStack && ref.address === volume.address;
  if (typeof entry === 'string' && !isUnresolved(entry)) return entry.includes('*') ? 'unknown' : false;
  return 'unknown';
}

function backupCovers(selection: ResourceModel, sameStack: boolean, volume: ResourceModel, tags: Record<string, unknown>): Tri {
  const excluded = listOf(selection.values.not_resources).map((r) => namesVolume(r, volume, sameStack));
  if (excluded.includes(true)) return false;
  const exclusionUnknown = excluded.includes('unknown');
  // `condition` blocks narrow the selection by tags in ways this rule does not evaluate.
  const conditions = nestedBlocks(selection.values.condition);
  const narrowed = conditions === 'unknown' || conditions.length > 0;
  const byResource = listOf(selection.values.resources).map((r) => namesVolume(r, volume, sameStack));
  const tagBlocks = nestedBlocks(selection.values.selection_tag);
  const byTag: Tri[] =
    tagBlocks === 'unknown'
      ? ['unknown']
      : tagBlocks.map((t): Tri => {
          if (isUnresolved(t.key) || isUnresolved(t.value) || isUnresolved(t.type)) return 'unknown';
          return t.type === 'STRINGEQUALS' && typeof t.key === 'string' && tags[t.key] === t.value;
        });
  const selected = [...byResource, ...byTag];
  if (selected.includes(true)) return exclusionUnknown || narrowed ? 'unknown' : true;
  return selected.includes('unknown') ? 'unknown' : false;
}
