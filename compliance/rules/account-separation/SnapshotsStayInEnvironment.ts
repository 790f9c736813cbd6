import { checkEach, defineRule, fail, isUnknown, listOf, pass, unknown } from '../../rule-kit';
import { ResourceModel, RuleOutcome } from '../../types';
import { distinct, SeparationView } from '../../rule-helpers/separation';

/** RDS snapshot types whose `shared_accounts` makes the snapshot restorable elsewhere ("all" = public). */
const SHARED_ACCOUNTS_TYPES = ['aws_db_snapshot', 'aws_db_cluster_snapshot', 'aws_db_snapshot_copy', 'aws_rds_cluster_snapshot_copy'];
const TYPES = ['aws_snapshot_create_volume_permission', 'aws_ami_launch_permission', ...SHARED_ACCOUNTS_TYPES];

function account(view: SeparationView, r: ResourceModel, attribute: string, value: unknown): RuleOutcome[] {
  if (value === undefined || value === null) return [];
  if (value === 'all') return [fail(r.address, `${attribute} "all" shares the snapshot with every AWS account, other environments included.`, `${attribute}::all`)];
  const text = isUnknown(value) ? value.$unknown : String(value);
  const o = view.judgeValue(r.address, `shared with ${attribute}`, typeof value === 'number' ? text : value, `${attribute}::${text}`);
  return o === undefined ? [] : [o];
}

function sharing(view: SeparationView, r: ResourceModel): RuleOutcome[] {
  const v = r.values;
  if (SHARED_ACCOUNTS_TYPES.includes(r.type)) {
    if (isUnknown(v.shared_accounts)) return [unknown(r.address, `shared_accounts cannot be resolved (${v.shared_accounts.$unknown}).`, 'shared_accounts')];
    return listOf(v.shared_accounts).flatMap((a) => account(view, r, 'shared_accounts', a));
  }
  const out = account(view, r, 'account_id', v.account_id);
  if (r.type === 'aws_ami_launch_permission') {
    if (v.group === 'all') out.push(fail(r.address, 'group "all" makes the AMI public, other environments included.', 'group::all'));
    else if (isUnknown(v.group)) out.push(unknown(r.address, `group ${v.group.$unknown} cannot be resolved.`, 'group'));
    if (v.organization_arn !== undefined) out.push(fail(r.address, 'shares the AMI with the whole organization, whose accounts include the other environments.', 'organization_arn'));
    if (v.organizational_unit_arn !== undefined) out.push(unknown(r.address, 'shares the AMI with an organizational unit; the gate cannot tell which environments its accounts belong to.', 'organizational_unit_arn'));
  }
  return out;
}

/** TF-SEP-8: snapshots and images are not shared into another environment's account. */
export const SnapshotsStayInEnvironment = defineRule(
  {
    id: 'TF-SEP-8',
    title: "Ensure no EBS snapshot, AMI or RDS snapshot is shared with another environment's account, the organization or the public",
    category: 'account-separation',
    level: 'error',
    resourceTypes: TYPES,
    remediation:
      "Share snapshots and images only within the environment's own account. A prod snapshot shared with dev is a full copy of customer data in dev; promote images through a build pipeline that produces one per environment. An account that no stack of the run declares fails from a production stack and is unknown from any other (it may be production's): check every stack of the app in one run.",
    references: {},
  },
  (stack, context) => {
    const view = new SeparationView(stack, context);
    return checkEach(stack, TYPES, (r) => {
      const problems = distinct(sharing(view, r));
      return problems.length > 0 ? problems : pass(r.address, 'shared with no other environment.');
    });
  },
);
