import { AccessanalyzerAnalyzer, AwsProvider, EbsDefaultKmsKey, EbsEncryptionByDefault, GuarddutyDetector, GuarddutyDetectorFeature } from '../../core/aws';
import { validateProps } from '../../core/validation';
import { RegionalSecurityPropsSchema } from './regional-security.schema';
import { describeConstruct } from '../../core/errors';
import { Construct } from '../../core/cdktf';
import { environmentOf } from '../../core/environment-context';
import { partitionOf } from './arn';
import { BaselineKey } from './kms-key';

export interface RegionalSecurityProps {
  /** The region these services watch. */
  readonly region: string;
  /**
   * Provider for that region.
   * @default - the stack's default provider (home region)
   */
  readonly provider?: AwsProvider;
}

/** Alias of each region's default EBS key. */
export const EBS_DEFAULT_KEY_ALIAS = 'tenantform/ebs-default';

/** GuardDuty features turned on besides the foundational data sources. */
export const GUARDDUTY_FEATURES: readonly string[] = ['S3_DATA_EVENTS', 'EBS_MALWARE_PROTECTION'];

/**
 * The security services AWS runs per region: GuardDuty, IAM Access Analyzer,
 * and EBS encryption by default with a customer-managed default key.
 */
export class RegionalSecurity extends Construct {
  public readonly detector: GuarddutyDetector;
  public readonly analyzer: AccessanalyzerAnalyzer;
  public readonly ebsKey: BaselineKey;

  constructor(scope: Construct, id: string, props: RegionalSecurityProps) {
    super(scope, id);
    validateProps(RegionalSecurityPropsSchema, props, describeConstruct('RegionalSecurity', this.node));
    const env = environmentOf(this, 'RegionalSecurity');
    const provider = props.provider;
    this.detector = new GuarddutyDetector(this, 'guardduty', { enable: true, findingPublishingFrequency: 'FIFTEEN_MINUTES', provider });
    for (const feature of GUARDDUTY_FEATURES) {
      new GuarddutyDetectorFeature(this, `guardduty-${feature.toLowerCase()}`, { detectorId: this.detector.id, name: feature, status: 'ENABLED', provider });
    }
    this.analyzer = new AccessanalyzerAnalyzer(this, 'access-analyzer', { analyzerName: `tenantform-${props.region}`, type: 'ACCOUNT', provider });
    this.ebsKey = new BaselineKey(this, 'ebs-key', {
      description: `Default key for new EBS volumes in ${props.region}`,
      alias: EBS_DEFAULT_KEY_ALIAS,
      partition: partitionOf(props.region),
      accountId: env.accountId,
      provider,
    });
    new EbsEncryptionByDefault(this, 'ebs-encryption', { enabled: true, provider });
    new EbsDefaultKmsKey(this, 'ebs-default-key', { keyArn: this.ebsKey.key.arn, provider });
  }
}
