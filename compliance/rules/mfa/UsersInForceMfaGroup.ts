import { Verdict, YES } from '../../iam/conditions';
import { forceMfaVerdict } from '../../iam/mfa';
import { normalizePolicy } from '../../policy';
import { defineRule, fail, isUnknown, listOf, pass, resourcesOf, unknown, UnknownValue } from '../../rule-kit';
import { ResourceModel, RuleOutcome, StackModel } from '../../types';

/** A name, or the address of the resource whose name it references. */
type NameRef = { readonly name: string } | { readonly address: string } | { readonly unknown: UnknownValue };

function nameRef(value: unknown, type: string): NameRef {
  if (typeof value === 'string') return { name: value };
  if (isUnknown(value)) {
    const ref = value.refs.find((r) => r.startsWith(`${type}.`));
    if (ref !== undefined && value.refs.length === 1) return { address: ref.split('.').slice(0, 2).join('.') };
    return { unknown: value };
  }
  return { unknown: { $unknown: JSON.stringify(value) ?? 'undefined', refs: [] } };
}

/** Resources of one type found by address or by their `name`, built once per stack so every lookup is O(1). */
class ByName {
  private readonly byAddress = new Map<string, ResourceModel>();
  private readonly byName = new Map<string, ResourceModel>();

  constructor(resources: readonly ResourceModel[]) {
    for (const r of resources) {
      this.byAddress.set(r.address, r);
      if (typeof r.values.name === 'string' && !this.byName.has(r.values.name)) this.byName.set(r.values.name, r);
    }
  }

  find(ref: NameRef): ResourceModel | undefined {
    if ('address' in ref) return this.byAddress.get(ref.address);
    if ('name' in ref) return this.byName.get(ref.name);
    return undefined;
  }
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

const NO_POLICY: Verdict = { kind: 'no', reason: 'it has no policy' };

function policyVerdict(raw: unknown): Verdict {
  const doc = normalizePolicy(raw);
  if (doc === undefined) return NO_POLICY;
  if (isUnknown(doc)) return { kind: 'unknown', reason: `a policy cannot be read (${doc.$unknown})` };
  return forceMfaVerdict(doc);
}

/** The best of several verdicts: one `yes` suffices, else `unknown` beats `no`. */
function best(verdicts: readonly Verdict[], none: Verdict): Verdict {
  return verdicts.find((v) => v.kind === 'yes') ?? verdicts.find((v) => v.kind === 'unknown') ?? verdicts.find((v) => v !== NO_POLICY) ?? verdicts[0] ?? none;
}

/**
 * Every group of the stack with the policies that reach it, and every user
 * with its groups: one pass over the stack, so the rule stays linear.
 */
interface GroupIndex {
  /** Group address → verdicts of its inline and attached policies. */
  readonly policies: Map<string, Verdict[]>;
  /** User address → its groups. */
  readonly groups: Map<string, ResourceModel[]>;
  /** Users some membership of which cannot be resolved. */
  readonly unresolved: Set<string>;
  /** Whether some membership names users that cannot be resolved (it may include anyone). */
  readonly anyUnresolved: boolean;
}

function indexGroups(stack: StackModel): GroupIndex {
  const groups = new ByName(resourcesOf(stack, 'aws_iam_group'));
  const users = new ByName(resourcesOf(stack, 'aws_iam_user'));
  const policies = new Map<string, Verdict[]>();
  for (const gp of resourcesOf(stack, 'aws_iam_group_policy')) {
    const group = groups.find(nameRef(gp.values.group, 'aws_iam_group'));
    if (group) push(policies, group.address, policyVerdict(gp.values.policy));
  }
  const attach = (group: ResourceModel | undefined, arn: unknown) => {
    if (!group) return;
    const policyRef = isUnknown(arn) ? arn.refs.find((r) => r.startsWith('aws_iam_policy.')) : undefined;
    const policy = policyRef ? stack.resources.get(policyRef.split('.').slice(0, 2).join('.')) : undefined;
    if (policy) push(policies, group.address, policyVerdict(policy.values.policy));
    // An AWS managed policy never contains a force-MFA deny; any other policy outside the stack is unseen.
    else if (typeof arn === 'string' && /^arn:aws[\w-]*:iam::aws:policy\//.test(arn)) push(policies, group.address, { kind: 'no', reason: `${arn} is an AWS managed policy` });
    else push(policies, group.address, { kind: 'unknown', reason: `the attached policy ${isUnknown(arn) ? arn.$unknown : JSON.stringify(arn)} cannot be read` });
  };
  for (const a of resourcesOf(stack, 'aws_iam_group_policy_attachment')) attach(groups.find(nameRef(a.values.group, 'aws_iam_group')), a.values.policy_arn);
  for (const a of resourcesOf(stack, 'aws_iam_policy_attachment')) for (const g of listOf(a.values.groups)) attach(groups.find(nameRef(g, 'aws_iam_group')), a.values.policy_arn);

  const memberOf = new Map<string, ResourceModel[]>();
  const unresolved = new Set<string>();
  let anyUnresolved = false;
  const join = (user: ResourceModel | undefined, groupRef: NameRef) => {
    if (!user) return;
    if ('unknown' in groupRef) unresolved.add(user.address);
    const group = groups.find(groupRef);
    if (group) push(memberOf, user.address, group);
  };
  for (const m of resourcesOf(stack, 'aws_iam_group_membership')) {
    if (isUnknown(m.values.users)) anyUnresolved = true;
    const groupRef = nameRef(m.values.group, 'aws_iam_group');
    for (const u of listOf(m.values.users)) {
      const ref = nameRef(u, 'aws_iam_user');
      if ('unknown' in ref) anyUnresolved = true;
      join(users.find(ref), groupRef);
    }
  }
  for (const m of resourcesOf(stack, 'aws_iam_user_group_membership')) {
    const ref = nameRef(m.values.user, 'aws_iam_user');
    if ('unknown' in ref) anyUnresolved = true;
    for (const g of listOf(m.values.groups)) join(users.find(ref), nameRef(g, 'aws_iam_group'));
  }
  return { policies, groups: memberOf, unresolved, anyUnresolved };
}

/**
 * Whether an SCP attachment target holds the accounts of `users`: the root
 * holds every account, an account ID only itself. An OU holds accounts the
 * JSON cannot name (account IDs are computed), so it is unknown, as is any
 * target the gate cannot resolve.
 */
function targetCovers(target: unknown, users: StackModel): Verdict {
  if (isUnknown(target)) {
    if (target.refs.length > 0 && target.refs.every((r) => /^aws_organizations_organization\.[\w-]+\.roots/.test(r))) return YES;
    return { kind: 'unknown', reason: `the SCP target ${target.$unknown} cannot be resolved to the root or the users' account` };
  }
  if (typeof target !== 'string') return { kind: 'unknown', reason: `the SCP target ${JSON.stringify(target)} is not an ID` };
  if (/^r-[0-9a-z]{4,32}$/.test(target)) return YES;
  if (/^\d{12}$/.test(target)) {
    if (users.accounts.length === 0) return { kind: 'unknown', reason: `an SCP is attached to account ${target}, but the users' stack is not pinned to an account` };
    return users.accounts.includes(target) ? YES : { kind: 'no', reason: `an SCP is attached to account ${target}, not the users' account` };
  }
  return { kind: 'unknown', reason: `an SCP is attached to ${target}; the gate cannot tell whether the users' account is in it` };
}

/** Whether an attached SCP with a force-MFA deny, anywhere in the run, covers the users of `users`. */
function scpEnforcesMfa(stacks: readonly StackModel[], users: StackModel): Verdict {
  const verdicts: Verdict[] = [];
  for (const org of stacks) {
    const policies = resourcesOf(org, 'aws_organizations_policy');
    if (policies.length === 0) continue;
    // SCPs never restrict the management account, the one holding the organization.
    const management = resourcesOf(org, 'aws_organizations_organization').length > 0 && org.accounts.some((a) => users.accounts.includes(a));
    const attachmentsOf = new Map<string, ResourceModel[]>();
    for (const a of resourcesOf(org, 'aws_organizations_policy_attachment')) {
      const id = a.values.policy_id;
      if (!isUnknown(id)) continue;
      for (const r of id.refs) if (r.startsWith('aws_organizations_policy.')) push(attachmentsOf, r.split('.').slice(0, 2).join('.'), a);
    }
    for (const p of policies) {
      const type = p.values.type ?? 'SERVICE_CONTROL_POLICY';
      if (type !== 'SERVICE_CONTROL_POLICY' && !isUnknown(type)) continue;
      const content = policyVerdict(p.values.content);
      if (content.kind === 'no') continue;
      for (const a of attachmentsOf.get(p.address) ?? []) {
        if (management) {
          verdicts.push({ kind: 'no', reason: `${p.address} cannot restrict the management account that holds these users` });
          continue;
        }
        const target = targetCovers(a.values.target_id, users);
        if (isUnknown(type)) verdicts.push({ kind: 'unknown', reason: `the type of ${p.address} cannot be resolved` });
        else if (content.kind === 'unknown') verdicts.push({ kind: 'unknown', reason: `${p.address}: ${content.reason}` });
        else verdicts.push(target);
      }
    }
  }
  return best(verdicts, { kind: 'no', reason: 'no attached SCP enforces MFA' });
}

/** TF-MFA-1: every human with a password or an access key is forced onto MFA. */
export const UsersInForceMfaGroup = defineRule(
  {
    id: 'TF-MFA-1',
    title: 'Ensure IAM users with a console password or access keys are in a group with a force-MFA deny, or covered by an SCP that does it',
    category: 'mfa',
    level: 'error',
    resourceTypes: ['aws_iam_user', 'aws_iam_user_login_profile', 'aws_iam_access_key', 'aws_iam_group_membership', 'aws_iam_user_group_membership'],
    remediation:
      'Put the user in a group whose policy denies every action except MFA enrolment ("NotAction": only iam:ChangePassword, iam:GetAccountPasswordPolicy, iam:GetUser, iam:GetLoginProfile, iam:GetMFADevice, iam:CreateVirtualMFADevice, iam:EnableMFADevice, iam:ListMFADevices, iam:ListVirtualMFADevices, iam:ResyncMFADevice, iam:ListUsers and sts:GetSessionToken) on "*" with "BoolIfExists": {"aws:MultiFactorAuthPresent": "false"} as its only condition, or attach an SCP with that deny to the root or to the users\' account. Exempting anything else (iam:CreateAccessKey, sts:AssumeRole, iam:*, …) is an escape hatch. Without it a stolen password or key works without a second factor.',
    references: { cis: 'CIS AWS v5.0.0 1.9', cdkNag: ['NIST.800.53.R5-IAMUserGroupMembership'] },
  },
  (stack, context) => {
    const out: RuleOutcome[] = [];
    const credentialed = new Map<string, ResourceModel>();
    const users = new ByName(resourcesOf(stack, 'aws_iam_user'));
    for (const cred of resourcesOf(stack, 'aws_iam_user_login_profile', 'aws_iam_access_key')) {
      const ref = nameRef(cred.values.user, 'aws_iam_user');
      const user = users.find(ref);
      if (user) credentialed.set(user.address, user);
      else out.push(unknown(cred.address, `the credential's user ${'unknown' in ref ? ref.unknown.$unknown : JSON.stringify(cred.values.user)} is not defined in this stack, so its groups cannot be checked.`));
    }
    if (credentialed.size === 0) return out;
    const scp = scpEnforcesMfa(context.stacks, stack);
    const index = indexGroups(stack);
    for (const user of credentialed.values()) {
      const groups = index.groups.get(user.address) ?? [];
      const unresolved = index.anyUnresolved || index.unresolved.has(user.address);
      const group = best(
        groups.map((g) => best(index.policies.get(g.address) ?? [], NO_POLICY)),
        { kind: 'no', reason: 'the user belongs to no group' },
      );
      if (group.kind === 'yes') out.push(pass(user.address, 'a group of the user enforces MFA.'));
      else if (scp.kind === 'yes') out.push(pass(user.address, 'an attached SCP enforces MFA.'));
      else if (unresolved || group.kind === 'unknown' || scp.kind === 'unknown') {
        const why = [unresolved ? "the user's groups cannot be fully resolved" : '', group.kind === 'unknown' ? group.reason : '', scp.kind === 'unknown' ? scp.reason : ''].filter((s) => s !== '');
        out.push(unknown(user.address, `cannot tell whether MFA is enforced: ${why.join('; ')}.`));
      } else {
        const groupWhy = groups.length === 0 ? 'the user has credentials but belongs to no group' : `none of the user's groups (${groups.map((g) => g.address).join(', ')}) has a force-MFA deny: ${group.reason}`;
        out.push(fail(user.address, `${groupWhy}; ${scp.reason}.`));
      }
    }
    return out;
  },
);
