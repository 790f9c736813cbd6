import { isCorrectMfaDenyCondition } from '../../iam/principals';
import { normalizePolicy, PolicyDocument, PolicyValue } from '../../policy';
import { defineRule, fail, pass, resourcesOf, unknown } from '../../rule-kit';
import { ResourceModel, RuleOutcome, StackModel } from '../../types';
import { isUnknown, listValue, UnknownValue } from '../../values';

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

function refersTo(ref: NameRef, resource: ResourceModel): boolean {
  if ('address' in ref) return ref.address === resource.address;
  if ('name' in ref) return resource.values.name === ref.name;
  return false;
}

/**
 * A force-MFA deny: Deny everything (Action "*", or NotAction limited to the
 * calls a user needs to enrol a device) on every resource unless the session
 * has MFA, tested with BoolIfExists so access-key calls are caught too.
 */
export function isForceMfaDeny(document: PolicyDocument): boolean {
  return document.statements.some((s) => {
    if (s.Effect !== 'Deny' || !isCorrectMfaDenyCondition(s)) return false;
    const everyResource = s.Resource.includes('*') || (s.NotResource !== undefined && s.NotResource.every((r) => typeof r === 'string' && r.includes('mfa')));
    const allActions = s.Action.includes('*') || (s.NotAction !== undefined && s.NotAction.every(isEnrolmentAction));
    return everyResource && allActions;
  });
}

/** NotAction entries a force-MFA deny may leave open: only IAM self-service and session calls, never a wildcard service. */
function isEnrolmentAction(a: PolicyValue): boolean {
  return typeof a === 'string' && /^(iam|sts):[A-Za-z]+$/.test(a);
}

type Verdict = 'yes' | 'no' | 'unknown';

function policyVerdict(raw: unknown): Verdict {
  const doc = normalizePolicy(raw);
  if (doc === undefined) return 'no';
  if (isUnknown(doc)) return 'unknown';
  return isForceMfaDeny(doc) ? 'yes' : 'no';
}

/** Does the group (in this stack) carry a force-MFA deny, inline or attached? */
function groupEnforcesMfa(stack: StackModel, group: ResourceModel): Verdict {
  const verdicts: Verdict[] = [];
  for (const gp of resourcesOf(stack, 'aws_iam_group_policy')) {
    if (refersTo(nameRef(gp.values.group, 'aws_iam_group'), group)) verdicts.push(policyVerdict(gp.values.policy));
  }
  const attachments = [
    ...resourcesOf(stack, 'aws_iam_group_policy_attachment').filter((a) => refersTo(nameRef(a.values.group, 'aws_iam_group'), group)),
    ...resourcesOf(stack, 'aws_iam_policy_attachment').filter((a) => listValue(a.values.groups).some((g) => refersTo(nameRef(g, 'aws_iam_group'), group))),
  ];
  for (const a of attachments) {
    const arn = a.values.policy_arn;
    const policyRef = isUnknown(arn) ? arn.refs.find((r) => r.startsWith('aws_iam_policy.')) : undefined;
    const policy = policyRef ? stack.resources.get(policyRef.split('.').slice(0, 2).join('.')) : undefined;
    // An AWS managed policy never contains a force-MFA deny.
    verdicts.push(policy ? policyVerdict(policy.values.policy) : isUnknown(arn) ? 'unknown' : 'no');
  }
  return verdicts.includes('yes') ? 'yes' : verdicts.includes('unknown') ? 'unknown' : 'no';
}

/** Groups (resources of the stack) a user belongs to, plus whether some membership could not be resolved. */
function groupsOf(stack: StackModel, user: ResourceModel): { groups: ResourceModel[]; unresolved: boolean } {
  const groups = resourcesOf(stack, 'aws_iam_group');
  const found = new Set<ResourceModel>();
  let unresolved = false;
  const addGroup = (ref: NameRef) => {
    if ('unknown' in ref) unresolved = true;
    const g = groups.find((x) => refersTo(ref, x));
    if (g) found.add(g);
  };
  for (const m of resourcesOf(stack, 'aws_iam_group_membership')) {
    const users = listValue(m.values.users);
    if (isUnknown(m.values.users)) unresolved = true;
    if (users.some((u) => refersTo(nameRef(u, 'aws_iam_user'), user))) addGroup(nameRef(m.values.group, 'aws_iam_group'));
  }
  for (const m of resourcesOf(stack, 'aws_iam_user_group_membership')) {
    const ref = nameRef(m.values.user, 'aws_iam_user');
    if ('unknown' in ref) unresolved = true;
    if (refersTo(ref, user)) for (const g of listValue(m.values.groups)) addGroup(nameRef(g, 'aws_iam_group'));
  }
  return { groups: [...found], unresolved };
}

/** An attached SCP with a force-MFA deny anywhere in the run covers every user of the organization. */
function scpEnforcesMfa(stacks: readonly StackModel[]): boolean {
  return stacks.some((stack) =>
    resourcesOf(stack, 'aws_organizations_policy').some((p) => {
      const type = p.values.type ?? 'SERVICE_CONTROL_POLICY';
      if (type !== 'SERVICE_CONTROL_POLICY' || policyVerdict(p.values.content) !== 'yes') return false;
      return resourcesOf(stack, 'aws_organizations_policy_attachment').some((a) => isUnknown(a.values.policy_id) && a.values.policy_id.refs.some((r) => r.startsWith(`${p.address}.`)));
    }),
  );
}

/** TF-MFA-1: every human with a password or an access key is forced onto MFA. */
export const usersInForceMfaGroup = defineRule(
  {
    id: 'TF-MFA-1',
    title: 'Ensure IAM users with a console password or access keys are in a group with a force-MFA deny, or covered by an SCP that does it',
    category: 'mfa',
    level: 'error',
    resourceTypes: ['aws_iam_user', 'aws_iam_user_login_profile', 'aws_iam_access_key', 'aws_iam_group_membership', 'aws_iam_user_group_membership'],
    remediation:
      'Put the user in a group whose policy denies every action except MFA enrolment ("NotAction": the iam:*MFADevice*, iam:ChangePassword, iam:GetUser and sts:GetSessionToken calls) on "*" with "BoolIfExists": {"aws:MultiFactorAuthPresent": "false"}, or attach an SCP with that deny. Without it a stolen password or key works without a second factor.',
    references: { cis: 'CIS AWS v7.0 2.10', cdkNag: ['NIST.800.53.R5-IAMUserGroupMembership'] },
  },
  (stack, context) => {
    const out: RuleOutcome[] = [];
    const credentialed = new Map<string, ResourceModel>();
    const users = resourcesOf(stack, 'aws_iam_user');
    for (const cred of resourcesOf(stack, 'aws_iam_user_login_profile', 'aws_iam_access_key')) {
      const ref = nameRef(cred.values.user, 'aws_iam_user');
      const user = users.find((u) => refersTo(ref, u));
      if (user) credentialed.set(user.address, user);
      else out.push(unknown(cred.address, `the credential's user ${'unknown' in ref ? ref.unknown.$unknown : JSON.stringify(cred.values.user)} is not defined in this stack, so its groups cannot be checked.`));
    }
    const coveredByScp = credentialed.size > 0 && scpEnforcesMfa(context.stacks);
    for (const user of credentialed.values()) {
      if (coveredByScp) {
        out.push(pass(user.address, 'an attached SCP enforces MFA.'));
        continue;
      }
      const { groups, unresolved } = groupsOf(stack, user);
      const verdicts = groups.map((g) => groupEnforcesMfa(stack, g));
      if (verdicts.includes('yes')) out.push(pass(user.address, 'a group of the user enforces MFA.'));
      else if (unresolved || verdicts.includes('unknown')) out.push(unknown(user.address, 'the user\'s groups or their policies cannot be fully resolved.'));
      else out.push(fail(user.address, groups.length === 0 ? 'the user has credentials but belongs to no group.' : `none of the user's groups (${groups.map((g) => g.address).join(', ')}) has a force-MFA deny.`));
    }
    return out;
  },
);
