import { AwsProvider, Wafv2WebAcl, Wafv2WebAclRule } from '../../../core/aws';
import { validateProps } from '../../../core/validation';
import { EdgeWebAclPropsSchema } from './edge-web-acl.schema';
import { describeConstruct } from '../../../core/errors';
import { Construct } from '../../../core/cdktf';

export interface EdgeWebAclProps {
  readonly name: string;
  /** The us-east-1 provider: CloudFront web ACLs live there. */
  readonly provider: AwsProvider;
  /** Requests per client IP per 5 minutes before the rate rule blocks. */
  readonly rateLimitPer5Minutes: number;
  /**
   * What the web ACL guards, shown in the console.
   * @default 'Managed protections and a per-IP rate limit in front of the tenant API'
   */
  readonly description?: string;
  /**
   * `REGIONAL` to guard an API Gateway stage or a load balancer instead (give the Region's provider).
   * @default 'CLOUDFRONT'
   */
  readonly scope?: 'CLOUDFRONT' | 'REGIONAL';
}

/** AWS managed rule groups in evaluation order; rules listed with them only count instead of blocking. */
const MANAGED_GROUPS: readonly { name: string; countOnly?: readonly string[] }[] = [
  { name: 'AWSManagedRulesAmazonIpReputationList' },
  // Tenant databases take large JSON uploads; the 8 KB body-size rule would block legitimate writes.
  { name: 'AWSManagedRulesCommonRuleSet', countOnly: ['SizeRestrictions_BODY'] },
  { name: 'AWSManagedRulesKnownBadInputsRuleSet' },
];

/** The CloudFront web ACL: AWS managed rule groups plus a per-IP rate rule. */
export class EdgeWebAcl extends Construct {
  public readonly webAcl: Wafv2WebAcl;

  constructor(scope: Construct, id: string, props: EdgeWebAclProps) {
    super(scope, id);
    validateProps(EdgeWebAclPropsSchema, props, describeConstruct('EdgeWebAcl', this.node));
    const visibility = (metric: string) => ({ cloudwatchMetricsEnabled: true, metricName: `${props.name}-${metric}`, sampledRequestsEnabled: true });
    const managed: Wafv2WebAclRule[] = MANAGED_GROUPS.map((group, priority) => ({
      name: group.name,
      priority,
      overrideAction: { none: {} },
      statement: {
        managed_rule_group_statement: {
          vendor_name: 'AWS',
          name: group.name,
          rule_action_override: (group.countOnly ?? []).map((rule) => ({ name: rule, action_to_use: { count: {} } })),
        },
      },
      visibilityConfig: visibility(group.name),
    }));
    this.webAcl = new Wafv2WebAcl(this, 'web-acl', {
      provider: props.provider,
      name: `${props.name}-edge`,
      description: props.description ?? 'Managed protections and a per-IP rate limit in front of the tenant API',
      scope: props.scope ?? 'CLOUDFRONT',
      defaultAction: { allow: {} },
      rule: [
        ...managed,
        {
          name: 'rate-per-ip',
          priority: managed.length,
          action: { block: {} },
          statement: { rate_based_statement: { limit: props.rateLimitPer5Minutes, aggregate_key_type: 'IP', evaluation_window_sec: 300 } },
          visibilityConfig: visibility('rate-per-ip'),
        },
      ],
      visibilityConfig: visibility('edge'),
    });
  }
}
