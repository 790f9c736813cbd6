import { Wafv2WebAcl, Wafv2WebAclAssociation } from '../../../core/aws';
import { validateProps } from '../../../core/validation';
import { OriginVerifyAclPropsSchema } from './origin-verify-acl.schema';
import { describeConstruct } from '../../../core/errors';
import { Construct } from '../../../core/cdktf';

/** Header CloudFront adds to every origin request; its value is the origin secret. */
export const ORIGIN_VERIFY_HEADER = 'x-origin-verify';

export interface OriginVerifyAclProps {
  /** ARN of the API Gateway stage to guard. */
  readonly stageArn: string;
  /** The secret CloudFront sends (a token; never a literal in code). */
  readonly secret: string;
  /** Name prefix for the web ACL and its metrics. */
  readonly name: string;
}

/**
 * A Regional WAF web ACL on the API stage that blocks every request not
 * carrying the CloudFront origin secret. API Gateway cannot check a header
 * value by itself, and the regional custom domain stays resolvable, so this
 * is what keeps callers from skipping CloudFront (and its WAF).
 */
export class OriginVerifyAcl extends Construct {
  public readonly webAcl: Wafv2WebAcl;

  constructor(scope: Construct, id: string, props: OriginVerifyAclProps) {
    super(scope, id);
    validateProps(OriginVerifyAclPropsSchema, props, describeConstruct('OriginVerifyAcl', this.node));
    this.webAcl = new Wafv2WebAcl(this, 'web-acl', {
      name: `${props.name}-origin-verify`,
      description: 'Only requests that came through CloudFront reach the API',
      scope: 'REGIONAL',
      defaultAction: { block: {} },
      rule: [
        {
          name: 'came-through-cloudfront',
          priority: 0,
          action: { allow: {} },
          statement: {
            byte_match_statement: {
              field_to_match: { single_header: { name: ORIGIN_VERIFY_HEADER } },
              positional_constraint: 'EXACTLY',
              search_string: props.secret,
              text_transformation: [{ priority: 0, type: 'NONE' }],
            },
          },
          visibilityConfig: { cloudwatchMetricsEnabled: true, metricName: `${props.name}-origin-verify-allow`, sampledRequestsEnabled: false },
        },
      ],
      visibilityConfig: { cloudwatchMetricsEnabled: true, metricName: `${props.name}-origin-verify`, sampledRequestsEnabled: true },
    });
    new Wafv2WebAclAssociation(this, 'association', { resourceArn: props.stageArn, webAclArn: this.webAcl.arn });
  }
}
