import { EncryptedQueue, EncryptedQueueProps } from '../../../constructs/messaging/encrypted-queue';
import { IamRole } from '../../../core/aws';
import { buildIn, gateProblemsOf } from '../../support/construct-fixtures';
import { errorCode, ref, resourceAt } from '../../support/platform-fixtures';

function queue(overrides: Partial<EncryptedQueueProps> = {}) {
  return buildIn((stack) => {
    const q = new EncryptedQueue(stack, 'tasks', { queueName: 'tasks', fifo: true, ...overrides });
    const role = new IamRole(stack, 'producer', { assumeRolePolicy: '{}' });
    q.grantSend(role);
    return q;
  });
}

describe('EncryptedQueue', () => {
  const { json, stack } = queue();
  const key = resourceAt(json, 'aws_kms_key', 'tasks/key');

  it('a FIFO queue and its dead-letter queue under a rotating key, with redrive', () => {
    expect(key.enable_key_rotation).toBe(true);
    const dlq = resourceAt(json, 'aws_sqs_queue', 'tasks/dead-letter-queue');
    const q = resourceAt(json, 'aws_sqs_queue', 'tasks/queue');
    expect(q).toMatchObject({ name: 'tf-dev-tasks.fifo', fifo_queue: true, content_based_deduplication: true, kms_master_key_id: ref('aws_kms_key', key.key, 'arn') });
    expect(dlq).toMatchObject({ name: 'tf-dev-tasks-dlq.fifo', fifo_queue: true, message_retention_seconds: 1_209_600 });
    expect(JSON.parse(q.redrive_policy as string)).toEqual({ deadLetterTargetArn: ref('aws_sqs_queue', dlq.key, 'arn'), maxReceiveCount: 5 });
  });

  it('both queues refuse plain HTTP', () => {
    for (const p of ['tasks/queue-policy', 'tasks/dead-letter-queue-policy']) {
      expect(JSON.parse(resourceAt(json, 'aws_sqs_queue_policy', p).policy as string).Statement[0]).toMatchObject({ Effect: 'Deny', Principal: '*', Condition: { Bool: { 'aws:SecureTransport': 'false' } } });
    }
  });

  it('grants senders the queue and the key', () => {
    expect(JSON.parse(resourceAt(json, 'aws_iam_role_policy', 'producer/grant-sqs-send-tasks').policy as string).Statement[0].Action).toEqual(['sqs:SendMessage', 'sqs:GetQueueAttributes']);
    expect(JSON.parse(resourceAt(json, 'aws_iam_role_policy', 'producer/grant-kms-use-tasks-queue').policy as string).Statement[0].Resource).toEqual([ref('aws_kms_key', key.key, 'arn')]);
  });

  it('a standard queue with a key passed in creates no key', () => {
    const standard = queue({ fifo: false, kmsKeyArn: 'arn:aws:kms:eu-west-1:222222222222:key/shared' }).json;
    expect(standard.resource?.aws_kms_key).toBeUndefined();
    expect(resourceAt(standard, 'aws_sqs_queue', 'tasks/queue')).toMatchObject({ name: 'tf-dev-tasks', kms_master_key_id: 'arn:aws:kms:eu-west-1:222222222222:key/shared' });
  });

  it('passes the gate', () => {
    expect(gateProblemsOf(stack)).toEqual([]);
  });

  it('rejects bad names and settings with their codes', () => {
    expect(errorCode(() => queue({ queueName: 'Tasks' }))).toBe('TF-MSG-001');
    expect(errorCode(() => queue({ visibilityTimeoutSeconds: 50_000 }))).toBe('TF-MSG-005');
    expect(errorCode(() => queue({ maxReceiveCount: 0 }))).toBe('TF-MSG-005');
    expect(errorCode(() => queue({ kmsKeyArn: 'key' }))).toBe('TF-PRP-012');
  });
});
