import { CostControls, CostControlsProps } from '../../../constructs/cost/cost-controls';
import { buildIn, gateProblemsOf } from '../../support/construct-fixtures';
import { resourcesOf, testEnvironment } from '../../support/synth';

const MANAGEMENT = testEnvironment({ name: 'management', accountId: '666666666666', state: { kind: 's3', bucket: 'acme-management-tfstate', kmsKeyId: 'alias/acme-management-tfstate' } });
const BASE: CostControlsProps = {
  budgets: { platform: { monthlyLimitUsd: 5000 }, prod: { monthlyLimitUsd: 12000, actualThresholdsPercent: [50, 90, 100], forecastThresholdPercent: 110 } },
  alertEmails: ['finops@innovate.example'],
  costAllocationTagKeys: ['cost-center', 'project'],
  costExport: { bucketName: 'innovate-log-archive' },
  tagPolicy: { tags: { 'cost-center': ['engineering', 'operations', 'platform'], project: [] }, targetIds: ['r-ab12'] },
};
const build = (props: Partial<CostControlsProps> = {}) => buildIn((stack) => new CostControls(stack, 'cost', { ...BASE, ...props }), MANAGEMENT);

describe('CostControls', () => {
  const { json, stack } = build();

  it('monthly budgets alert on actual and forecast spend', () => {
    const budgets = Object.values(resourcesOf(json, 'aws_budgets_budget'));
    expect(budgets.map((b) => [b.name, b.limit_amount, b.time_unit])).toEqual([
      ['management-platform', '5000.00', 'MONTHLY'],
      ['management-prod', '12000.00', 'MONTHLY'],
    ]);
    expect((budgets[1]!.notification as Record<string, unknown>[]).map((n) => [n.notification_type, n.threshold])).toEqual([
      ['ACTUAL', 50],
      ['ACTUAL', 90],
      ['ACTUAL', 100],
      ['FORECASTED', 110],
    ]);
    expect((budgets[0]!.notification as Record<string, unknown>[])[0]!.subscriber_email_addresses).toEqual(['finops@innovate.example']);
  });

  it('cost allocation tags, a CUR 2.0 export and the organization tag policy', () => {
    expect(Object.values(resourcesOf(json, 'aws_ce_cost_allocation_tag')).map((t) => [t.tag_key, t.status])).toEqual([
      ['cost-center', 'Active'],
      ['project', 'Active'],
    ]);
    const [exported] = Object.values(resourcesOf(json, 'aws_bcmdataexports_export'));
    expect(JSON.stringify(exported)).toMatch(/FROM COST_AND_USAGE_REPORT/);
    const [policy] = Object.values(resourcesOf(json, 'aws_organizations_policy'));
    expect(policy!.type).toBe('TAG_POLICY');
    expect(JSON.parse(policy!.content as string).tags['cost-center']).toEqual({ tag_key: { '@@assign': 'cost-center' }, tag_value: { '@@assign': ['engineering', 'operations', 'platform'] } });
    expect(Object.values(resourcesOf(json, 'aws_organizations_policy_attachment')).map((a) => a.target_id)).toEqual(['r-ab12']);
  });

  it('the gate passes it', () => {
    expect(gateProblemsOf(stack)).toEqual([]);
  });

  it.each([
    ['no alert email', { alertEmails: [] }, /\[TF-COST-001\]/],
    ['a zero limit', { budgets: { x: { monthlyLimitUsd: 0 } } }, /\[TF-COST-002\]/],
    ['an aws: allocation key', { costAllocationTagKeys: ['aws:createdBy'] }, /\[TF-COST-003\]/],
    ['a tag policy without targets', { tagPolicy: { tags: { project: [] }, targetIds: [] } }, /\[TF-COST-003\]/],
    ['a bad export bucket', { costExport: { bucketName: 'X' } }, /\[TF-COST-004\]/],
  ])('refuses %s', (_, props, error) => {
    expect(() => build(props as Partial<CostControlsProps>)).toThrow(error);
  });
});
