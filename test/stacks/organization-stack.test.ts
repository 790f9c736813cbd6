import { Environment } from '../../core/environment';
import { MemberAccount, OrganizationStack, OrganizationStackProps } from '../../stacks/organization-stack';
import { DEV, newApp, PROD, resourcesOf, synthJson, testEnvironment } from '../support/synth';
import { parsePolicy } from '../constructs/identity/helpers';

const MANAGEMENT: Environment = testEnvironment({
  name: 'management',
  accountId: '333333333333',
  state: { kind: 's3', bucket: 'acme-management-tfstate', kmsKeyId: 'alias/acme-management-tfstate' },
});
const ACCOUNTS: MemberAccount[] = [
  { name: 'prod', accountId: PROD.accountId, organizationalUnit: 'production', environment: PROD },
  { name: 'dev', accountId: DEV.accountId, organizationalUnit: 'non-production', environment: DEV },
];

function organization(extra: Partial<OrganizationStackProps> = {}) {
  const stack = new OrganizationStack(newApp(), 'management-organization', { environment: MANAGEMENT, accounts: ACCOUNTS, ...extra });
  return { stack, json: synthJson(stack) };
}

function scp(json: ReturnType<typeof synthJson>, name: string) {
  const policy = Object.values(resourcesOf(json, 'aws_organizations_policy')).find((p) => p.name === `tenantform-${name}`);
  expect(policy).toBeDefined();
  return parsePolicy(policy!.content).Statement;
}

describe('OrganizationStack', () => {
  test('creates the organization with SCPs enabled and the three OUs under the root', () => {
    const { json } = organization();
    const org = Object.values(resourcesOf(json, 'aws_organizations_organization'))[0]!;
    expect(org.feature_set).toBe('ALL');
    expect(org.enabled_policy_types).toEqual(['SERVICE_CONTROL_POLICY']);
    expect(Object.values(resourcesOf(json, 'aws_organizations_organizational_unit')).map((ou) => ou.name)).toEqual(['production', 'non-production', 'security']);
    expect(json.provider!.aws![0]!.allowed_account_ids).toEqual(['333333333333']);
  });

  test('denies leaving, the root user, regions outside the allow-list, security-service tampering and MFA-less sensitive actions', () => {
    const { json } = organization();
    expect(scp(json, 'deny-leave-organization')).toEqual([{ Sid: 'DenyLeavingTheOrganization', Effect: 'Deny', Action: 'organizations:LeaveOrganization', Resource: '*' }]);
    expect(scp(json, 'deny-root-user')[0]!.Condition).toEqual({ StringLike: { 'aws:PrincipalArn': 'arn:aws:iam::*:root' } });
    const region = scp(json, 'region-allow-list')[0]!;
    expect(region.Condition).toEqual({ StringNotEquals: { 'aws:RequestedRegion': ['eu-west-1'] } });
    expect(region.NotAction).toEqual(expect.arrayContaining(['iam:*', 'sts:*', 'cloudfront:*', 'route53:*', 'organizations:*']));
    const protect = scp(json, 'protect-security-services');
    expect(protect[0]!.Action).toEqual(expect.arrayContaining(['cloudtrail:StopLogging', 'cloudtrail:DeleteTrail', 'guardduty:DeleteDetector', 'config:StopConfigurationRecorder', 'access-analyzer:DeleteAnalyzer']));
    expect(protect[1]!.Resource).toBe('arn:aws:iam::*:role/tenantform-baseline/*');
    expect(protect[0]!.Condition).toEqual({ ArnNotLike: { 'aws:PrincipalArn': 'arn:aws:iam::*:role/tenantform-baseline/break-glass-admin' } });
    expect(scp(json, 'require-mfa-sensitive')[0]!.Condition).toEqual({ BoolIfExists: { 'aws:MultiFactorAuthPresent': 'false' } });
  });

  test('every SCP waits for the organization: CreatePolicy fails before CreateOrganization, and no attribute orders them', () => {
    const { json } = organization();
    const address = `aws_organizations_organization.${Object.keys(resourcesOf(json, 'aws_organizations_organization'))[0]}`;
    const policies = Object.values(resourcesOf(json, 'aws_organizations_policy'));
    expect(policies.length).toBeGreaterThan(0);
    for (const policy of policies) expect(policy.depends_on).toEqual([address]);
  });

  test('the root-user deny is the only Action "*" and carries a TF-LP-1 suppression', () => {
    const { json } = organization();
    const withStar = Object.values(resourcesOf(json, 'aws_organizations_policy')).filter((p) => parsePolicy(p.content).Statement.some((s) => s.Action === '*'));
    expect(withStar.map((p) => p.name)).toEqual(['tenantform-deny-root-user']);
    expect(JSON.stringify(withStar[0]!['//'])).toContain('"ruleId":"TF-LP-1"');
  });

  test('attaches every SCP to every OU, and to unmanaged member accounts directly', () => {
    const { json } = organization();
    const attachments = Object.values(resourcesOf(json, 'aws_organizations_policy_attachment'));
    expect(attachments).toHaveLength(5 * (3 + 2));
    expect(attachments.filter((a) => a.target_id === '111111111111')).toHaveLength(5);
  });

  test('the MFA guardrail can be turned off; managed accounts are placed in their OU instead', () => {
    const { json } = organization({
      requireMfaForSensitiveActions: false,
      accounts: [{ ...ACCOUNTS[0]!, email: 'aws-prod@example.com' }, ACCOUNTS[1]!],
    });
    expect(Object.values(resourcesOf(json, 'aws_organizations_policy')).map((p) => p.name)).not.toContain('tenantform-require-mfa-sensitive');
    const account = Object.values(resourcesOf(json, 'aws_organizations_account'))[0]!;
    expect(account.parent_id).toMatch(/aws_organizations_organizational_unit\.ou-production\.id/);
    expect(account.close_on_deletion).toBe(false);
    expect(Object.values(resourcesOf(json, 'aws_organizations_policy_attachment')).filter((a) => a.target_id === '111111111111')).toHaveLength(0);
  });

  test('the allow-list covers every member environment region', () => {
    const { json } = organization({ accounts: [{ ...ACCOUNTS[0]!, environment: { ...PROD, additionalRegions: ['us-east-1'] } }] });
    expect(scp(json, 'region-allow-list')[0]!.Condition).toEqual({ StringNotEquals: { 'aws:RequestedRegion': ['eu-west-1', 'us-east-1'] } });
  });

  describe('rejects', () => {
    const make = (extra: Partial<OrganizationStackProps>) => () => new OrganizationStack(newApp(), 'management-organization', { environment: MANAGEMENT, accounts: ACCOUNTS, ...extra });
    test.each<[string, Partial<OrganizationStackProps>, string]>([
      ['a short account ID', { accounts: [{ name: 'prod', accountId: '1111', organizationalUnit: 'production' }] }, 'TF-ORG-001'],
      ['a bad account name', { accounts: [{ name: 'Prod Account', accountId: '111111111111', organizationalUnit: 'production' }] }, 'TF-ORG-001'],
      ['an account listed twice', { accounts: [ACCOUNTS[0]!, { ...ACCOUNTS[0]!, name: 'prod2' }] }, 'TF-ORG-002'],
      ['an unknown OU', { accounts: [{ name: 'x', accountId: '444444444444', organizationalUnit: 'sandbox' as 'security' }] }, 'TF-ORG-003'],
      ['an unknown region', { allowedRegions: ['eu-westeros-1'] }, 'TF-ORG-004'],
      ['an empty allow-list', { allowedRegions: [] }, 'TF-ORG-004'],
      ['an allow-list that would lock out an environment', { allowedRegions: ['us-east-1'] }, 'TF-ORG-004'],
      ['the management account as a member', { accounts: [{ name: 'mgmt', accountId: '333333333333', organizationalUnit: 'security' }] }, 'TF-ORG-005'],
      ['prod outside the production OU', { accounts: [{ ...ACCOUNTS[0]!, organizationalUnit: 'non-production' }] }, 'TF-ORG-006'],
      ['dev in the production OU', { accounts: [{ ...ACCOUNTS[1]!, organizationalUnit: 'production' }] }, 'TF-ORG-006'],
      ['an environment in a different account', { accounts: [{ ...ACCOUNTS[0]!, accountId: '555555555555' }] }, 'TF-ORG-006'],
      ['a bad email', { accounts: [{ ...ACCOUNTS[0]!, email: 'not-an-email' }] }, 'TF-ORG-007'],
    ])('%s', (_why, extra, code) => {
      expect(make(extra)).toThrow(new RegExp(`\\[${code}\\] OrganizationStack management-organization`));
    });
  });
});
