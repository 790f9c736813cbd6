import { AwsProvider, KmsAlias, KmsKey } from '../../core/aws';
import { Construct } from '../../core/cdktf';
import { accountRootArn } from './arn';
import { policyJson, PolicyStatement } from './policy';
import { KEY_ADMIN_ACTIONS } from '../kms/key-admin-actions';

export interface BaselineKeyProps {
  /** What the key protects; shown in the console. */
  readonly description: string;
  /** Alias without the `alias/` prefix, e.g. `tenantform/cloudtrail`. */
  readonly alias: string;
  readonly partition: string;
  readonly accountId: string;
  /**
   * Statements for the AWS services that use the key.
   * @default - none
   */
  readonly serviceStatements?: readonly PolicyStatement[];
  /**
   * Days the key waits before deletion once scheduled.
   * @default 30
   */
  readonly deletionWindowDays?: number;
  /**
   * Provider for another region of the environment.
   * @default - the stack's default provider
   */
  readonly provider?: AwsProvider;
}

/**
 * Key administration and use are delegated to IAM in the key's own account;
 * these are listed rather than written as `kms:*`.
 */
const ACCOUNT_KEY_ACTIONS: readonly string[] = [...KEY_ADMIN_ACTIONS, 'kms:Encrypt', 'kms:Decrypt', 'kms:ReEncrypt*', 'kms:GenerateDataKey*'];

/** A customer-managed KMS key with yearly rotation, a key policy scoped to its own account, and an alias. */
export class BaselineKey extends Construct {
  public readonly key: KmsKey;
  public readonly alias: KmsAlias;

  constructor(scope: Construct, id: string, props: BaselineKeyProps) {
    super(scope, id);
    const statements: PolicyStatement[] = [
      // In a key policy "Resource: *" means this key.
      { Sid: 'AccountAdministersViaIam', Effect: 'Allow', Principal: { AWS: accountRootArn(props.partition, props.accountId) }, Action: [...ACCOUNT_KEY_ACTIONS], Resource: '*' },
      ...(props.serviceStatements ?? []),
    ];
    this.key = new KmsKey(this, 'key', {
      description: props.description,
      enableKeyRotation: true,
      deletionWindowInDays: props.deletionWindowDays ?? 30,
      policy: policyJson(statements),
      provider: props.provider,
    });
    this.alias = new KmsAlias(this, 'alias', { name: `alias/${props.alias}`, targetKeyId: this.key.keyId, provider: props.provider });
  }
}
