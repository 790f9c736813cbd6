import { OrganizationsAccount, OrganizationsOrganization, OrganizationsOrganizationalUnit, OrganizationsPolicy, OrganizationsPolicyAttachment } from '../core/aws-stacks';
import { partitionOf } from '../constructs/identity/arn';
import { policyJson, PolicyStatement } from '../constructs/iam/policy';
import {
  denyLeaveOrganization,
  denyRootUser,
  protectSecurityServices,
  regionAllowList,
  requireMfaForSensitiveActions,
} from '../constructs/identity/service-control-policies';
import { Construct, TerraformOutput } from '../core/cdktf';
import { validateProps } from '../core/validation';
import { OrganizationStackPropsSchema } from './organization-stack.schema';
import { Environment, environmentRegions, holdsCustomerData } from '../core/environment';
import { TenantformError } from '../core/errors';
import { isKnownRegion } from '../core/regions';
import { suppress } from '../core/suppressions';
import { TenantformStack, TenantformStackProps } from './tenantform-stack';

/** The organizational units; `security` holds audit and log-archive accounts when you have them. */
export const ORGANIZATIONAL_UNITS = ['production', 'non-production', 'security'] as const;
export type OrganizationalUnitName = (typeof ORGANIZATIONAL_UNITS)[number];

/** A member account, referenced by its ID. */
export interface MemberAccount {
  /** Short name, e.g. `prod`; also the key of its resources. */
  readonly name: string;
  /** The 12-digit account ID. */
  readonly accountId: string;
  /** Which OU's guardrails apply. */
  readonly organizationalUnit: OrganizationalUnitName;
  /**
   * Owner email. With it, the account is managed (created, or imported by ID)
   * and placed in its OU; without it, the guardrails are attached to the account directly.
   * @default - not managed here; guardrails attached by account ID
   */
  readonly email?: string;
  /**
   * The tenantform environment deployed into this account, for consistency checks.
   * @default - none
   */
  readonly environment?: Environment;
}

/** Which guardrails to attach. */
export type GuardrailName = 'deny-leave-organization' | 'deny-root-user' | 'region-allow-list' | 'protect-security-services' | 'require-mfa-sensitive';

export interface OrganizationStackProps extends TenantformStackProps {
  /** The member accounts. The management account itself is not one of them. */
  readonly accounts: readonly MemberAccount[];
  /**
   * Regions member accounts may use, besides global services.
   * @default - every region of the member accounts' environments and of the management environment
   */
  readonly allowedRegions?: readonly string[];
  /**
   * Deny sensitive actions (key deletion, user and access-key creation, volume and bucket deletion) to sessions without MFA.
   * @default true
   */
  readonly requireMfaForSensitiveActions?: boolean;
  /**
   * Services allowed to integrate with the organization.
   * @default - CloudTrail, Config, GuardDuty, Access Analyzer, IAM Identity Center
   */
  readonly awsServiceAccessPrincipals?: readonly string[];
}

const ACCOUNT_ID = /^\d{12}$/;
const ACCOUNT_NAME = /^[a-z][a-z0-9-]{0,29}$/;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/**
 * The organization, in the management account: organizational units for
 * production, non-production (and security), and service control policies on
 * each. Member accounts are referenced by ID.
 */
export class OrganizationStack extends TenantformStack {
  public readonly organization: OrganizationsOrganization;
  public readonly units: Readonly<Record<OrganizationalUnitName, OrganizationsOrganizationalUnit>>;
  public readonly policies: Readonly<Partial<Record<GuardrailName, OrganizationsPolicy>>>;

  constructor(scope: Construct, id: string, props: OrganizationStackProps) {
    validateProps(OrganizationStackPropsSchema, props, `OrganizationStack ${id}`);
    super(scope, id, props);
    const where = `OrganizationStack ${id}`;
    validateAccounts(props, where);
    const regions = allowedRegions(props, where);
    const partition = partitionOf(props.environment.region);

    this.organization = new OrganizationsOrganization(this, 'organization', {
      featureSet: 'ALL',
      enabledPolicyTypes: ['SERVICE_CONTROL_POLICY'],
      awsServiceAccessPrincipals: [
        ...(props.awsServiceAccessPrincipals ?? ['cloudtrail.amazonaws.com', 'config.amazonaws.com', 'guardduty.amazonaws.com', 'access-analyzer.amazonaws.com', 'sso.amazonaws.com']),
      ],
    });
    // An organization must never be destroyed by a plan; removing it orphans every account.
    this.organization.addOverride('lifecycle.prevent_destroy', true);
    const rootId = this.organization.roots.get(0).id;

    const units = {} as Record<OrganizationalUnitName, OrganizationsOrganizationalUnit>;
    for (const name of ORGANIZATIONAL_UNITS) {
      units[name] = new OrganizationsOrganizationalUnit(this, `ou-${name}`, { name, parentId: rootId });
    }
    this.units = units;

    const guardrails: Record<GuardrailName, { description: string; statements: PolicyStatement[] }> = {
      'deny-leave-organization': { description: 'Member accounts cannot leave the organization', statements: denyLeaveOrganization() },
      'deny-root-user': { description: 'The root user of member accounts can do nothing', statements: denyRootUser(partition) },
      'region-allow-list': { description: `Only ${regions.join(', ')} (global services exempt)`, statements: regionAllowList(regions) },
      'protect-security-services': { description: 'CloudTrail, GuardDuty, Config, Access Analyzer and baseline roles change only through break-glass', statements: protectSecurityServices(partition) },
      'require-mfa-sensitive': { description: 'Sensitive actions need an MFA session', statements: requireMfaForSensitiveActions() },
    };
    const enabled = (Object.keys(guardrails) as GuardrailName[]).filter((g) => g !== 'require-mfa-sensitive' || (props.requireMfaForSensitiveActions ?? true));

    const targets: Record<string, string> = Object.fromEntries(ORGANIZATIONAL_UNITS.map((ou) => [`ou-${ou}`, units[ou].id]));
    for (const account of props.accounts) {
      if (account.email) {
        const managed = new OrganizationsAccount(this, `account-${account.name}`, {
          name: account.name,
          email: account.email,
          parentId: units[account.organizationalUnit].id,
          closeOnDeletion: false,
          iamUserAccessToBilling: 'DENY',
        });
        // Existing accounts are imported by ID; these fields are only read at creation.
        managed.addOverride('lifecycle.ignore_changes', ['role_name', 'iam_user_access_to_billing', 'email', 'name']);
        managed.addOverride('lifecycle.prevent_destroy', true);
      } else {
        targets[`account-${account.name}`] = account.accountId;
      }
    }

    const policies: Partial<Record<GuardrailName, OrganizationsPolicy>> = {};
    for (const name of enabled) {
      const policy = new OrganizationsPolicy(this, `scp-${name}`, {
        name: `tenantform-${name}`,
        description: guardrails[name].description,
        type: 'SERVICE_CONTROL_POLICY',
        content: policyJson(guardrails[name].statements),
        // CreatePolicy needs the organization to exist; nothing in the policy refers to it, so say so.
        dependsOn: [this.organization],
      });
      if (name === 'deny-root-user') {
        suppress(policy, 'TF-LP-1', 'A service control policy Deny: "every action" is what removes the root user, and an SCP grants nothing.');
      }
      for (const [targetKey, targetId] of Object.entries(targets)) {
        new OrganizationsPolicyAttachment(this, `scp-${name}-${targetKey}`, { policyId: policy.id, targetId });
      }
      policies[name] = policy;
    }
    this.policies = policies;
    for (const name of ORGANIZATIONAL_UNITS) new TerraformOutput(this, `ou_${name.replace('-', '_')}_id`, { value: units[name].id });
  }
}

function validateAccounts(props: OrganizationStackProps, where: string): void {
  const management = props.environment.accountId;
  const seenIds = new Set<string>();
  const seenNames = new Set<string>();
  for (const account of props.accounts) {
    if (typeof account.accountId !== 'string' || !ACCOUNT_ID.test(account.accountId)) {
      throw new TenantformError({ code: 'TF-ORG-001', where, problem: `account "${account.name}" needs a 12-digit account ID.`, value: account.accountId, fix: 'pass the ID as a string, keeping leading zeros.' });
    }
    if (typeof account.name !== 'string' || !ACCOUNT_NAME.test(account.name)) {
      throw new TenantformError({ code: 'TF-ORG-001', where, problem: 'account name must be a lowercase label (letters, digits, hyphens; up to 30 characters).', value: account.name, fix: 'use e.g. "prod".' });
    }
    if (seenIds.has(account.accountId) || seenNames.has(account.name)) {
      throw new TenantformError({ code: 'TF-ORG-002', where, problem: 'the same account (ID or name) is listed twice; each account belongs to exactly one OU.', value: account, fix: 'list each account once.' });
    }
    seenIds.add(account.accountId);
    seenNames.add(account.name);
    if (account.accountId === management) {
      throw new TenantformError({ code: 'TF-ORG-005', where, problem: 'the management account cannot be a member account; SCPs do not apply to it.', value: account.accountId, fix: 'keep workloads out of the management account and list only member accounts.' });
    }
    if (!(ORGANIZATIONAL_UNITS as readonly string[]).includes(account.organizationalUnit)) {
      throw new TenantformError({ code: 'TF-ORG-003', where, problem: `account "${account.name}" names an unknown organizational unit.`, value: account.organizationalUnit, fix: `use one of ${ORGANIZATIONAL_UNITS.join(', ')}.` });
    }
    if (account.email !== undefined && !EMAIL.test(account.email)) {
      throw new TenantformError({ code: 'TF-ORG-007', where, problem: `account "${account.name}" has an invalid owner email.`, value: account.email, fix: 'use a mailbox such as "aws-prod@example.com", or omit email.' });
    }
    const env = account.environment;
    if (env) {
      if (env.accountId !== account.accountId) {
        throw new TenantformError({ code: 'TF-ORG-006', where, problem: `account "${account.name}" and its environment "${env.name}" disagree on the account ID.`, value: { account: account.accountId, environment: env.accountId }, fix: 'reference the environment object and its account ID together.' });
      }
      if (holdsCustomerData(env) && account.organizationalUnit !== 'production') {
        throw new TenantformError({ code: 'TF-ORG-006', where, problem: `environment "${env.name}" holds customer data, so its account belongs in the production OU.`, value: account.organizationalUnit, fix: 'set organizationalUnit: "production".' });
      }
      if (!holdsCustomerData(env) && account.organizationalUnit === 'production') {
        throw new TenantformError({ code: 'TF-ORG-006', where, problem: `environment "${env.name}" holds no customer data and must stay out of the production OU.`, value: account.organizationalUnit, fix: 'set organizationalUnit: "non-production".' });
      }
    }
  }
}

function allowedRegions(props: OrganizationStackProps, where: string): string[] {
  const regions = props.allowedRegions
    ? [...props.allowedRegions]
    : [...new Set([...environmentRegions(props.environment), ...props.accounts.flatMap((a) => (a.environment ? environmentRegions(a.environment) : []))])];
  const unknown = regions.filter((r) => !isKnownRegion(r));
  if (regions.length === 0 || unknown.length > 0) {
    throw new TenantformError({ code: 'TF-ORG-004', where, problem: 'the region allow-list must name at least one AWS Region, and only real ones.', value: unknown.length > 0 ? unknown : regions, fix: 'use Region codes such as "eu-west-1".' });
  }
  for (const account of props.accounts) {
    const outside = account.environment ? environmentRegions(account.environment).filter((r) => !regions.includes(r)) : [];
    if (outside.length > 0) {
      throw new TenantformError({ code: 'TF-ORG-004', where, problem: `environment "${account.environment!.name}" uses regions the allow-list would deny.`, value: outside, fix: 'add them to allowedRegions.' });
    }
  }
  return [...regions].sort();
}
