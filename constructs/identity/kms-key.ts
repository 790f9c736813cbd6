import { AwsProvider, KmsAlias, KmsKey } from '../../core/aws';
import { validateProps } from '../../core/validation';
import { BaselineKeyPropsSchema } from './kms-key.schema';
import { Construct } from '../../core/cdktf';
import { describeConstruct } from '../../core/errors';
import { customerManagedKey } from '../kms/customer-managed-key';
import { PolicyStatement } from '../iam/policy';

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

/** A baseline key: the kit's customer-managed key (see kms/customer-managed-key.ts) as a construct of its own. */
export class BaselineKey extends Construct {
  public readonly key: KmsKey;
  public readonly alias: KmsAlias;

  constructor(scope: Construct, id: string, props: BaselineKeyProps) {
    super(scope, id);
    validateProps(BaselineKeyPropsSchema, props, describeConstruct('BaselineKey', this.node));
    const { key, alias } = customerManagedKey(this, {
      keyId: 'key',
      aliasId: 'alias',
      description: props.description,
      alias: props.alias,
      partition: props.partition,
      accountId: props.accountId,
      // Audit readers are IAM principals of the account (CloudTrail decrypts for them).
      accountMayUse: true,
      statements: props.serviceStatements ?? [],
      deletionWindowDays: props.deletionWindowDays,
      provider: props.provider,
    });
    this.key = key;
    this.alias = alias;
  }
}
