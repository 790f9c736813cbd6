import { ApiGatewayBasePathMapping, ApiGatewayDomainName, AwsProvider, CloudfrontDistribution, KmsKey, Route53Record } from '../../../core/aws';
import { validateProps } from '../../../core/validation';
import { PublicEdgePropsSchema } from './public-edge.schema';
import { Construct } from '../../../core/cdktf';
import { environmentOf } from '../../../core/environment-context';
import { describeConstruct } from '../../../core/errors';
import { ORIGIN_VERIFY_HEADER } from '../api/origin-verify-acl';
import { validateWafRateLimit } from '../api/throttle';
import { LogBucket } from '../storage/log-bucket';
import { EdgeWebAcl } from './edge-web-acl';
import { PlatformDomain } from './platform-domain';

/** AWS managed CloudFront policies: no caching (every call is a live query), and every viewer header (Host, x-api-key) to the origin. */
export const CACHING_DISABLED_POLICY_ID = '4135ea2d-6df8-44a3-9df3-4b5a84be39ad';
export const ALL_VIEWER_ORIGIN_REQUEST_POLICY_ID = '216adef6-5c7f-47e4-b989-5492eafa07d3';

export interface PublicEdgeProps {
  readonly platformDomain: PlatformDomain;
  readonly restApiId: string;
  readonly stageName: string;
  /** The origin secret CloudFront adds to every request. */
  readonly originSecret: string;
  readonly logsKmsKey: KmsKey;
  readonly cloudFrontProvider: AwsProvider;
  /** @default 2000 */
  readonly rateLimitPer5Minutes?: number;
  /** @default 'PriceClass_100' */
  readonly priceClass?: 'PriceClass_All' | 'PriceClass_200' | 'PriceClass_100';
  /** @default 365 */
  readonly logRetentionDays?: number;
}

/**
 * The internet-facing edge: `*.<domain>` resolves to CloudFront (TLS 1.2_2021+,
 * HTTPS only, WAF with managed rules and a rate rule, access logs), which
 * forwards every request uncached, with the viewer's Host and the origin
 * secret, to the API's regional custom domain `*.<domain>` (TLS 1.2).
 */
export class PublicEdge extends Construct {
  public readonly apiDomain: ApiGatewayDomainName;
  public readonly distribution: CloudfrontDistribution;
  public readonly webAcl: EdgeWebAcl;
  public readonly logBucket: LogBucket;

  constructor(scope: Construct, id: string, props: PublicEdgeProps) {
    super(scope, id);
    validateProps(PublicEdgePropsSchema, props, describeConstruct('PublicEdge', this.node));
    const where = describeConstruct('PublicEdge', this.node);
    const env = environmentOf(this, 'PublicEdge');
    const rateLimit = validateWafRateLimit(props.rateLimitPer5Minutes ?? 2000, where);
    const domain = props.platformDomain.domain;
    const wildcard = `*.${domain}`;
    const name = `tf-${env.name}-tenants`;

    this.apiDomain = new ApiGatewayDomainName(this, 'api-domain', {
      domainName: wildcard,
      regionalCertificateArn: props.platformDomain.regionalCertificate.certificateArn,
      endpointConfiguration: { types: ['REGIONAL'] },
      securityPolicy: 'TLS_1_2',
    });
    new ApiGatewayBasePathMapping(this, 'api-mapping', { apiId: props.restApiId, stageName: props.stageName, domainName: this.apiDomain.domainName });

    this.webAcl = new EdgeWebAcl(this, 'waf', { name, provider: props.cloudFrontProvider, rateLimitPer5Minutes: rateLimit });
    // CloudFront standard logging grants itself write access through a bucket ACL, so ACLs stay enabled here.
    this.logBucket = new LogBucket(this, 'logs', {
      purpose: 'edge-logs',
      encryption: { kind: 'kms', key: props.logsKmsKey },
      objectOwnership: 'BucketOwnerPreferred',
      retentionDays: props.logRetentionDays,
    });

    const originId = 'tenant-api';
    this.distribution = new CloudfrontDistribution(this, 'distribution', {
      enabled: true,
      comment: `${name}: tenant API edge`,
      aliases: [wildcard],
      priceClass: props.priceClass ?? 'PriceClass_100',
      httpVersion: 'http2and3',
      isIpv6Enabled: true,
      webAclId: this.webAcl.webAcl.arn,
      origin: [
        {
          originId,
          domainName: this.apiDomain.regionalDomainName,
          customOriginConfig: { httpPort: 80, httpsPort: 443, originProtocolPolicy: 'https-only', originSslProtocols: ['TLSv1.2'], originReadTimeout: 30 },
          customHeader: [{ name: ORIGIN_VERIFY_HEADER, value: props.originSecret }],
        },
      ],
      defaultCacheBehavior: {
        targetOriginId: originId,
        viewerProtocolPolicy: 'https-only',
        allowedMethods: ['GET', 'HEAD', 'OPTIONS', 'PUT', 'POST', 'PATCH', 'DELETE'],
        cachedMethods: ['GET', 'HEAD'],
        cachePolicyId: CACHING_DISABLED_POLICY_ID,
        originRequestPolicyId: ALL_VIEWER_ORIGIN_REQUEST_POLICY_ID,
        compress: true,
      },
      viewerCertificate: {
        acmCertificateArn: props.platformDomain.cloudFrontCertificate.certificateArn,
        sslSupportMethod: 'sni-only',
        minimumProtocolVersion: 'TLSv1.2_2021',
      },
      restrictions: { geoRestriction: { restrictionType: 'none' } },
      loggingConfig: { bucket: this.logBucket.bucket.bucketDomainName, prefix: 'cloudfront/', includeCookies: false },
    });

    for (const type of ['A', 'AAAA']) {
      new Route53Record(this, `tenant-hosts-${type.toLowerCase()}`, {
        zoneId: props.platformDomain.hostedZoneId,
        name: wildcard,
        type,
        alias: { name: this.distribution.domainName, zoneId: this.distribution.hostedZoneId, evaluateTargetHealth: false },
      });
    }
  }
}
