import { SqsQueue, SqsQueuePolicy } from '../../core/aws';
import { Construct } from '../../core/cdktf';
import { environmentOf } from '../../core/environment-context';
import { describeConstruct, TenantformError } from '../../core/errors';
import { validateProps } from '../../core/validation';
import { partitionOf } from '../identity/arn';
import { Grant, Grantee, grantKeyDecrypt, grantKeyEncryptDecrypt, grantQueueConsume, grantQueueSend } from '../iam/grants';
import { policyJson } from '../iam/policy';
import { customerManagedKey } from '../kms/customer-managed-key';
import { EncryptedQueuePropsSchema } from './encrypted-queue.schema';

export interface EncryptedQueueProps {
  /** Short lowercase label, part of the queue names, e.g. `worker-tasks`. */
  readonly queueName: string;
  /**
   * A FIFO queue: exactly-once processing in order per message group, with content-based deduplication.
   * @default false
   */
  readonly fifo?: boolean;
  /**
   * ARN of the customer-managed key for both queues.
   * @default - a new rotating key for this queue alone
   */
  readonly kmsKeyArn?: string;
  /**
   * How long a received message stays hidden; at least six times the consumer's timeout for Lambda consumers.
   * @default 180
   */
  readonly visibilityTimeoutSeconds?: number;
  /** @default 345600 (4 days) */
  readonly retentionSeconds?: number;
  /**
   * Receives before a message moves to the dead-letter queue.
   * @default 5
   */
  readonly maxReceiveCount?: number;
}

const QUEUE_NAME = /^[a-z][a-z0-9-]{0,49}$/;

/**
 * An SQS queue (standard or FIFO) with its dead-letter queue: both
 * encrypted under a rotating customer-managed key, both refusing plain HTTP,
 * messages moving to the dead-letter queue after `maxReceiveCount`
 * receives and kept there 14 days. Producers and consumers get access
 * through {@link grantSend} and {@link grantConsume} (queue and key).
 */
export class EncryptedQueue extends Construct {
  public readonly queue: SqsQueue;
  public readonly deadLetterQueue: SqsQueue;
  /** ARN of the key both queues use. */
  public readonly kmsKeyArn: string;
  private readonly label: string;

  constructor(scope: Construct, id: string, props: EncryptedQueueProps) {
    super(scope, id);
    const where = describeConstruct('EncryptedQueue', this.node);
    validateProps(EncryptedQueuePropsSchema, props, where);
    const env = environmentOf(this, 'EncryptedQueue');
    if (!QUEUE_NAME.test(props.queueName)) {
      throw new TenantformError({ code: 'TF-MSG-001', where, problem: 'queueName must be a lowercase label of 1-50 letters, digits and hyphens, starting with a letter.', value: props.queueName, fix: 'use e.g. "worker-tasks".' });
    }
    const visibility = props.visibilityTimeoutSeconds ?? 180;
    const retention = props.retentionSeconds ?? 345_600;
    const maxReceive = props.maxReceiveCount ?? 5;
    if (!Number.isInteger(visibility) || visibility < 0 || visibility > 43_200 || !Number.isInteger(retention) || retention < 60 || retention > 1_209_600 || !Number.isInteger(maxReceive) || maxReceive < 1 || maxReceive > 1000) {
      throw new TenantformError({ code: 'TF-MSG-005', where, problem: 'queue settings out of range: visibility 0-43200 s, retention 60-1209600 s, maxReceiveCount 1-1000, all whole numbers.', value: { visibilityTimeoutSeconds: visibility, retentionSeconds: retention, maxReceiveCount: maxReceive }, fix: 'use e.g. visibility 180, retention 345600, maxReceiveCount 5.' });
    }
    this.label = props.queueName;
    const fifo = props.fifo ?? false;
    const suffix = fifo ? '.fifo' : '';
    const name = `tf-${env.name}-${props.queueName}`;

    this.kmsKeyArn =
      props.kmsKeyArn ??
      customerManagedKey(this, {
        keyId: 'key',
        aliasId: 'key-alias',
        description: `${name}: queue messages`,
        alias: `tenantform/${env.name}/queue-${props.queueName}`,
        partition: partitionOf(env.region),
        accountId: env.accountId,
        // Producers and consumers are IAM principals of the account, allowed by their grants.
        accountMayUse: true,
        statements: [],
      }).key.arn;

    const common = { fifoQueue: fifo || undefined, kmsMasterKeyId: this.kmsKeyArn, kmsDataKeyReusePeriodSeconds: 300 };
    this.deadLetterQueue = new SqsQueue(this, 'dead-letter-queue', { ...common, name: `${name}-dlq${suffix}`, messageRetentionSeconds: 1_209_600 });
    this.queue = new SqsQueue(this, 'queue', {
      ...common,
      name: `${name}${suffix}`,
      ...(fifo ? { contentBasedDeduplication: true } : {}),
      visibilityTimeoutSeconds: visibility,
      messageRetentionSeconds: retention,
      redrivePolicy: JSON.stringify({ deadLetterTargetArn: this.deadLetterQueue.arn, maxReceiveCount: maxReceive }),
    });
    tlsOnlyQueuePolicy(this, 'queue-policy', this.queue);
    tlsOnlyQueuePolicy(this, 'dead-letter-queue-policy', this.deadLetterQueue);
  }

  /** Lets `grantee` send messages (queue and key). */
  public grantSend(grantee: Grantee): Grant[] {
    return [grantQueueSend(this.queue, grantee, { id: `sqs-send-${this.label}` }), grantKeyEncryptDecrypt({ arn: this.kmsKeyArn }, grantee, { id: `kms-use-${this.label}-queue` })];
  }

  /** Lets `grantee` receive and delete messages (queue and key). */
  public grantConsume(grantee: Grantee): Grant[] {
    return [grantQueueConsume(this.queue, grantee, { id: `sqs-consume-${this.label}` }), grantKeyDecrypt({ arn: this.kmsKeyArn }, grantee, { id: `kms-decrypt-${this.label}-queue` })];
  }
}

/** The kit's one queue policy: nobody sends or receives over plain HTTP. */
export function tlsOnlyQueuePolicy(scope: Construct, id: string, queue: SqsQueue): SqsQueuePolicy {
  return new SqsQueuePolicy(scope, id, {
    queueUrl: queue.url,
    policy: policyJson([{ Sid: 'DenyInsecureTransport', Effect: 'Deny', Principal: '*', Action: 'sqs:*', Resource: queue.arn, Condition: { Bool: { 'aws:SecureTransport': 'false' } } }]),
  });
}
