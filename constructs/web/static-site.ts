import { AwsProvider, CloudfrontDistribution, CloudfrontOriginAccessControl, KmsKey, Route53Record, S3Bucket } from '../../core/aws';
import { Construct, Token } from '../../core/cdktf';
import { environmentOf } from '../../core/environment-context';
import { describeConstruct, TenantformError } from '../../core/errors';
import { validateProps } from '../../core/validation';
import { customerManagedKey } from '../kms/customer-managed-key';
import { partitionOf } from '../identity/arn';
import { validateWafRateLimit } from '../platform/api/throttle';
import { isDomainName } from '../platform/edge/domain-names';
import { EdgeWebAcl } from '../platform/edge/edge-web-acl';
import { CACHING_DISABLED_POLICY_ID, ALL_VIEWER_ORIGIN_REQUEST_POLICY_ID } from '../platform/edge/public-edge';
import { LogBucket } from '../platform/storage/log-bucket';
import { secureBucket } from '../platform/storage/secure-bucket';
import { StaticSitePropsSchema } from './static-site.schema';

/** AWS managed CloudFront policies for static content: cache by path with compression, and the security headers (HSTS, nosniff, frame options). */
export const CACHING_OPTIMIZED_POLICY_ID = '658327ea-f89d-4fab-a63d-7e88639e58f6';
export const SECURITY_HEADERS_POLICY_ID = '67f7725c-6f97-4210-82d7-5512b31e9d03';
export { CACHING_DISABLED_POLICY_ID, ALL_VIEWER_ORIGIN_REQUEST_POLICY_ID };

/** The origin ID of the site's own bucket; the default behaviour targets it. */
export const SITE_BUCKET_ORIGIN_ID = 'site-bucket';

export interface StaticSiteDomain {
  /** Host names the distribution answers to, e.g. `['ui.data.example.com']`. */
  readonly aliases: readonly string[];
  /** ARN of a validated us-east-1 ACM certificate covering every alias. */
  readonly certificateArn: string;
  /**
   * Public hosted zone in which to create A and AAAA alias records for each alias.
   * @default - no DNS records (the caller points its names at `distribution.domainName`)
   */
  readonly hostedZoneId?: string;
}

export interface StaticSiteProps {
  /** Short lowercase label of the site, part of every name, e.g. `ui` or `docs`. */
  readonly siteName: string;
  /** Custom domain and certificate; CloudFront's default certificate cannot enforce TLSv1.2_2021. */
  readonly domain: StaticSiteDomain;
  /** The us-east-1 provider: CloudFront web ACLs live there. */
  readonly cloudFrontProvider: AwsProvider;
  /** Customer-managed key for the access-log bucket. */
  readonly logsKmsKey: KmsKey;
  /**
   * ARN of an existing CLOUDFRONT-scope WAF web ACL to associate.
   * @default - a new web ACL with AWS managed rule groups and a per-IP rate rule
   */
  readonly webAclArn?: string;
  /**
   * Requests per client IP per 5 minutes before the new web ACL blocks (ignored with `webAclArn`).
   * @default 2000
   */
  readonly rateLimitPer5Minutes?: number;
  /**
   * A single-page app: S3's 403 and 404 for unknown paths answer with the index document and status 200, so client-side routes load.
   * @default true
   */
  readonly singlePageApp?: boolean;
  /**
   * Object served for `/` (and for unknown paths of a single-page app).
   * @default 'index.html'
   */
  readonly indexDocument?: string;
  /** @default 'PriceClass_100' */
  readonly priceClass?: 'PriceClass_All' | 'PriceClass_200' | 'PriceClass_100';
  /**
   * Days access logs are kept.
   * @default 365
   */
  readonly logRetentionDays?: number;
}

/** A custom origin added beside the bucket (an ALB for `/api/*`, say): always HTTPS with TLS 1.2. */
export interface StaticSiteCustomOrigin {
  /** Unique origin ID, referenced by behaviours. */
  readonly originId: string;
  /** The origin's DNS name; its certificate must cover it. */
  readonly domainName: string;
  /** Headers CloudFront adds to every request to this origin (an origin secret, say). @default - none */
  readonly customHeaders?: readonly { readonly name: string; readonly value: string }[];
  /** @default 30 */
  readonly readTimeoutSeconds?: number;
}

/** An ordered cache behaviour for a path pattern, evaluated before the default (the bucket). */
export interface StaticSiteBehavior {
  /** CloudFront path pattern, e.g. `/api/*`. */
  readonly pathPattern: string;
  /** Origin ID of the bucket or of a custom origin added before. */
  readonly originId: string;
  /** @default - caching disabled (every request reaches the origin) */
  readonly cachePolicyId?: string;
  /** @default - every viewer header, cookie and query string to the origin */
  readonly originRequestPolicyId?: string;
  /** @default - all methods (GET, HEAD, OPTIONS, PUT, POST, PATCH, DELETE) */
  readonly allowedMethods?: readonly ('GET' | 'HEAD' | 'OPTIONS' | 'PUT' | 'POST' | 'PATCH' | 'DELETE')[];
}

type Origin = Exclude<ConstructorParameters<typeof CloudfrontDistribution>[2]['origin'], { resolve: unknown }>[number];
type OrderedBehavior = Exclude<NonNullable<ConstructorParameters<typeof CloudfrontDistribution>[2]['orderedCacheBehavior']>, { resolve: unknown }>[number];

const SITE_NAME = /^[a-z][a-z0-9-]{0,15}$/;
const ORIGIN_ID = /^[A-Za-z0-9_-]{1,64}$/;
const PATH_PATTERN = /^\/?[A-Za-z0-9_.\-/*?~+=@&!$'()]{1,254}$/;

/**
 * A static website on S3 behind CloudFront. The bucket is the kit's secure
 * bucket under its own customer-managed key; only this distribution reads
 * it, through origin access control (SigV4), and only this distribution may
 * use the key to decrypt. Viewers get HTTPS with TLSv1.2_2021 or later,
 * AWS managed security headers, a WAF web ACL, and access logs.
 *
 * More origins and path behaviours can be added with {@link addCustomOrigin}
 * and {@link addBehavior} (an ALB behind `/api/*`, say); the bucket stays the
 * default behaviour.
 */
export class StaticSite extends Construct {
  public readonly bucket: S3Bucket;
  public readonly contentKey: KmsKey;
  public readonly distribution: CloudfrontDistribution;
  public readonly logBucket: LogBucket;
  /** ARN of the web ACL the distribution uses (created here or passed in). */
  public readonly webAclArn: string;
  public readonly webAcl?: EdgeWebAcl;
  private readonly origins: Origin[];
  private readonly behaviors: OrderedBehavior[] = [];
  private readonly where: string;

  constructor(scope: Construct, id: string, props: StaticSiteProps) {
    super(scope, id);
    this.where = describeConstruct('StaticSite', this.node);
    validateProps(StaticSitePropsSchema, props, this.where);
    const env = environmentOf(this, 'StaticSite');
    const partition = partitionOf(env.region);
    const siteName = validateSiteName(props.siteName, this.where);
    const indexDocument = props.indexDocument ?? 'index.html';
    if (!/^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$/.test(indexDocument)) {
      throw new TenantformError({ code: 'TF-WEB-002', where: this.where, problem: 'indexDocument must be one object key of letters, digits, dots, hyphens and underscores, without a leading slash.', value: indexDocument, fix: 'use e.g. "index.html".' });
    }
    validateDomain(props.domain, this.where);
    const name = `tf-${env.name}-${siteName}`;

    // The distribution is created below the key and the bucket; their policies name it through a late-bound reference.
    const distributionArn = lateString(() => this.distribution.arn);
    const content = customerManagedKey(this, {
      keyId: 'content-key',
      aliasId: 'content-key-alias',
      description: `${name}: static site objects; CloudFront decrypts for this distribution only`,
      alias: `tenantform/${env.name}/site-${siteName}`,
      partition,
      accountId: env.accountId,
      // Deployers upload the site's objects with their IAM permissions.
      accountMayUse: true,
      statements: [
        {
          Sid: 'CloudFrontDecryptsForThisDistribution',
          Effect: 'Allow',
          Principal: { Service: 'cloudfront.amazonaws.com' },
          Action: ['kms:Decrypt'],
          Resource: '*',
          Condition: { StringEquals: { 'AWS:SourceArn': distributionArn } },
        },
      ],
    });
    this.contentKey = content.key;

    this.bucket = secureBucket(this, {
      bucketPrefix: `${name}-site-`.slice(0, 37),
      encryption: { kind: 'kms', keyArn: content.key.arn },
      objectOwnership: 'BucketOwnerEnforced',
      // Current objects are the site; only replaced versions and abandoned uploads age out.
      lifecycleRule: { id: 'age-out-replaced-objects', status: 'Enabled', filter: [{ prefix: '' }], noncurrentVersionExpiration: [{ noncurrentDays: 90 }], abortIncompleteMultipartUpload: [{ daysAfterInitiation: 7 }] },
      statements: (arn) => [
        {
          Sid: 'CloudFrontReadsForThisDistribution',
          Effect: 'Allow',
          Principal: { Service: 'cloudfront.amazonaws.com' },
          Action: ['s3:GetObject'],
          Resource: `${arn}/*`,
          Condition: { StringEquals: { 'AWS:SourceArn': distributionArn } },
        },
      ],
    }).bucket;

    const oac = new CloudfrontOriginAccessControl(this, 'origin-access-control', {
      name: `${name}-site`,
      description: `CloudFront signs every request to the ${siteName} bucket`,
      originAccessControlOriginType: 's3',
      signingBehavior: 'always',
      signingProtocol: 'sigv4',
    });

    if (props.webAclArn !== undefined) {
      this.webAclArn = props.webAclArn;
    } else {
      const rateLimit = validateWafRateLimit(props.rateLimitPer5Minutes ?? 2000, this.where);
      this.webAcl = new EdgeWebAcl(this, 'waf', { name, provider: props.cloudFrontProvider, rateLimitPer5Minutes: rateLimit, description: `Managed protections and a per-IP rate limit in front of the ${siteName} site` });
      this.webAclArn = this.webAcl.webAcl.arn;
    }

    // CloudFront standard logging grants itself write access through a bucket ACL, so ACLs stay enabled here.
    this.logBucket = new LogBucket(this, 'logs', {
      purpose: `${siteName}-logs`,
      encryption: { kind: 'kms', key: props.logsKmsKey },
      objectOwnership: 'BucketOwnerPreferred',
      retentionDays: props.logRetentionDays,
    });

    this.origins = [{ originId: SITE_BUCKET_ORIGIN_ID, domainName: this.bucket.bucketRegionalDomainName, originAccessControlId: oac.id }];
    const singlePageApp = props.singlePageApp ?? true;
    this.distribution = new CloudfrontDistribution(this, 'distribution', {
      enabled: true,
      comment: `${name}: static site`,
      aliases: [...props.domain.aliases],
      priceClass: props.priceClass ?? 'PriceClass_100',
      httpVersion: 'http2and3',
      isIpv6Enabled: true,
      defaultRootObject: indexDocument,
      webAclId: this.webAclArn,
      origin: this.origins,
      defaultCacheBehavior: {
        targetOriginId: SITE_BUCKET_ORIGIN_ID,
        viewerProtocolPolicy: 'redirect-to-https',
        allowedMethods: ['GET', 'HEAD', 'OPTIONS'],
        cachedMethods: ['GET', 'HEAD'],
        cachePolicyId: CACHING_OPTIMIZED_POLICY_ID,
        responseHeadersPolicyId: SECURITY_HEADERS_POLICY_ID,
        compress: true,
      },
      customErrorResponse: singlePageApp
        ? [403, 404].map((errorCode) => ({ errorCode, responseCode: 200, responsePagePath: `/${indexDocument}`, errorCachingMinTtl: 10 }))
        : undefined,
      viewerCertificate: { acmCertificateArn: props.domain.certificateArn, sslSupportMethod: 'sni-only', minimumProtocolVersion: 'TLSv1.2_2021' },
      restrictions: { geoRestriction: { restrictionType: 'none' } },
      loggingConfig: { bucket: this.logBucket.bucket.bucketDomainName, prefix: `cloudfront/${siteName}/`, includeCookies: false },
    });

    if (props.domain.hostedZoneId !== undefined) {
      props.domain.aliases.forEach((alias) => {
        for (const type of ['A', 'AAAA']) {
          new Route53Record(this, `alias-${alias}-${type.toLowerCase()}`, {
            zoneId: props.domain.hostedZoneId!,
            name: alias,
            type,
            alias: { name: this.distribution.domainName, zoneId: this.distribution.hostedZoneId, evaluateTargetHealth: false },
          });
        }
      });
    }
  }

  /** Adds an HTTPS-only custom origin (TLS 1.2); route paths to it with {@link addBehavior}. */
  public addCustomOrigin(origin: StaticSiteCustomOrigin): void {
    if (!ORIGIN_ID.test(origin.originId) || this.origins.some((o) => o.originId === origin.originId)) {
      throw new TenantformError({ code: 'TF-WEB-004', where: this.where, problem: 'an origin ID must be 1-64 letters, digits, hyphens or underscores, and unique in the distribution.', value: origin.originId, fix: `pick a new ID such as "api" (taken: ${this.origins.map((o) => o.originId).join(', ')}).` });
    }
    if (!Token.isUnresolved(origin.domainName) && !isDomainName(origin.domainName)) {
      throw new TenantformError({ code: 'TF-WEB-004', where: this.where, problem: 'a custom origin needs a DNS name its certificate covers (HTTPS only).', value: origin.domainName, fix: 'pass the load balancer DNS name or a name under your domain.' });
    }
    const readTimeout = origin.readTimeoutSeconds ?? 30;
    if (!Number.isInteger(readTimeout) || readTimeout < 1 || readTimeout > 180) {
      throw new TenantformError({ code: 'TF-WEB-004', where: this.where, problem: 'an origin read timeout must be 1 to 180 whole seconds.', value: readTimeout, fix: 'use 30 unless the origin needs longer.' });
    }
    this.origins.push({
      originId: origin.originId,
      domainName: origin.domainName,
      customOriginConfig: { httpPort: 80, httpsPort: 443, originProtocolPolicy: 'https-only', originSslProtocols: ['TLSv1.2'], originReadTimeout: readTimeout },
      customHeader: (origin.customHeaders ?? []).map((h) => ({ name: h.name, value: h.value })),
    });
    this.distribution.putOrigin(this.origins);
  }

  /** Routes a path pattern to an origin, ahead of the default behaviour; viewers are redirected to HTTPS. */
  public addBehavior(behavior: StaticSiteBehavior): void {
    if (!PATH_PATTERN.test(behavior.pathPattern) || this.behaviors.some((b) => b.pathPattern === behavior.pathPattern)) {
      throw new TenantformError({ code: 'TF-WEB-005', where: this.where, problem: 'a path pattern must be a CloudFront path pattern (at most 255 characters) not used by another behaviour.', value: behavior.pathPattern, fix: 'use e.g. "/api/*".' });
    }
    if (!this.origins.some((o) => o.originId === behavior.originId)) {
      throw new TenantformError({ code: 'TF-WEB-005', where: this.where, problem: 'a behaviour must target an origin of this distribution.', value: behavior.originId, fix: `add the origin first with addCustomOrigin, or use one of: ${this.origins.map((o) => o.originId).join(', ')}.` });
    }
    const methods = behavior.allowedMethods ?? ['GET', 'HEAD', 'OPTIONS', 'PUT', 'POST', 'PATCH', 'DELETE'];
    this.behaviors.push({
      pathPattern: behavior.pathPattern,
      targetOriginId: behavior.originId,
      viewerProtocolPolicy: 'redirect-to-https',
      allowedMethods: [...methods],
      cachedMethods: ['GET', 'HEAD'],
      cachePolicyId: behavior.cachePolicyId ?? CACHING_DISABLED_POLICY_ID,
      originRequestPolicyId: behavior.originRequestPolicyId ?? ALL_VIEWER_ORIGIN_REQUEST_POLICY_ID,
      responseHeadersPolicyId: SECURITY_HEADERS_POLICY_ID,
      compress: true,
    });
    this.distribution.putOrderedCacheBehavior(this.behaviors);
  }
}

function validateSiteName(siteName: string, where: string): string {
  if (!SITE_NAME.test(siteName)) {
    throw new TenantformError({ code: 'TF-WEB-001', where, problem: 'siteName must be a lowercase label of 1-16 letters, digits and hyphens, starting with a letter.', value: siteName, fix: 'use e.g. "ui" or "docs".' });
  }
  return siteName;
}

function validateDomain(domain: StaticSiteDomain, where: string): void {
  if (domain.aliases.length === 0 || domain.aliases.length > 100) {
    throw new TenantformError({ code: 'TF-WEB-003', where, problem: 'a static site needs 1 to 100 aliases, all covered by its certificate.', value: domain.aliases, fix: 'pass the host names the site is served at, e.g. ["ui.data.example.com"].' });
  }
  const seen = new Set<string>();
  for (const alias of domain.aliases) {
    if (Token.isUnresolved(alias)) continue;
    if (!isDomainName(alias.replace(/^\*\./, 'wildcard.')) || seen.has(alias)) {
      throw new TenantformError({ code: 'TF-WEB-003', where, problem: 'each alias must be a distinct lowercase DNS name (a wildcard only as the leftmost label).', value: alias, fix: 'use e.g. "ui.data.example.com".' });
    }
    seen.add(alias);
  }
}

/**
 * A string token that resolves at synth time to what `produce` returns: lets
 * a policy written before a resource exists in the construct tree name that
 * resource (Terraform sees a plain reference; there is no cycle in the graph).
 */
function lateString(produce: () => string): string {
  return Token.asString({ creationStack: [], resolve: () => produce(), toString: () => 'StaticSite.late' });
}
