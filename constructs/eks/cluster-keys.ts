import { KmsKey } from '../../core/aws';
import { Construct } from '../../core/cdktf';
import { Environment } from '../../core/environment';
import { partitionOf } from '../identity/arn';
import { customerManagedKey } from '../kms/customer-managed-key';

/**
 * The key that envelope-encrypts Kubernetes secrets. EKS uses it with the
 * cluster role's own permissions (granted on this key alone), so the key
 * policy delegates use to IAM in the account.
 */
export function secretsKey(scope: Construct, env: Environment, clusterName: string): KmsKey {
  return customerManagedKey(scope, {
    keyId: 'secrets-key',
    aliasId: 'secrets-key-alias',
    description: `${clusterName}: envelope encryption of Kubernetes secrets`,
    alias: `tenantform/${env.name}/eks/${clusterName}/secrets`,
    partition: partitionOf(env.region),
    accountId: env.accountId,
    accountMayUse: true,
    statements: [],
  }).key;
}

/** The key of the control-plane log group: CloudWatch Logs may use it for this cluster's log group only. */
export function logsKey(scope: Construct, env: Environment, clusterName: string, logGroupName: string): KmsKey {
  const partition = partitionOf(env.region);
  return customerManagedKey(scope, {
    keyId: 'logs-key',
    aliasId: 'logs-key-alias',
    description: `${clusterName}: control-plane logs`,
    alias: `tenantform/${env.name}/eks/${clusterName}/logs`,
    partition,
    accountId: env.accountId,
    accountMayUse: false,
    statements: [
      {
        Sid: 'LogsEncryptsClusterLogGroup',
        Effect: 'Allow',
        Principal: { Service: `logs.${env.region}.amazonaws.com` },
        Action: ['kms:Encrypt', 'kms:Decrypt', 'kms:ReEncryptFrom', 'kms:ReEncryptTo', 'kms:GenerateDataKey', 'kms:GenerateDataKeyWithoutPlaintext', 'kms:DescribeKey'],
        Resource: '*',
        Condition: { ArnEquals: { 'kms:EncryptionContext:aws:logs:arn': `arn:${partition}:logs:${env.region}:${env.accountId}:log-group:${logGroupName}` } },
      },
    ],
  }).key;
}
