import { Cloudtrail, CloudwatchLogGroup, IamRole } from '../../core/aws';
import { validateProps } from '../../core/validation';
import { AuditTrailPropsSchema } from './audit-trail.schema';
import { Construct } from '../../core/cdktf';
import { environmentOf } from '../../core/environment-context';
import { describeConstruct, TenantformError } from '../../core/errors';
import { BASELINE_IAM_PATH, partitionOf } from './arn';
import { AuditBucket } from './audit-bucket';
import { grantLogGroupWrite } from '../iam/grants';
import { BaselineKey } from './kms-key';
import { checkTrailName } from './trail-name';
import { cloudTrailBucketStatements, cloudTrailKeyStatements } from './cloudtrail-statements';
import { policyJson, PolicyStatement } from '../iam/policy';
import { LOG_RETENTION_DAYS } from './session-manager';

export interface AuditTrailProps {
  /**
   * Trail name.
   * @default 'tenantform-audit'
   */
  readonly trailName?: string;
  /**
   * Bucket for log files.
   * @default - `tenantform-audit-<account>-<region>`
   */
  readonly bucketName?: string;
  /**
   * Days log files are kept in S3.
   * @default 365
   */
  readonly bucketRetentionDays?: number;
  /**
   * Days of governance-mode object lock on log files.
   * @default - versioning only
   */
  readonly objectLockDays?: number;
  /**
   * Days events are kept in CloudWatch Logs.
   * @default 365
   */
  readonly logRetentionDays?: number;
  /**
   * Also let AWS Config deliver into the bucket under `config/`.
   * @default false
   */
  readonly allowConfigDelivery?: boolean;
}

/** Key prefix AWS Config writes under, when it shares the audit bucket. */
export const CONFIG_KEY_PREFIX = 'config';

/**
 * A multi-region CloudTrail with log-file validation, encrypted with its own
 * customer-managed key, delivering to a TLS-only versioned bucket and to an
 * encrypted CloudWatch Logs group for alerting.
 */
export class AuditTrail extends Construct {
  public readonly trail: Cloudtrail;
  public readonly key: BaselineKey;
  public readonly bucket: AuditBucket;
  public readonly logGroup: CloudwatchLogGroup;

  constructor(scope: Construct, id: string, props: AuditTrailProps = {}) {
    super(scope, id);
    validateProps(AuditTrailPropsSchema, props, describeConstruct('AuditTrail', this.node));
    const where = describeConstruct('AuditTrail', this.node);
    const env = environmentOf(this, 'AuditTrail');
    const partition = partitionOf(env.region);
    const account = env.accountId;
    // The log-delivery role is named <trail>-to-logs, and IAM role names stop at 64 characters.
    const trailName = checkTrailName(props.trailName ?? 'tenantform-audit', 'trailName', where, 64 - '-to-logs'.length);
    const bucketName = props.bucketName ?? `tenantform-audit-${account}-${env.region}`;
    const retention = props.bucketRetentionDays ?? 365;
    const logRetention = props.logRetentionDays ?? 365;
    if (!Number.isInteger(retention) || retention < 90) {
      throw new TenantformError({ code: 'TF-IAM-050', where, problem: 'audit log files must be kept at least 90 days.', value: retention, fix: 'use 365 or more.' });
    }
    if (props.objectLockDays !== undefined && (!Number.isInteger(props.objectLockDays) || props.objectLockDays < 1 || props.objectLockDays > retention)) {
      throw new TenantformError({ code: 'TF-IAM-051', where, problem: 'object-lock days must be a whole number from 1 up to the bucket retention.', value: props.objectLockDays, fix: `use at most ${retention}.` });
    }
    if (!LOG_RETENTION_DAYS.includes(logRetention)) {
      throw new TenantformError({ code: 'TF-IAM-040', where, problem: 'log retention must be one of the periods CloudWatch Logs accepts.', value: logRetention, fix: `use one of ${LOG_RETENTION_DAYS.join(', ')}.` });
    }
    // Known before the trail exists, so key and bucket policies can name it without a cycle.
    const trailArn = `arn:${partition}:cloudtrail:${env.region}:${account}:trail/${trailName}`;
    const logGroupName = `/tenantform/cloudtrail/${trailName}`;
    const logGroupArn = `arn:${partition}:logs:${env.region}:${account}:log-group:${logGroupName}`;

    const keyStatements: PolicyStatement[] = [
      ...cloudTrailKeyStatements({ partition, account, trailArn, encryptSid: 'CloudTrailEncryptsLogs' }),
      {
        Sid: 'CloudWatchLogsEncryptsTrailEvents',
        Effect: 'Allow',
        Principal: { Service: `logs.${env.region}.amazonaws.com` },
        Action: ['kms:Encrypt', 'kms:Decrypt', 'kms:ReEncrypt*', 'kms:GenerateDataKey*', 'kms:DescribeKey'],
        Resource: '*',
        Condition: { ArnEquals: { 'kms:EncryptionContext:aws:logs:arn': logGroupArn } },
      },
    ];
    if (props.allowConfigDelivery) {
      keyStatements.push({
        Sid: 'ConfigEncryptsDeliveries',
        Effect: 'Allow',
        Principal: { Service: 'config.amazonaws.com' },
        Action: ['kms:Decrypt', 'kms:GenerateDataKey'],
        Resource: '*',
        Condition: { StringEquals: { 'aws:SourceAccount': account } },
      });
    }
    this.key = new BaselineKey(this, 'key', { description: 'Encrypts the CloudTrail audit trail', alias: `tenantform/${trailName}`, partition, accountId: account, serviceStatements: keyStatements });

    this.bucket = new AuditBucket(this, 'bucket', {
      bucketName,
      kmsKeyArn: this.key.key.arn,
      retentionDays: retention,
      objectLockDays: props.objectLockDays,
      deliveryStatements: (arn): PolicyStatement[] => [
        ...cloudTrailBucketStatements(arn, trailArn, [{ sid: 'CloudTrailWritesLogs', logsOf: account }]),
        ...(props.allowConfigDelivery
          ? [
              { Sid: 'ConfigChecksBucket', Effect: 'Allow' as const, Principal: { Service: 'config.amazonaws.com' }, Action: ['s3:GetBucketAcl', 's3:ListBucket'], Resource: arn, Condition: { StringEquals: { 'aws:SourceAccount': account } } },
              {
                Sid: 'ConfigWritesSnapshots',
                Effect: 'Allow' as const,
                Principal: { Service: 'config.amazonaws.com' },
                Action: 's3:PutObject',
                Resource: `${arn}/${CONFIG_KEY_PREFIX}/AWSLogs/${account}/Config/*`,
                Condition: { StringEquals: { 'aws:SourceAccount': account, 's3:x-amz-acl': 'bucket-owner-full-control' } },
              },
            ]
          : []),
      ],
    });

    this.logGroup = new CloudwatchLogGroup(this, 'log-group', { name: logGroupName, retentionInDays: logRetention, kmsKeyId: this.key.key.arn });
    const deliveryRole = new IamRole(this, 'logs-role', {
      name: `${trailName}-to-logs`,
      path: BASELINE_IAM_PATH,
      assumeRolePolicy: policyJson([
        { Effect: 'Allow', Principal: { Service: 'cloudtrail.amazonaws.com' }, Action: 'sts:AssumeRole', Condition: { StringEquals: { 'aws:SourceArn': trailArn } } },
      ]),
    });
    const delivery = grantLogGroupWrite(this.logGroup, deliveryRole, { id: 'trail-events' });

    this.trail = new Cloudtrail(this, 'trail', {
      name: trailName,
      s3BucketName: this.bucket.bucket.id,
      isMultiRegionTrail: true,
      includeGlobalServiceEvents: true,
      enableLogFileValidation: true,
      enableLogging: true,
      kmsKeyId: this.key.key.arn,
      cloudWatchLogsGroupArn: `${this.logGroup.arn}:*`,
      cloudWatchLogsRoleArn: deliveryRole.arn,
      dependsOn: [this.bucket.policy, delivery.policy],
    });
  }
}
