import { KmsKey } from '../../core/aws';
import { Construct } from '../../core/cdktf';
import { Environment } from '../../core/environment';
import { accountRootArn, partitionOf } from '../identity/arn';
import { customerManagedKey } from '../kms/customer-managed-key';

/** Actions that use a key for data, granted through services only. */
const USE_ACTIONS = ['kms:Encrypt', 'kms:Decrypt', 'kms:ReEncryptFrom', 'kms:ReEncryptTo', 'kms:GenerateDataKey', 'kms:GenerateDataKeyWithoutPlaintext', 'kms:DescribeKey'];

export interface ServiceKeyOptions {
  readonly keyId: string;
  readonly aliasId: string;
  readonly description: string;
  /** Alias without `alias/`. */
  readonly alias: string;
  /** Service endpoint prefixes (`rds`, `secretsmanager`, `backup`, `eks`, `ecr`...) the account may use the key through. */
  readonly services: readonly string[];
}

/**
 * A customer-managed key (yearly rotation) that principals of the
 * environment's account may use only through the named services, and on
 * which those services may hold grants for AWS resources. The shape of the
 * platform data key, for constructs that bring their own key.
 */
export function serviceKey(scope: Construct, env: Environment, o: ServiceKeyOptions): KmsKey {
  const partition = partitionOf(env.region);
  const root = accountRootArn(partition, env.accountId);
  return customerManagedKey(scope, {
    keyId: o.keyId,
    aliasId: o.aliasId,
    description: o.description,
    alias: o.alias,
    partition,
    accountId: env.accountId,
    accountMayUse: false,
    statements: [
      {
        Sid: 'AccountUsesKeyThroughServices',
        Effect: 'Allow',
        Principal: { AWS: root },
        Action: USE_ACTIONS,
        Resource: '*',
        Condition: { StringEquals: { 'kms:CallerAccount': env.accountId, 'kms:ViaService': o.services.map((s) => `${s}.${env.region}.amazonaws.com`) } },
      },
      {
        Sid: 'AccountLetsServicesHoldGrants',
        Effect: 'Allow',
        Principal: { AWS: root },
        Action: ['kms:CreateGrant', 'kms:ListGrants', 'kms:RevokeGrant'],
        Resource: '*',
        Condition: { Bool: { 'kms:GrantIsForAWSResource': 'true' }, StringEquals: { 'kms:CallerAccount': env.accountId } },
      },
    ],
  }).key;
}
