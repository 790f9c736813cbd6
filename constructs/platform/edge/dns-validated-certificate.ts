import { AcmCertificate, AcmCertificateValidation, AwsProvider, Route53Record } from '../../../core/aws';
import { validateProps } from '../../../core/validation';
import { DnsValidatedCertificatePropsSchema } from './dns-validated-certificate.schema';
import { describeConstruct } from '../../../core/errors';
import { Construct, TerraformIterator, Token } from '../../../core/cdktf';

export interface DnsValidatedCertificateProps {
  readonly domainName: string;
  readonly subjectAlternativeNames?: readonly string[];
  /** Hosted zone that holds the validation records. */
  readonly hostedZoneId: string;
  /**
   * Provider for the certificate's Region (us-east-1 for CloudFront).
   * @default - the stack's default provider
   */
  readonly provider?: AwsProvider;
}

/**
 * An ACM certificate validated through DNS records in the given zone.
 * Records are keyed by the name they validate, so adding a SAN adds a
 * record and leaves the others alone. Certificates for the same names share
 * validation records, so overwriting is allowed.
 */
export class DnsValidatedCertificate extends Construct {
  public readonly certificate: AcmCertificate;
  /** ARN that only resolves once validation succeeded; use it, not the raw certificate ARN. */
  public readonly certificateArn: string;

  constructor(scope: Construct, id: string, props: DnsValidatedCertificateProps) {
    super(scope, id);
    validateProps(DnsValidatedCertificatePropsSchema, props, describeConstruct('DnsValidatedCertificate', this.node));
    this.certificate = new AcmCertificate(this, 'certificate', {
      provider: props.provider,
      domainName: props.domainName,
      subjectAlternativeNames: props.subjectAlternativeNames?.length ? [...props.subjectAlternativeNames] : undefined,
      validationMethod: 'DNS',
      keyAlgorithm: 'RSA_2048',
      options: { certificateTransparencyLoggingPreference: 'ENABLED' },
      lifecycle: { createBeforeDestroy: true },
    });
    const options = TerraformIterator.fromComplexList(this.certificate.domainValidationOptions, 'domain_name');
    const records = new Route53Record(this, 'validation-record', {
      forEach: options,
      zoneId: props.hostedZoneId,
      name: options.getString('resource_record_name'),
      type: options.getString('resource_record_type'),
      records: [options.getString('resource_record_value')],
      ttl: 300,
      allowOverwrite: true,
    });
    const validation = new AcmCertificateValidation(this, 'validation', {
      provider: props.provider,
      certificateArn: this.certificate.arn,
      validationRecordFqdns: Token.asList(TerraformIterator.fromResources(records).pluckProperty('fqdn')),
    });
    this.certificateArn = validation.certificateArn;
  }
}
