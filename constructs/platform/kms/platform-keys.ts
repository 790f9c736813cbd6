import { KmsKey } from '../../../core/aws';
import { partitionOf } from '../../identity/arn';
import { customerManagedKey } from '../../kms/customer-managed-key';
import { validateProps } from '../../../core/validation';
import { PlatformKeysPropsSchema } from './platform-keys.schema';
import { Construct } from '../../../core/cdktf';
import { describeConstruct } from '../../../core/errors';
import { environmentOf } from '../../../core/environment-context';

export interface PlatformKeysProps {
  /**
   * Days a deleted key waits before it is gone; a mistake is recoverable until then.
   * @default 30
   */
  readonly deletionWindowDays?: number;
}

/** Actions that use a key for data, granted to services and never to `*`. */
const USE_ACTIONS = ['kms:Encrypt', 'kms:Decrypt', 'kms:ReEncryptFrom', 'kms:ReEncryptTo', 'kms:GenerateDataKey', 'kms:GenerateDataKeyWithoutPlaintext', 'kms:DescribeKey'];

/**
 * The environment's two customer-managed keys, both rotating yearly:
 *
 * - `data` encrypts tenant data (EBS volumes and snapshots, RDS, the ECR
 *   repository and SSM secrets of the platform);
 * - `logs` encrypts CloudWatch log groups and the edge log bucket.
 *
 * Key policies name only this account and the AWS services that need each
 * key; each statement says why it exists.
 */
export class PlatformKeys extends Construct {
  public readonly data: KmsKey;
  public readonly logs: KmsKey;

  constructor(scope: Construct, id: string, props: PlatformKeysProps = {}) {
    super(scope, id);
    validateProps(PlatformKeysPropsSchema, props, describeConstruct('PlatformKeys', this.node));
    const env = environmentOf(this, 'PlatformKeys');
    const account = env.accountId;
    const region = env.region;
    const root = `arn:aws:iam::${account}:root`;
    const deletionWindowInDays = props.deletionWindowDays ?? 30;
    const partition = partitionOf(region);

    this.data = customerManagedKey(this, {
      keyId: 'data',
      aliasId: 'data-alias',
      description: `tenantform ${env.name}: tenant data (EBS, RDS, snapshots, ECR, SSM)`,
      alias: `tenantform/${env.name}/data`,
      partition,
      accountId: account,
      accountMayUse: false,
      deletionWindowDays: deletionWindowInDays,
      statements: [
        {
          // Principals of this account may use the key, but only through the services that store tenant data for them (Secrets Manager holds the managed engines' master passwords).
          Sid: 'AccountUsesKeyThroughDataServices',
          Effect: 'Allow',
          Principal: { AWS: root },
          Action: USE_ACTIONS,
          Resource: '*',
          Condition: {
            StringEquals: {
              'kms:CallerAccount': account,
              'kms:ViaService': ['ec2', 'rds', 'secretsmanager', 'ecr', 'ssm', 's3', 'backup'].map((s) => `${s}.${region}.amazonaws.com`),
            },
          },
        },
        {
          // EBS, RDS and ECR hold grants for the lifetime of a volume, instance or repository; only AWS resources may receive them.
          Sid: 'AccountLetsServicesHoldGrants',
          Effect: 'Allow',
          Principal: { AWS: root },
          Action: ['kms:CreateGrant', 'kms:ListGrants', 'kms:RevokeGrant'],
          Resource: '*',
          Condition: { Bool: { 'kms:GrantIsForAWSResource': 'true' }, StringEquals: { 'kms:CallerAccount': account } },
        },
      ],
    }).key;

    this.logs = customerManagedKey(this, {
      keyId: 'logs',
      aliasId: 'logs-alias',
      description: `tenantform ${env.name}: platform logs (CloudWatch Logs, edge log bucket)`,
      alias: `tenantform/${env.name}/logs`,
      partition,
      accountId: account,
      accountMayUse: false,
      deletionWindowDays: deletionWindowInDays,
      statements: [
        {
          // CloudWatch Logs encrypts the log groups of this account and Region; the context condition keeps other accounts' groups out.
          Sid: 'LogsEncryptsAccountLogGroups',
          Effect: 'Allow',
          Principal: { Service: `logs.${region}.amazonaws.com` },
          Action: USE_ACTIONS,
          Resource: '*',
          Condition: { ArnLike: { 'kms:EncryptionContext:aws:logs:arn': `arn:aws:logs:${region}:${account}:log-group:*` } },
        },
        {
          // CloudFront's standard logging writes SSE-KMS objects to the edge log bucket through the log-delivery service.
          Sid: 'LogDeliveryWritesEdgeLogs',
          Effect: 'Allow',
          Principal: { Service: 'delivery.logs.amazonaws.com' },
          Action: ['kms:GenerateDataKey', 'kms:Decrypt'],
          Resource: '*',
          Condition: { StringEquals: { 'aws:SourceAccount': account } },
        },
        {
          // People and tools of this account read the logs back through S3 and CloudWatch Logs only.
          Sid: 'AccountReadsLogsThroughServices',
          Effect: 'Allow',
          Principal: { AWS: root },
          Action: ['kms:Decrypt', 'kms:DescribeKey', 'kms:GenerateDataKey'],
          Resource: '*',
          Condition: {
            StringEquals: {
              'kms:CallerAccount': account,
              'kms:ViaService': [`s3.${region}.amazonaws.com`, `logs.${region}.amazonaws.com`],
            },
          },
        },
      ],
    }).key;
  }
}
