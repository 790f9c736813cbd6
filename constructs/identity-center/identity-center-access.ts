import { SsoadminAccountAssignment, SsoadminManagedPolicyAttachment, SsoadminPermissionSet, SsoadminPermissionSetInlinePolicy } from '../../core/aws';
import { Construct, Token } from '../../core/cdktf';
import { environmentOf } from '../../core/environment-context';
import { describeConstruct, TenantformError } from '../../core/errors';
import { validateProps } from '../../core/validation';
import { assertNoWildcardActions, policyJson, PolicyStatement } from '../iam/policy';
import { awsManagedPolicyArn, partitionOf } from '../identity/arn';
import { IdentityCenterAccessPropsSchema } from './identity-center-access.schema';

/** One permission set: what a group may do in the accounts it is assigned to. */
export interface PermissionSetSpec {
  /** Shown on the sign-in portal. */
  readonly description: string;
  /**
   * How long a session lasts, in hours (1-12); short sessions mean short-lived credentials.
   * @default 1
   */
  readonly sessionDurationHours?: number;
  /**
   * AWS managed policies by name (`ReadOnlyAccess`, `job-function/ViewOnlyAccess`); admin-equivalent ones are refused.
   * @default - none
   */
  readonly managedPolicies?: readonly string[];
  /**
   * An inline policy, in the kit's statement vocabulary (no `*` actions).
   * @default - none
   */
  readonly inlinePolicy?: readonly PolicyStatement[];
}

/** A group's access to accounts through one permission set. */
export interface AccountAssignmentSpec {
  /** Key of `permissionSets`. */
  readonly permissionSet: string;
  /** Identity Store group ID (a GUID-like ID from the Identity Center console or `aws identitystore list-groups`). */
  readonly groupId: string;
  /** Accounts the group may enter with it. */
  readonly accountIds: readonly string[];
}

export interface IdentityCenterAccessProps {
  /** The Identity Center instance, `arn:aws:sso:::instance/ssoins-...`. */
  readonly instanceArn: string;
  /** Permission sets by name (1-32 letters, digits and `+=,.@-`). */
  readonly permissionSets: Readonly<Record<string, PermissionSetSpec>>;
  /** Assignments by a stable label. */
  readonly assignments: Readonly<Record<string, AccountAssignmentSpec>>;
}

/** Managed policies that hand out everything (or IAM itself); a permission set never gets them from here. */
const REFUSED_MANAGED = new Set(['AdministratorAccess', 'PowerUserAccess', 'IAMFullAccess']);
const INSTANCE_ARN = /^arn:aws[a-z-]*:sso:::instance\/(sso)?ins-[a-zA-Z0-9-.]{16}$/;
/** A permission set description as the SSO admin API takes it: 1-700 characters of tab, line breaks, printable ASCII and Latin-1. */
const SET_DESCRIPTION = /^[\t\n\r\x20-\x7E\xA1-\xFF]{1,700}$/;
const SET_NAME = /^[\w+=,.@-]{1,32}$/;
const LABEL = /^[A-Za-z][A-Za-z0-9-]{0,62}$/;
const GROUP_ID = /^([0-9a-f]{10}-|)[A-Fa-f0-9]{8}-[A-Fa-f0-9]{4}-[A-Fa-f0-9]{4}-[A-Fa-f0-9]{4}-[A-Fa-f0-9]{12}$/;
const MANAGED_NAME = /^(?:[A-Za-z0-9_+=,.@-]+\/)*[A-Za-z0-9_+=,.@-]{1,128}$/;

/**
 * People's access to the accounts, through IAM Identity Center: permission
 * sets with short sessions and least-privilege managed or inline policies,
 * and account assignments per group (never per user). MFA for sign-in is an
 * Identity Center setting that has no Terraform resource; the workload
 * accounts declare `iamUsers: 'none'` and the gate holds them to it.
 *
 * Lives in the management account (or the delegated administrator), where
 * the Identity Center instance is.
 */
export class IdentityCenterAccess extends Construct {
  public readonly permissionSets: Readonly<Record<string, SsoadminPermissionSet>>;

  constructor(scope: Construct, id: string, props: IdentityCenterAccessProps) {
    super(scope, id);
    const where = describeConstruct('IdentityCenterAccess', this.node);
    validateProps(IdentityCenterAccessPropsSchema, props, where);
    // Permission sets apply in every assigned account, so their ARNs legitimately name other accounts: no single-account ARN guard here.
    const env = environmentOf(this, 'IdentityCenterAccess');
    const partition = partitionOf(env.region);
    if (!INSTANCE_ARN.test(props.instanceArn)) {
      throw new TenantformError({ code: 'TF-SSO-001', where, problem: 'instanceArn is not an Identity Center instance ARN.', value: props.instanceArn, fix: 'use `aws sso-admin list-instances` to find it: arn:aws:sso:::instance/ssoins-<16 characters>.' });
    }
    const sets: Record<string, SsoadminPermissionSet> = {};
    for (const [name, spec] of Object.entries(props.permissionSets)) {
      const hours = spec.sessionDurationHours ?? 1;
      if (!SET_NAME.test(name) || !Number.isInteger(hours) || hours < 1 || hours > 12) {
        throw new TenantformError({ code: 'TF-SSO-002', where, problem: 'a permission set needs a name of 1-32 letters, digits and +=,.@- and a session of 1-12 whole hours.', value: { name, sessionDurationHours: spec.sessionDurationHours }, fix: 'use e.g. { Developers: { sessionDurationHours: 4, ... } }.' });
      }
      if (!Token.isUnresolved(spec.description) && !SET_DESCRIPTION.test(spec.description)) {
        throw new TenantformError({ code: 'TF-SSO-005', where, problem: `permission set ${name} needs a description of 1-700 characters: printable Latin-1 text, tabs and line breaks (what the SSO admin API accepts).`, value: spec.description, fix: 'use e.g. "Read-only access for on-call engineers".' });
      }
      const managed = spec.managedPolicies ?? [];
      const refused = managed.filter((m) => REFUSED_MANAGED.has(m) || /FullAccess$/.test(m) || !MANAGED_NAME.test(m));
      if (refused.length > 0) {
        throw new TenantformError({ code: 'TF-SSO-003', where, problem: `permission set ${name} asks for admin-equivalent or full-access managed policies (or malformed names).`, value: refused, fix: 'grant read-only or job-function policies, or an inline policy naming the actions people need; break-glass admin stays outside this construct.' });
      }
      if (managed.length === 0 && (spec.inlinePolicy ?? []).length === 0) {
        throw new TenantformError({ code: 'TF-SSO-003', where, problem: `permission set ${name} grants nothing.`, value: spec, fix: 'add managedPolicies or an inlinePolicy.' });
      }
      if (spec.inlinePolicy) {
        // Permission sets are provisioned into other accounts: nothing in them may be a Terraform expression of this stack.
        if (/\$\{|%\{/.test(JSON.stringify(spec.inlinePolicy))) {
          throw new TenantformError({ code: 'TF-SSO-003', where, problem: `permission set ${name}'s inline policy holds a Terraform expression; it must be literal.`, value: spec.inlinePolicy, fix: 'write literal actions and ARNs (accounts as * where the set spans accounts).' });
        }
        assertNoWildcardActions(spec.inlinePolicy, where);
        const actions = spec.inlinePolicy.flatMap((st) => [st.Action ?? [], st.NotAction ?? []].flat());
        const bad = actions.filter((a) => !/^[a-z0-9-]+:[A-Za-z0-9*]+$/.test(a));
        if (bad.length > 0) throw new TenantformError({ code: 'TF-SSO-003', where, problem: `permission set ${name}'s inline policy names actions that are not "service:Action".`, value: bad, fix: 'use e.g. "eks:DescribeCluster".' });
      }
      const set = new SsoadminPermissionSet(this, `permission-set-${name}`, { name, description: spec.description, instanceArn: props.instanceArn, sessionDuration: `PT${hours}H` });
      for (const policy of managed) {
        new SsoadminManagedPolicyAttachment(this, `permission-set-${name}-${policy.replace(/[^A-Za-z0-9]+/g, '-')}`, { instanceArn: props.instanceArn, permissionSetArn: set.arn, managedPolicyArn: awsManagedPolicyArn(partition, policy) });
      }
      if (spec.inlinePolicy && spec.inlinePolicy.length > 0) {
        new SsoadminPermissionSetInlinePolicy(this, `permission-set-${name}-inline`, { instanceArn: props.instanceArn, permissionSetArn: set.arn, inlinePolicy: policyJson(spec.inlinePolicy) });
      }
      sets[name] = set;
    }
    for (const [label, a] of Object.entries(props.assignments)) {
      const set = sets[a.permissionSet];
      if (!LABEL.test(label) || set === undefined || !GROUP_ID.test(a.groupId) || a.accountIds.length === 0 || a.accountIds.some((x) => !/^\d{12}$/.test(x))) {
        throw new TenantformError({ code: 'TF-SSO-004', where, problem: 'an assignment needs a label, a permission set of this construct, an Identity Store group ID and 12-digit account IDs.', value: { label, ...a }, fix: `use one of the permission sets ${Object.keys(sets).join(', ')} and the group's ID from Identity Center.` });
      }
      for (const account of a.accountIds) {
        new SsoadminAccountAssignment(this, `assignment-${label}-${account}`, { instanceArn: props.instanceArn, permissionSetArn: set.arn, principalType: 'GROUP', principalId: a.groupId, targetType: 'AWS_ACCOUNT', targetId: account });
      }
    }
    this.permissionSets = sets;
  }
}
