import { IamGroup, IamUser, IamUserGroupMembership, IamUserLoginProfile } from '../../core/aws';
import { validateProps } from '../../core/validation';
import { HumanUsersPropsSchema, HumanUsersShapeSchema } from './users.schema';
import { Construct } from '../../core/cdktf';
import { describeConstruct, TenantformError } from '../../core/errors';
import { HUMAN_GROUP_NAMES, HumanGroupName } from './groups';

/**
 * One person. Deliberately no field for policies or access keys: people get
 * permissions only through groups, and reach AWS APIs through MFA sessions.
 */
export interface HumanUser {
  /** IAM user name; one per person, never shared. */
  readonly name: string;
  /** Groups the person belongs to; at least one, so the force-MFA deny applies. */
  readonly groups: readonly HumanGroupName[];
  /** Whether the person signs in to the console (a login profile is created). */
  readonly console: boolean;
  /**
   * Base64 PGP public key or `keybase:<user>` that encrypts the first console
   * password in state.
   * @default - the initial password sits in (encrypted) state until first sign-in forces a reset
   */
  readonly pgpKey?: string;
}

export interface HumanUsersProps {
  readonly users: readonly HumanUser[];
  /** The groups to place people in. */
  readonly groups: Readonly<Record<HumanGroupName, IamGroup>>;
}

const USER_NAME = /^[A-Za-z0-9+=,.@_-]{1,64}$/;
/** Keys someone might add in plain JavaScript to sneak a permission onto a user. */
const FORBIDDEN_KEYS = ['policies', 'policy', 'managedPolicies', 'managedPolicyArns', 'inlinePolicies', 'accessKeys', 'accessKey', 'permissions'];

/** IAM users for people, each in its groups, keyed by user name so adding one never moves another. */
export class HumanUsers extends Construct {
  public readonly users: Readonly<Record<string, IamUser>>;

  constructor(scope: Construct, id: string, props: HumanUsersProps) {
    super(scope, id);
    const where = describeConstruct('HumanUsers', this.node);
    // Shape first (a list of objects), then the user checks with their own codes (TF-IAM-020..024), then every key and type.
    validateProps(HumanUsersShapeSchema, props, where);
    validateUsers(props.users, where);
    validateProps(HumanUsersPropsSchema, props, where);
    const users: Record<string, IamUser> = {};
    for (const person of props.users) {
      const user = new IamUser(this, person.name, {
        name: person.name,
        path: '/tenantform/people/',
        // Leavers are removed in code; their MFA devices and keys must not block the delete.
        forceDestroy: true,
      });
      new IamUserGroupMembership(this, `${person.name}-groups`, {
        user: user.name,
        groups: person.groups.map((g) => props.groups[g].name),
      });
      if (person.console) {
        const profile = new IamUserLoginProfile(this, `${person.name}-console`, {
          user: user.name,
          passwordResetRequired: true,
          ...(person.pgpKey ? { pgpKey: person.pgpKey } : {}),
        });
        // Once the person has set their own password, Terraform must not try to reset it.
        profile.addOverride('lifecycle.ignore_changes', ['password_length', 'password_reset_required', 'pgp_key']);
      }
      users[person.name] = user;
    }
    this.users = users;
  }
}

function validateUsers(users: readonly HumanUser[], where: string): void {
  const seen = new Set<string>();
  for (const person of users) {
    if (typeof person.name !== 'string' || !USER_NAME.test(person.name)) {
      throw new TenantformError({ code: 'TF-IAM-020', where, problem: 'user name must be 1-64 characters of letters, digits and +=,.@_-.', value: person.name, fix: 'use the person\'s login, e.g. "jane.doe".' });
    }
    const lower = person.name.toLowerCase();
    if (seen.has(lower)) {
      throw new TenantformError({ code: 'TF-IAM-021', where, problem: 'the same user is declared twice (IAM user names are case-insensitive).', value: person.name, fix: 'declare each person once.' });
    }
    seen.add(lower);
    if (!Array.isArray(person.groups) || person.groups.length === 0 || person.groups.some((g) => !(HUMAN_GROUP_NAMES as readonly string[]).includes(g))) {
      throw new TenantformError({
        code: 'TF-IAM-022',
        where,
        problem: `user "${person.name}" must belong to at least one of the groups ${HUMAN_GROUP_NAMES.join(', ')}; the group is what enforces MFA.`,
        value: person.groups,
        fix: `set groups to a list of one or more of them, e.g. ["read-only"].`,
      });
    }
    const forbidden = Object.keys(person).filter((k) => FORBIDDEN_KEYS.includes(k));
    if (forbidden.length > 0) {
      throw new TenantformError({
        code: 'TF-IAM-023',
        where,
        problem: `user "${person.name}" declares policies or access keys; people get permissions only through groups and never hold long-lived keys.`,
        value: forbidden,
        fix: 'remove those fields and put the user in the group that has the permissions.',
      });
    }
    if (typeof person.console !== 'boolean') {
      throw new TenantformError({ code: 'TF-IAM-024', where, problem: `user "${person.name}" must say whether they use the console.`, value: person.console, fix: 'set console: true or false.' });
    }
  }
}
