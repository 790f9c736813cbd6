import { AwsProvider, KmsAlias, KmsKey } from '../../core/aws';
import { Construct } from '../../core/cdktf';
import { accountRootArn } from '../identity/arn';
import { policyJson, PolicyStatement } from '../iam/policy';
import { KEY_ADMIN_ACTIONS } from './key-admin-actions';

/** Data actions the account itself may also hold on the key, for keys whose users are IAM principals (CloudTrail readers). */
const ACCOUNT_USE_ACTIONS: readonly string[] = ['kms:Encrypt', 'kms:Decrypt', 'kms:ReEncrypt*', 'kms:GenerateDataKey*'];

export interface CustomerManagedKeyOptions {
  /** Construct ID of the key; part of its Terraform address, so it never changes. */
  readonly keyId: string;
  /** Construct ID of the alias; part of its Terraform address. */
  readonly aliasId: string;
  /** What the key protects; shown in the console. */
  readonly description: string;
  /** Alias without the `alias/` prefix, e.g. `tenantform/dev/data`. */
  readonly alias: string;
  readonly partition: string;
  readonly accountId: string;
  /**
   * Whether the account statement also lets IAM principals of the account use
   * the key for data (decided by their IAM policies). Keys used only through
   * services say no and grant use in `statements` under `kms:ViaService`.
   */
  readonly accountMayUse: boolean;
  /** Statements for the services and principals that use the key; in a key policy `Resource: "*"` means this key. */
  readonly statements: readonly PolicyStatement[];
  /**
   * Days the key waits before deletion once scheduled.
   * @default 30
   */
  readonly deletionWindowDays?: number;
  /**
   * Provider for another region of the environment.
   * @default - the scope's default provider
   */
  readonly provider?: AwsProvider;
}

export interface CustomerManagedKey {
  readonly key: KmsKey;
  readonly alias: KmsAlias;
}

/**
 * The one customer-managed KMS key of the kit: yearly rotation, a deletion
 * window, a key policy whose account statement delegates administration to
 * IAM in the key's own account (listed actions, never `kms:*`), and an alias.
 * Key and alias are created directly in `scope` under the IDs given, so the
 * constructs that use it keep their Terraform addresses.
 */
export function customerManagedKey(scope: Construct, options: CustomerManagedKeyOptions): CustomerManagedKey {
  const account: PolicyStatement = options.accountMayUse
    ? { Sid: 'AccountAdministersViaIam', Effect: 'Allow', Principal: { AWS: accountRootArn(options.partition, options.accountId) }, Action: [...KEY_ADMIN_ACTIONS, ...ACCOUNT_USE_ACTIONS], Resource: '*' }
    : // Without an account statement the key becomes unmanageable; IAM policies in the account decide who administers it.
      { Sid: 'AccountAdministersKey', Effect: 'Allow', Principal: { AWS: accountRootArn(options.partition, options.accountId) }, Action: [...KEY_ADMIN_ACTIONS], Resource: '*' };
  const key = new KmsKey(scope, options.keyId, {
    description: options.description,
    enableKeyRotation: true,
    deletionWindowInDays: options.deletionWindowDays ?? 30,
    policy: policyJson([account, ...options.statements]),
    ...(options.provider ? { provider: options.provider } : {}),
  });
  const alias = new KmsAlias(scope, options.aliasId, { name: `alias/${options.alias}`, targetKeyId: key.keyId, ...(options.provider ? { provider: options.provider } : {}) });
  return { key, alias };
}
