import { AwsProvider, Route53Zone } from '../../../core/aws';
import { validateProps } from '../../../core/validation';
import { PlatformDomainPropsSchema } from './platform-domain.schema';
import { Construct } from '../../../core/cdktf';
import { describeConstruct, TenantformError } from '../../../core/errors';
import { DnsValidatedCertificate } from './dns-validated-certificate';
import { validateDomainName, validateSubjectAlternativeNames } from './domain-names';

export interface PlatformDomainProps {
  /** Apex domain; tenants are served at `<tenant>.<domain>`. */
  readonly domain: string;
  /**
   * An existing public hosted zone for `domain`.
   * @default - a new hosted zone is created (delegate it from the parent zone)
   */
  readonly hostedZoneId?: string;
  /**
   * Extra names on both certificates, each equal to or under `domain`.
   * @default - only `*.<domain>`
   */
  readonly subjectAlternativeNames?: readonly string[];
  /** The us-east-1 provider, for the CloudFront certificate. */
  readonly cloudFrontProvider: AwsProvider;
}

/**
 * The platform's DNS and certificates: the hosted zone (created or adopted),
 * a regional `*.<domain>` certificate for the API custom domain, NLB and
 * ALBs, and the same names in us-east-1 for CloudFront. Both are validated
 * through DNS in the zone.
 */
export class PlatformDomain extends Construct {
  public readonly domain: string;
  public readonly hostedZoneId: string;
  public readonly zone?: Route53Zone;
  public readonly regionalCertificate: DnsValidatedCertificate;
  public readonly cloudFrontCertificate: DnsValidatedCertificate;

  constructor(scope: Construct, id: string, props: PlatformDomainProps) {
    super(scope, id);
    validateProps(PlatformDomainPropsSchema, props, describeConstruct('PlatformDomain', this.node));
    const where = describeConstruct('PlatformDomain', this.node);
    this.domain = validateDomainName(props.domain, where);
    const sans = validateSubjectAlternativeNames(this.domain, props.subjectAlternativeNames ?? [], where);
    if (props.hostedZoneId !== undefined && !/^Z[A-Z0-9]{1,31}$/.test(props.hostedZoneId)) {
      throw new TenantformError({
        code: 'TF-PLT-014',
        where,
        problem: 'hostedZoneId is not a Route 53 hosted zone ID.',
        value: props.hostedZoneId,
        fix: 'pass the zone ID without the "/hostedzone/" prefix, e.g. "Z0123456789ABCDEFGHIJ", or omit it to create the zone.',
      });
    }
    if (props.hostedZoneId === undefined) {
      this.zone = new Route53Zone(this, 'zone', { name: this.domain, comment: `tenantform platform domain ${this.domain}` });
      this.hostedZoneId = this.zone.zoneId;
    } else {
      this.hostedZoneId = props.hostedZoneId;
    }
    const names = { domainName: `*.${this.domain}`, subjectAlternativeNames: sans, hostedZoneId: this.hostedZoneId };
    this.regionalCertificate = new DnsValidatedCertificate(this, 'regional-certificate', names);
    this.cloudFrontCertificate = new DnsValidatedCertificate(this, 'cloudfront-certificate', { ...names, provider: props.cloudFrontProvider });
  }
}
