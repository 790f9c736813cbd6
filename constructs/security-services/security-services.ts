import { Cloudtrail, Inspector2Enabler, SecurityhubAccount, SecurityhubStandardsSubscription } from '../../core/aws';
import { Construct } from '../../core/cdktf';
import { suppress } from '../../core/suppressions';
import { environmentOf } from '../../core/environment-context';
import { describeConstruct, TenantformError } from '../../core/errors';
import { validateProps } from '../../core/validation';
import { partitionOf } from '../identity/arn';
import { cloudTrailBucketStatements, cloudTrailKeyStatements } from '../identity/cloudtrail-statements';
import { checkTrailName } from '../identity/trail-name';
import { AuditBucket } from '../identity/audit-bucket';
import { BaselineKey } from '../identity/kms-key';
import { RegionalSecurity } from '../identity/regional-security';
import { SecurityServicesPropsSchema } from './security-services.schema';

/** Security Hub standards, by the name AWS publishes them under. */
export type SecurityHubStandard = 'aws-foundational-security-best-practices' | 'cis-aws-foundations-benchmark-v3';
const STANDARD_ARNS: Readonly<Record<SecurityHubStandard, (partition: string, region: string) => string>> = {
  'aws-foundational-security-best-practices': (p, r) => `arn:${p}:securityhub:${r}::standards/aws-foundational-security-best-practices/v/1.0.0`,
  'cis-aws-foundations-benchmark-v3': (p, r) => `arn:${p}:securityhub:${r}::standards/cis-aws-foundations-benchmark/v/3.0.0`,
};

/** What Inspector v2 scans. */
export type InspectorResource = 'EC2' | 'ECR' | 'LAMBDA';

/** The organization trail: every account's activity, into a log-archive bucket of this (management) account. */
export interface OrganizationTrailOptions {
  /** The organization's ID, `o-...`; accounts' logs land under `AWSLogs/<organizationId>/`. */
  readonly organizationId: string;
  /**
   * @default 'tenantform-organization-audit'
   */
  readonly trailName?: string;
  /**
   * @default `tenantform-org-audit-<account>-<region>`
   */
  readonly bucketName?: string;
  /**
   * Days log files are kept (at least 365: a year of every account's activity).
   * @default 730
   */
  readonly retentionDays?: number;
  /**
   * Object Lock (compliance mode) for this many days.
   * @default - none
   */
  readonly objectLockDays?: number;
}

export interface SecurityServicesProps {
  /**
   * GuardDuty (with IAM Access Analyzer and EBS default encryption, as the account baseline has them). Set false where an AccountBaseline already runs them.
   * @default true
   */
  readonly guardDuty?: boolean;
  /**
   * Inspector v2 scanning of these resource types; `false` turns it off.
   * @default ['EC2', 'ECR']
   */
  readonly inspector?: readonly InspectorResource[] | false;
  /**
   * Security Hub with these standards; `false` turns it off.
   * @default ['aws-foundational-security-best-practices', 'cis-aws-foundations-benchmark-v3']
   */
  readonly securityHubStandards?: readonly SecurityHubStandard[] | false;
  /**
   * An organization CloudTrail into a log-archive bucket of this account.
   * @default - none
   */
  readonly organizationTrail?: OrganizationTrailOptions;
}

/**
 * The security services of source document 004, each an option with a
 * secure default: GuardDuty, Inspector v2 (EC2 and ECR images), Security Hub
 * with the AWS foundational and CIS standards, and an organization trail in
 * the management account: multi-region, validated, KMS-encrypted, into a
 * versioned, TLS-only, lifecycle-managed audit bucket. Built from the
 * baseline's own pieces (RegionalSecurity, BaselineKey, AuditBucket).
 */
export class SecurityServices extends Construct {
  public readonly trail?: Cloudtrail;
  public readonly auditBucket?: AuditBucket;

  constructor(scope: Construct, id: string, props: SecurityServicesProps = {}) {
    super(scope, id);
    const where = describeConstruct('SecurityServices', this.node);
    validateProps(SecurityServicesPropsSchema, props, where);
    const env = environmentOf(this, 'SecurityServices');
    const partition = partitionOf(env.region);
    const account = env.accountId;

    if (props.guardDuty ?? true) new RegionalSecurity(this, 'regional', { region: env.region });
    const inspector = props.inspector === undefined ? (['EC2', 'ECR'] as const) : props.inspector;
    if (inspector !== false) {
      if (inspector.length === 0 || new Set(inspector).size !== inspector.length) throw new TenantformError({ code: 'TF-SEC-001', where, problem: 'inspector must list distinct resource types, or be false.', value: inspector, fix: 'use e.g. ["EC2", "ECR"].' });
      new Inspector2Enabler(this, 'inspector', { accountIds: [account], resourceTypes: [...inspector] });
    }
    const standards = props.securityHubStandards === undefined ? (['aws-foundational-security-best-practices', 'cis-aws-foundations-benchmark-v3'] as const) : props.securityHubStandards;
    if (standards !== false) {
      const hub = new SecurityhubAccount(this, 'security-hub', { enableDefaultStandards: false, autoEnableControls: true });
      for (const s of standards) new SecurityhubStandardsSubscription(this, `standard-${s}`, { standardsArn: STANDARD_ARNS[s](partition, env.region), dependsOn: [hub] });
    }
    if (props.organizationTrail) {
      const t = props.organizationTrail;
      const retention = t.retentionDays ?? 730;
      if (!/^o-[a-z0-9]{10,32}$/.test(t.organizationId) || !Number.isInteger(retention) || retention < 365 || (t.objectLockDays !== undefined && (!Number.isInteger(t.objectLockDays) || t.objectLockDays < 1 || t.objectLockDays > retention))) {
        throw new TenantformError({ code: 'TF-SEC-002', where, problem: 'an organization trail needs an organization ID (o-...), at least 365 days of retention, and object-lock days within it.', value: t, fix: 'use e.g. { organizationId: "o-abcdefghij", retentionDays: 730 }.' });
      }
      const trailName = checkTrailName(t.trailName ?? 'tenantform-organization-audit', 'organizationTrail.trailName', where);
      const trailArn = `arn:${partition}:cloudtrail:${env.region}:${account}:trail/${trailName}`;
      const keyStatements = cloudTrailKeyStatements({ partition, account, trailArn, encryptSid: 'CloudTrailEncryptsOrganizationLogs' });
      const key = new BaselineKey(this, 'trail-key', { description: 'Encrypts the organization trail', alias: `tenantform/${trailName}`, partition, accountId: account, serviceStatements: keyStatements });
      this.auditBucket = new AuditBucket(this, 'log-archive', {
        bucketName: t.bucketName ?? `tenantform-org-audit-${account}-${env.region}`,
        kmsKeyArn: key.key.arn,
        retentionDays: retention,
        objectLockDays: t.objectLockDays,
        // The management account's own logs, and every member account's under the organization's prefix.
        deliveryStatements: (arn) =>
          cloudTrailBucketStatements(arn, trailArn, [
            { sid: 'CloudTrailWritesManagementLogs', logsOf: account },
            { sid: 'CloudTrailWritesOrganizationLogs', logsOf: t.organizationId },
          ]),
      });
      this.trail = new Cloudtrail(this, 'organization-trail', {
        name: trailName,
        s3BucketName: this.auditBucket.bucket.id,
        isOrganizationTrail: true,
        isMultiRegionTrail: true,
        includeGlobalServiceEvents: true,
        enableLogFileValidation: true,
        enableLogging: true,
        kmsKeyId: key.key.arn,
        dependsOn: [this.auditBucket.policy],
      });
      suppress(this.trail, 'CKV2_AWS_10', "the organization trail is the archive (every account's events in the log-archive bucket); each account's baseline trail feeds its own CloudWatch Logs for alarms");
    }
  }
}
