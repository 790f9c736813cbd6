import { rmSync } from 'node:fs';
import { ComplianceChecks } from '../../compliance/aspect';
import { AccountBaselineStack, AccountBaselineStackProps } from '../../stacks/account-baseline-stack';
import { Environment } from '../../core/environment';
import { DEV, newApp, PROD, resourcesOf, synthJson, TerraformJson } from '../support/synth';
import { allStatements, parsePolicy } from '../constructs/identity/helpers';

const USERS: AccountBaselineStackProps['users'] = [
  { name: 'ada', groups: ['admins'], console: true },
  { name: 'dan', groups: ['developers', 'read-only'], console: false },
];

function baseline(environment: Environment = PROD, extra: Partial<AccountBaselineStackProps> = {}): { stack: AccountBaselineStack; json: TerraformJson } {
  const stack = new AccountBaselineStack(newApp(), `${environment.name}-baseline`, {
    environment,
    users: USERS,
    ciDeploy: { owner: 'acme', repository: 'infra' },
    ...extra,
  });
  return { stack, json: synthJson(stack) };
}

type Suppressions = { ruleId: string; reason: string }[];
const suppressionsOf = (resource: Record<string, unknown>): Suppressions =>
  (((resource['//'] as Record<string, unknown> | undefined)?.tenantform as { suppressions?: Suppressions } | undefined)?.suppressions ?? []);

describe('AccountBaselineStack', () => {
  test.each([PROD, DEV])('the $name baseline has no Action "*" statement, and its only AdministratorAccess is the suppressed break-glass attachment', (env) => {
    const { json } = baseline(env);
    // The workload permissions boundary is a ceiling, not a grant: its "*" is capped by its own deny of all IAM.
    const isBoundary = (address: string) => address.startsWith('aws_iam_policy.baseline_workload-boundary_policy_');
    const starActions = allStatements(json).filter(({ address, statement }) => {
      const actions = ([] as unknown[]).concat(statement.Action ?? []);
      return statement.Effect === 'Allow' && actions.some((a) => a === '*') && !isBoundary(address);
    });
    expect(starActions).toEqual([]);
    expect(allStatements(json).filter(({ address }) => isBoundary(address)).map(({ statement }) => statement)).toContainEqual(expect.objectContaining({ Effect: 'Deny', Action: expect.arrayContaining(['iam:*']), Resource: '*' }));
    const attachments = Object.entries(resourcesOf(json, 'aws_iam_role_policy_attachment')).filter(([, a]) => String(a.policy_arn).endsWith(':policy/AdministratorAccess'));
    expect(attachments).toHaveLength(1);
    const [, admin] = attachments[0]!;
    expect(admin.role).toMatch(/^\$\{aws_iam_role\.baseline_break-glass_role_[0-9A-F]{8}\.name\}$/);
    expect(suppressionsOf(admin).map((s) => s.ruleId)).toEqual(['TF-LP-9', 'TF-LP-1']);
    expect(suppressionsOf(admin)[0]!.reason.length).toBeGreaterThan(10);
    // No user, anywhere, has a policy or an access key.
    for (const type of ['aws_iam_user_policy', 'aws_iam_user_policy_attachment', 'aws_iam_access_key', 'aws_iam_policy_attachment']) {
      expect(resourcesOf(json, type)).toEqual({});
    }
  });

  test('the break-glass role that holds AdministratorAccess requires recent MFA', () => {
    const { json } = baseline();
    const roles = resourcesOf(json, 'aws_iam_role');
    const breakGlass = Object.values(roles).find((r) => r.name === 'break-glass-admin')!;
    expect(breakGlass.path).toBe('/tenantform-baseline/');
    expect(parsePolicy(breakGlass.assume_role_policy).Statement).toEqual([
      {
        Sid: 'HumansWithRecentMfa',
        Effect: 'Allow',
        Principal: { AWS: 'arn:aws:iam::111111111111:root' },
        Action: 'sts:AssumeRole',
        Condition: { Bool: { 'aws:MultiFactorAuthPresent': 'true' }, NumericLessThan: { 'aws:MultiFactorAuthAge': '3600' } },
      },
    ]);
  });

  test('every write on Resource "*" in an Allow is either read-only, a key policy, or on a policy that suppresses TF-LP-3 with a reason', () => {
    const { json } = baseline();
    const suppressed = new Set(
      Object.entries(resourcesOf(json, 'aws_iam_policy'))
        .filter(([, p]) => suppressionsOf(p).some((s) => s.ruleId === 'TF-LP-3'))
        .map(([name]) => `aws_iam_policy.${name}`),
    );
    const offenders = allStatements(json).filter(({ address, statement }) => {
      if (statement.Effect !== 'Allow' || address.startsWith('aws_kms_key.') || suppressed.has(address)) return false;
      // Scoped by the environment tag (the CI role's creates and changes): only this environment's resources.
      const tagged = (statement.Condition as { StringEquals?: Record<string, unknown> } | undefined)?.StringEquals ?? {};
      if (tagged['aws:RequestTag/environment'] === 'prod' || tagged['aws:ResourceTag/environment'] === 'prod') return false;
      const resources = ([] as unknown[]).concat(statement.Resource ?? []);
      const actions = ([] as string[]).concat((statement.Action as string | string[] | undefined) ?? []);
      return resources.includes('*') && actions.some((a) => !/:(Describe|List|Get)/i.test(a));
    });
    expect(offenders).toEqual([]);
    // Only the workload boundary (a ceiling, not a grant) suppresses TF-LP-3; the CI role is scoped by tags.
    expect([...suppressed].map((a) => a.replace(/_[0-9A-F]{8}$/, ''))).toEqual(['aws_iam_policy.baseline_workload-boundary_policy']);
  });

  test('adds the regional services in each additional region through its aliased provider', () => {
    const { json } = baseline({ ...PROD, additionalRegions: ['us-east-1'] });
    const detectors = resourcesOf(json, 'aws_guardduty_detector');
    expect(Object.values(detectors).map((d) => d.provider)).toEqual([undefined, 'aws.us-east-1']);
    expect(Object.values(resourcesOf(json, 'aws_ebs_encryption_by_default')).map((e) => [e.enabled, e.provider])).toEqual([
      [true, undefined],
      [true, 'aws.us-east-1'],
    ]);
    expect(Object.keys(resourcesOf(json, 'aws_cloudtrail'))).toHaveLength(1);
  });

  test('outputs the role ARNs', () => {
    const { json } = baseline();
    expect(Object.keys(json.output ?? {}).sort()).toEqual(['audit_trail_arn', 'break_glass_role_arn', 'ci_deploy_role_arn', 'operator_role_arn']);
  });

  test('the baselines pass the synth-time separation rules beside each other (each CI role trusts only its own GitHub environment)', () => {
    const app = newApp();
    const stacks = [PROD, DEV].map((environment) => new AccountBaselineStack(app, `${environment.name}-baseline`, { environment, users: USERS, ciDeploy: { owner: 'acme', repository: 'infra' } }));
    const visit = jest.spyOn(ComplianceChecks.prototype, 'visit');
    let visited: unknown[] = [];
    try {
      app.synth();
    } catch {
      // Other rule families are not this test's concern; the separation annotations below are.
    } finally {
      visited = visit.mock.calls.map(([node]) => node);
      visit.mockRestore();
      rmSync(app.outdir, { recursive: true, force: true });
    }
    // The rules did run on both stacks.
    expect(stacks.every((s) => visited.includes(s))).toBe(true);
    const separation = stacks.flatMap((s) => s.node.findAll()).flatMap((c) => c.node.metadata.filter((m) => m.type === '@cdktf/error' && String(m.data).startsWith('[TF-SEP-')));
    expect(separation.map((m) => String(m.data))).toEqual([]);
  });
});
