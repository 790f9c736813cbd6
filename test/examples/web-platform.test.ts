import { checkStacks, gateFailures } from '../../compliance/engine';
import { stackFromJson } from '../../compliance/model';
import { allRules } from '../../compliance/rules';
import { TerraformStack } from '../../core/cdktf';
import { buildWebPlatform } from '../../examples/web-platform/platform';
import { newApp, resourcesOf, synthJson } from '../support/synth';

/** Every stack of the example, synthesized in-process, judged together as one gate run. */
function platform() {
  const app = newApp();
  buildWebPlatform(app);
  const stacks = app.node.children.filter((c): c is TerraformStack => c instanceof TerraformStack);
  const json = new Map(stacks.map((s) => [s.node.id, synthJson(s)]));
  const models = stacks.map((s) => stackFromJson(json.get(s.node.id)!, s.node.id, `${s.node.id} (in-process synth)`));
  return { json, failures: gateFailures(checkStacks(models, allRules)) };
}

describe('examples/web-platform', () => {
  const { json, failures } = platform();

  it('has the three accounts: dev and staging share the development account, prod and shared services are alone', () => {
    const accounts = Object.fromEntries([...json].map(([name, j]) => [name, (j.provider!.aws![0]!.allowed_account_ids as string[])[0]]));
    expect(accounts).toEqual({
      'shared-registry': '666666666666',
      'shared-management': '666666666666',
      'dev-web': '444444444444',
      'staging-web': '444444444444',
      'prod-web': '555555555555',
      'dev-baseline': '444444444444',
      'prod-baseline': '555555555555',
      'staging-ci': '444444444444',
    });
  });

  it('prod spans 3 AZs, dev and staging 2, each AZ with a public, a private (EKS) and an isolated (RDS) subnet', () => {
    for (const [env, azs] of [['dev', 2], ['staging', 2], ['prod', 3]] as const) {
      const subnets = Object.values(resourcesOf(json.get(`${env}-web`)!, 'aws_subnet'));
      expect(new Set(subnets.map((s) => s.availability_zone)).size).toBe(azs);
      expect(subnets).toHaveLength(azs * 3);
    }
  });

  it('people come in through Identity Center groups; the management account runs the security services, the organization trail and the cost controls', () => {
    const management = json.get('shared-management')!;
    expect(Object.values(resourcesOf(management, 'aws_ssoadmin_account_assignment')).every((a) => a.principal_type === 'GROUP')).toBe(true);
    for (const type of ['aws_guardduty_detector', 'aws_inspector2_enabler', 'aws_securityhub_account', 'aws_budgets_budget', 'aws_bcmdataexports_export', 'aws_organizations_policy']) expect(Object.keys(resourcesOf(management, type)).length).toBeGreaterThan(0);
    expect(Object.values(resourcesOf(management, 'aws_cloudtrail'))).toMatchObject([{ is_organization_trail: true }]);
  });

  it('no two stacks of one account create an IAM role or managed policy of the same name (IAM would refuse the second apply)', () => {
    const accountOf = (j: ReturnType<typeof synthJson>) => (j.provider!.aws![0]!.allowed_account_ids as string[])[0];
    const owners = new Map<string, string[]>();
    for (const [stack, j] of json) {
      for (const type of ['aws_iam_role', 'aws_iam_policy']) {
        for (const r of Object.values(resourcesOf(j, type))) {
          if (typeof r.name !== 'string') continue;
          const key = `${accountOf(j)} ${type} ${r.name}`;
          owners.set(key, [...(owners.get(key) ?? []), stack]);
        }
      }
    }
    expect([...owners].filter(([, stacks]) => stacks.length > 1)).toEqual([]);
    // dev's and staging's CI roles share the development account.
    expect(owners.get('444444444444 aws_iam_role ci-deploy')).toEqual(['dev-baseline']);
    expect(owners.get('444444444444 aws_iam_role ci-deploy-staging')).toEqual(['staging-ci']);
  });

  it('no IAM users in any workload account', () => {
    for (const j of json.values()) expect(resourcesOf(j, 'aws_iam_user')).toEqual({});
  });

  it('the gate passes every stack, judged together (the registry crosses accounts only along image-pull edges)', () => {
    expect(failures.map((f) => `${f.ruleId} ${f.stack} ${f.address}`)).toEqual([]);
  });
});
