import { AwsProvider, DataAwsEc2ManagedPrefixList, KmsKey, Lb, LbListener, LbListenerRule, LbTargetGroup, Route53Record, SecurityGroup, VpcSecurityGroupEgressRule, VpcSecurityGroupIngressRule } from '../../core/aws';
import { Construct, TerraformElement } from '../../core/cdktf';
import { suppress } from '../../core/suppressions';
import { environmentOf } from '../../core/environment-context';
import { describeConstruct, TenantformError } from '../../core/errors';
import { guardArns, validateProps } from '../../core/validation';
import { elbLogWriters } from '../platform/alb-pool/elb-log-delivery';
import { ORIGIN_VERIFY_HEADER } from '../platform/api/origin-verify-acl';
import { OriginSecret } from '../platform/edge/origin-secret';
import { LogBucket } from '../platform/storage/log-bucket';
import { CACHING_DISABLED_POLICY_ID, StaticSite, StaticSiteDomain } from './static-site';
import { WebEdgePropsSchema } from './web-edge.schema';

/** CloudFront's origin-facing addresses, as an AWS-managed prefix list. */
export const CLOUDFRONT_ORIGIN_FACING_PREFIX_LIST = 'com.amazonaws.global.cloudfront.origin-facing';
/** AWS managed origin request policy: every viewer header, cookie and query string, but not Host (the ALB's certificate names the origin). */
export const ALL_VIEWER_EXCEPT_HOST_POLICY_ID = 'b689b0a8-53d0-40ab-baf2-68738e2966ac';

/** The API half: an internet-facing ALB that only CloudFront can reach. */
export interface WebEdgeApiOptions {
  readonly vpcId: string;
  /** Public subnets (one per AZ) of the ALB. */
  readonly publicSubnetIds: readonly string[];
  /** DNS name CloudFront connects to; the ALB's certificate must cover it (e.g. `origin.example.com`). */
  readonly originDomainName: string;
  /** Regional ACM certificate (the ALB's region) for originDomainName. */
  readonly certificateArn: string;
  /** Port the pods listen on; the target group registers pod IPs (the load balancer controller's TargetGroupBinding). */
  readonly targetPort: number;
  /**
   * Path CloudFront sends to the ALB.
   * @default '/api/*'
   */
  readonly pathPattern?: string;
  /**
   * Health check path on the pods.
   * @default '/healthz'
   */
  readonly healthCheckPath?: string;
  /**
   * Refuse API deletion of the ALB.
   * @default true
   */
  readonly deletionProtection?: boolean;
}

export interface WebEdgeProps {
  /** Short lowercase label of the app (1-16), as StaticSite's siteName. */
  readonly siteName: string;
  /** The viewer domain (aliases, the us-east-1 certificate, optional hosted zone). */
  readonly domain: StaticSiteDomain;
  /** Provider in us-east-1, for CloudFront's WAF and certificate. */
  readonly cloudFrontProvider: AwsProvider;
  /** Key for the edge's log buckets and the origin secret. */
  readonly logsKmsKey: KmsKey;
  readonly api: WebEdgeApiOptions;
  /**
   * Requests per 5 minutes per IP before the WAF blocks.
   * @default - StaticSite's default
   */
  readonly rateLimitPer5Minutes?: number;
}

/**
 * The web app's edge: CloudFront with the SPA from S3 through origin access
 * control (StaticSite: WAF managed rules, TLSv1.2_2021, security headers,
 * logs) and `/api/*` to an internet-facing ALB that only CloudFront reaches:
 * its security group admits the CloudFront origin-facing managed prefix list
 * on 443 and nothing else, and its listener forwards only requests carrying
 * the origin secret CloudFront adds; everything else gets 403. The ALB
 * forwards to pod IPs in a target group, which the AWS Load Balancer
 * Controller fills (TargetGroupBinding); admit the ALB to the pods with
 * `eks.allowIngressFrom('alb', edge.albSecurityGroupId, port)` and call
 * `edge.allowTargets(...)` for the ALB's side.
 */
export class WebEdge extends Construct {
  public readonly site: StaticSite;
  public readonly alb: Lb;
  public readonly albSecurityGroupId: string;
  public readonly targetGroup: LbTargetGroup;
  public readonly httpsListener: LbListener;
  public readonly originSecret: OriginSecret;
  private readonly albGroup: SecurityGroup;
  private readonly targetPort: number;

  constructor(scope: Construct, id: string, props: WebEdgeProps) {
    super(scope, id);
    const where = describeConstruct('WebEdge', this.node);
    validateProps(WebEdgePropsSchema, props, where);
    const env = environmentOf(this, 'WebEdge');
    guardArns({ api: props.api }, env, where);
    const api = props.api;
    const pathPattern = api.pathPattern ?? '/api/*';
    if (!/^\/[A-Za-z0-9_\-./*]{0,254}$/.test(pathPattern)) {
      throw new TenantformError({ code: 'TF-WEB-020', where, problem: 'api.pathPattern must be a CloudFront path pattern starting with "/".', value: pathPattern, fix: 'use e.g. "/api/*".' });
    }
    if (!Number.isInteger(api.targetPort) || api.targetPort < 1 || api.targetPort > 65535) {
      throw new TenantformError({ code: 'TF-WEB-021', where, problem: 'api.targetPort must be a port in 1-65535.', value: api.targetPort, fix: 'use the port the pods listen on, e.g. 8080.' });
    }
    if (api.publicSubnetIds.length < 2) {
      throw new TenantformError({ code: 'TF-WEB-022', where, problem: 'an ALB needs public subnets in at least two AZs.', value: api.publicSubnetIds, fix: "pass the VPC's public subnets." });
    }
    const healthCheckPath = api.healthCheckPath ?? '/healthz';
    if (!/^\/[A-Za-z0-9_\-./]{0,1023}$/.test(healthCheckPath)) {
      throw new TenantformError({ code: 'TF-WEB-021', where, problem: 'api.healthCheckPath must be an absolute path.', value: healthCheckPath, fix: 'use e.g. "/healthz".' });
    }
    this.targetPort = api.targetPort;
    const name = `${env.name}-${props.siteName}`;

    this.originSecret = new OriginSecret(this, 'origin-secret', { kmsKeyArn: props.logsKmsKey.arn });
    this.site = new StaticSite(this, 'site', {
      siteName: props.siteName,
      domain: props.domain,
      cloudFrontProvider: props.cloudFrontProvider,
      logsKmsKey: props.logsKmsKey,
      ...(props.rateLimitPer5Minutes !== undefined ? { rateLimitPer5Minutes: props.rateLimitPer5Minutes } : {}),
    });
    this.site.addCustomOrigin({ originId: 'api', domainName: api.originDomainName, customHeaders: [{ name: ORIGIN_VERIFY_HEADER, value: this.originSecret.value }] });
    this.site.addBehavior({ pathPattern, originId: 'api', cachePolicyId: CACHING_DISABLED_POLICY_ID, originRequestPolicyId: ALL_VIEWER_EXCEPT_HOST_POLICY_ID });

    const cloudFront = new DataAwsEc2ManagedPrefixList(this, 'cloudfront-prefix-list', { name: CLOUDFRONT_ORIGIN_FACING_PREFIX_LIST });
    this.albGroup = new SecurityGroup(this, 'alb-security-group', { name: `${name}-alb`, description: `${name}: HTTPS from CloudFront only`, vpcId: api.vpcId, tags: { Name: `${name}-alb` } });
    this.albSecurityGroupId = this.albGroup.id;
    new VpcSecurityGroupIngressRule(this, 'alb-from-cloudfront', { securityGroupId: this.albGroup.id, description: 'HTTPS from CloudFront origin-facing addresses', ipProtocol: 'tcp', fromPort: 443, toPort: 443, prefixListId: cloudFront.id });

    const logs = new LogBucket(this, 'alb-logs', {
      purpose: `${props.siteName}-alb-logs`.slice(0, 30),
      // Elastic Load Balancing writes access logs with SSE-S3 only.
      encryption: { kind: 's3-managed', reason: 'ALB access logs can only be delivered to SSE-S3 buckets (ELB does not support SSE-KMS for access logs)' },
      writers: elbLogWriters(env.region, env.accountId, 'alb/', 'nlb/'),
    });
    this.alb = new Lb(this, 'alb', {
      name: `${name}-api`.slice(0, 32),
      loadBalancerType: 'application',
      internal: false,
      subnets: [...api.publicSubnetIds],
      securityGroups: [this.albGroup.id],
      dropInvalidHeaderFields: true,
      enableDeletionProtection: api.deletionProtection ?? true,
      desyncMitigationMode: 'strictest',
      accessLogs: { bucket: logs.bucket.bucket, prefix: 'alb', enabled: true },
    });
    this.targetGroup = new LbTargetGroup(this, 'pods', {
      name: `${name}-pods`.slice(0, 32),
      vpcId: api.vpcId,
      targetType: 'ip',
      port: api.targetPort,
      protocol: 'HTTP',
      healthCheck: { path: healthCheckPath, matcher: '200-399', protocol: 'HTTP' },
    });
    this.httpsListener = new LbListener(this, 'https', {
      loadBalancerArn: this.alb.arn,
      port: 443,
      protocol: 'HTTPS',
      sslPolicy: 'ELBSecurityPolicy-TLS13-1-2-2021-06',
      certificateArn: api.certificateArn,
      // Anything without the origin secret did not come through CloudFront.
      defaultAction: [{ type: 'fixed-response', fixedResponse: { contentType: 'text/plain', statusCode: '403', messageBody: 'Forbidden' } }],
    });
    new LbListenerRule(this, 'from-cloudfront', {
      listenerArn: this.httpsListener.arn,
      priority: 1,
      condition: [{ httpHeader: { httpHeaderName: ORIGIN_VERIFY_HEADER, values: [this.originSecret.value] } }, { pathPattern: { values: [pathPattern] } }],
      action: [{ type: 'forward', targetGroupArn: this.targetGroup.arn }],
    });
    this.checkovReasons(logs);
    if (props.domain.hostedZoneId !== undefined) {
      new Route53Record(this, 'origin-record', { zoneId: props.domain.hostedZoneId, name: api.originDomainName, type: 'A', alias: { name: this.alb.dnsName, zoneId: this.alb.zoneId, evaluateTargetHealth: true } });
    }
  }

  /** Checkov checks that misread this edge or ask for what it deliberately is not; each says why. */
  private checkovReasons(albLogs: LogBucket): void {
    const distribution = this.site.distribution;
    suppress(distribution, 'CKV_AWS_374', 'the app serves every country; who gets in is decided by the WAF and, for the API, the origin secret, not geography');
    suppress(distribution, 'CKV_AWS_310', 'one regional ALB origin per environment; a failover origin needs a second regional stack this platform does not run');
    suppress(distribution, 'CKV2_AWS_47', "the CloudFront web ACL includes AWSManagedRulesKnownBadInputsRuleSet (Log4j); checkov 3.3.30 does not follow the cdktf web_acl_id reference to it");
    suppress(distribution, 'CKV2_AWS_32', "every behaviour attaches AWS's managed SecurityHeadersPolicy by ID; checkov only recognises an aws_cloudfront_response_headers_policy resource");
    if (this.site.webAcl) suppress(this.site.webAcl.webAcl, 'CKV2_AWS_31', 'WAF decisions are visible in CloudWatch metrics and sampled requests; full request logging (an aws-waf-logs-* destination) is not configured yet');
    const ownership = this.site.logBucket.node.tryFindChild('ownership');
    if (ownership instanceof TerraformElement) suppress(ownership, 'CKV2_AWS_65', 'CloudFront standard logging writes through bucket ACLs, so the edge log bucket keeps ACLs enabled (BucketOwnerPreferred)');
    suppress(albLogs.bucket, 'CKV_AWS_145', 'Elastic Load Balancing access-log delivery supports only SSE-S3 on the target bucket, not SSE-KMS; the bucket still denies non-TLS access');
    suppress(this.alb, 'CKV2_AWS_28', 'the ALB admits only the CloudFront origin-facing prefix list and forwards only requests with the origin secret; the WAF sits on CloudFront in front of it');
  }

  /** Lets the ALB reach the pods' security group on the target port (the pods admit the ALB on their side). */
  public allowTargets(label: string, targetSecurityGroupId: string): VpcSecurityGroupEgressRule {
    if (!/^[A-Za-z][A-Za-z0-9-]{0,62}$/.test(label)) {
      throw new TenantformError({ code: 'TF-WEB-023', where: describeConstruct('WebEdge', this.node), problem: 'a target label must be a letter then letters, digits or hyphens.', value: label, fix: 'use e.g. "pods".' });
    }
    return new VpcSecurityGroupEgressRule(this, `alb-to-${label}`, { securityGroupId: this.albGroup.id, description: `To ${label} on ${this.targetPort}`, ipProtocol: 'tcp', fromPort: this.targetPort, toPort: this.targetPort, referencedSecurityGroupId: targetSecurityGroupId });
  }
}
