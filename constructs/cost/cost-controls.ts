import { BcmdataexportsExport, BudgetsBudget, CeCostAllocationTag, OrganizationsPolicy, OrganizationsPolicyAttachment } from '../../core/aws';
import { Construct } from '../../core/cdktf';
import { environmentOf } from '../../core/environment-context';
import { describeConstruct, TenantformError } from '../../core/errors';
import { guardArns, validateProps } from '../../core/validation';
import { isKnownRegion } from '../../core/regions';
import { CostControlsPropsSchema } from './cost-controls.schema';

/** One monthly cost budget. */
export interface BudgetSpec {
  /** The monthly limit, in US dollars. */
  readonly monthlyLimitUsd: number;
  /**
   * Alert when actual spend passes these percentages of the limit.
   * @default [80, 100]
   */
  readonly actualThresholdsPercent?: readonly number[];
  /**
   * Alert when forecast spend passes this percentage of the limit.
   * @default 100
   */
  readonly forecastThresholdPercent?: number;
}

/** A Cost and Usage Report 2.0 export (AWS Data Exports) into an existing bucket. */
export interface CostExportSpec {
  /** Destination bucket (for example the log archive); its policy must let `bcm-data-exports.amazonaws.com` and `billingreports.amazonaws.com` write. */
  readonly bucketName: string;
  /**
   * Key prefix of the export.
   * @default 'cur'
   */
  readonly prefix?: string;
  /**
   * Region of the bucket.
   * @default - the environment's region
   */
  readonly bucketRegion?: string;
}

/** The organization's tag policy: the keys (and, optionally, the values) every resource carries. */
export interface TagPolicySpec {
  /** Tag keys in their exact case, each with its allowed values (empty: any value). */
  readonly tags: Readonly<Record<string, readonly string[]>>;
  /** Roots, OUs or accounts the policy is attached to (`r-...`, `ou-...`, 12-digit IDs). */
  readonly targetIds: readonly string[];
}

export interface CostControlsProps {
  /** Budgets by a stable label. */
  readonly budgets: Readonly<Record<string, BudgetSpec>>;
  /** Who is told when a budget is passed (at least one address). */
  readonly alertEmails: readonly string[];
  /**
   * An SNS topic for the same alerts. Its policy and key must let `budgets.amazonaws.com` publish.
   * @default - email only
   */
  readonly alertTopicArn?: string;
  /**
   * Tag keys activated as cost allocation tags (they must exist on some resource first).
   * @default - none
   */
  readonly costAllocationTagKeys?: readonly string[];
  /**
   * A CUR 2.0 data export.
   * @default - none
   */
  readonly costExport?: CostExportSpec;
  /**
   * The organization's tag policy (management account only).
   * @default - none
   */
  readonly tagPolicy?: TagPolicySpec;
}

const LABEL = /^[a-z][a-z0-9-]{0,40}$/;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const TAG_KEY = /^[\w.:/=+@-]{1,128}$/;
const TARGET = /^(r-[0-9a-z]{4,32}|ou-[0-9a-z]{4,32}-[a-z0-9]{8,32}|\d{12})$/;
const BUCKET = /^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/;

/** The CUR 2.0 columns exported: enough to allocate cost by account, service, resource and tag. */
const CUR_COLUMNS = ['bill_billing_period_start_date', 'line_item_usage_start_date', 'line_item_usage_account_id', 'line_item_product_code', 'line_item_usage_type', 'line_item_resource_id', 'line_item_unblended_cost', 'line_item_net_unblended_cost', 'resource_tags'];

/**
 * Cost controls (source document 004): monthly budgets that alert by email
 * (and optionally a topic) on actual and forecast spend, cost allocation
 * tags, a Cost and Usage Report 2.0 export, and an organization tag policy
 * naming the keys of the tagging strategy. The gate enforces the same keys
 * in the code (an environment's `requiredTagKeys`).
 */
export class CostControls extends Construct {
  public readonly budgets: Readonly<Record<string, BudgetsBudget>>;

  constructor(scope: Construct, id: string, props: CostControlsProps) {
    super(scope, id);
    const where = describeConstruct('CostControls', this.node);
    validateProps(CostControlsPropsSchema, props, where);
    const env = environmentOf(this, 'CostControls');
    guardArns(props, env, where);
    const fail = (code: 'TF-COST-001' | 'TF-COST-002' | 'TF-COST-003' | 'TF-COST-004', problem: string, value: unknown, fix: string) => new TenantformError({ code, where, problem, value, fix });
    if (props.alertEmails.length === 0 || props.alertEmails.some((e) => !EMAIL.test(e))) throw fail('TF-COST-001', 'alertEmails must hold at least one email address, and only addresses.', props.alertEmails, 'use e.g. ["finops@example.com"].');
    const budgets: Record<string, BudgetsBudget> = {};
    for (const [label, b] of Object.entries(props.budgets)) {
      const actual = b.actualThresholdsPercent ?? [80, 100];
      const forecast = b.forecastThresholdPercent ?? 100;
      const percent = (n: number) => Number.isFinite(n) && n > 0 && n <= 1000;
      if (!LABEL.test(label) || !Number.isFinite(b.monthlyLimitUsd) || b.monthlyLimitUsd <= 0 || actual.length === 0 || !actual.every(percent) || !percent(forecast) || new Set(actual).size !== actual.length) {
        throw fail('TF-COST-002', 'a budget needs a lowercase label, a positive monthly limit, and thresholds that are distinct percentages in (0, 1000].', { label, ...b }, 'use e.g. { platform: { monthlyLimitUsd: 5000 } }.');
      }
      const subscribers = { subscriberEmailAddresses: [...props.alertEmails], ...(props.alertTopicArn !== undefined ? { subscriberSnsTopicArns: [props.alertTopicArn] } : {}) };
      budgets[label] = new BudgetsBudget(this, `budget-${label}`, {
        name: `${env.name}-${label}`,
        budgetType: 'COST',
        limitAmount: b.monthlyLimitUsd.toFixed(2),
        limitUnit: 'USD',
        timeUnit: 'MONTHLY',
        notification: [
          ...actual.map((threshold) => ({ comparisonOperator: 'GREATER_THAN', threshold, thresholdType: 'PERCENTAGE', notificationType: 'ACTUAL', ...subscribers })),
          { comparisonOperator: 'GREATER_THAN', threshold: forecast, thresholdType: 'PERCENTAGE', notificationType: 'FORECASTED', ...subscribers },
        ],
      });
    }
    this.budgets = budgets;
    for (const key of props.costAllocationTagKeys ?? []) {
      if (!TAG_KEY.test(key) || key.startsWith('aws:')) throw fail('TF-COST-003', 'a cost allocation tag key must be a user tag key (not aws:).', key, 'use the keys of your tagging strategy, e.g. "cost-center".');
      new CeCostAllocationTag(this, `allocation-tag-${key.replace(/[^A-Za-z0-9]+/g, '-')}`, { tagKey: key, status: 'Active' });
    }
    if (props.costExport) {
      const e = props.costExport;
      const region = e.bucketRegion ?? env.region;
      const prefix = e.prefix ?? 'cur';
      if (!BUCKET.test(e.bucketName) || !isKnownRegion(region) || !/^[A-Za-z0-9!_.*'()/-]{1,512}$/.test(prefix)) throw fail('TF-COST-004', 'costExport needs a bucket name, a known region and a plain key prefix.', e, 'use e.g. { bucketName: "innovate-log-archive", prefix: "cur" }.');
      new BcmdataexportsExport(this, 'cost-export', {
        export: [
          {
            name: `${env.name}-cur2`,
            description: 'Cost and Usage Report 2.0, hourly, with resource IDs and tags',
            dataQuery: [{ queryStatement: `SELECT ${CUR_COLUMNS.join(', ')} FROM COST_AND_USAGE_REPORT`, tableConfigurations: { COST_AND_USAGE_REPORT: { TIME_GRANULARITY: 'HOURLY', INCLUDE_RESOURCES: 'TRUE', INCLUDE_MANUAL_DISCOUNT_COMPATIBILITY: 'FALSE', INCLUDE_SPLIT_COST_ALLOCATION_DATA: 'FALSE' } } }],
            destinationConfigurations: [{ s3Destination: [{ s3Bucket: e.bucketName, s3Prefix: prefix, s3Region: region, s3OutputConfigurations: [{ overwrite: 'OVERWRITE_REPORT', format: 'PARQUET', compression: 'PARQUET', outputType: 'CUSTOM' }] }] }],
            refreshCadence: [{ frequency: 'SYNCHRONOUS' }],
          },
        ],
      });
    }
    if (props.tagPolicy) {
      const t = props.tagPolicy;
      const keys = Object.keys(t.tags);
      if (keys.length === 0 || keys.some((k) => !TAG_KEY.test(k) || k.startsWith('aws:')) || t.targetIds.length === 0 || t.targetIds.some((x) => !TARGET.test(x))) {
        throw fail('TF-COST-003', 'a tag policy needs user tag keys and roots, OUs or account IDs to attach to.', t, 'use e.g. { tags: { "cost-center": [] }, targetIds: ["r-ab12"] }.');
      }
      // Tag policy grammar (AWS Organizations), not an IAM policy: keys pinned to their case, values when listed.
      const content = { tags: Object.fromEntries(keys.map((k) => [k.toLowerCase(), { tag_key: { '@@assign': k }, ...(t.tags[k]!.length > 0 ? { tag_value: { '@@assign': [...t.tags[k]!] } } : {}) }])) };
      const policy = new OrganizationsPolicy(this, 'tag-policy', { name: `${env.name}-tagging`, description: 'The tagging strategy: required keys in their exact case', type: 'TAG_POLICY', content: JSON.stringify(content) });
      for (const target of t.targetIds) new OrganizationsPolicyAttachment(this, `tag-policy-${target}`, { policyId: policy.id, targetId: target });
    }
  }
}
