import { arn, bool, int, opt, Schema, str, strict } from '../../core/validation';
import type { EncryptedQueueProps } from './encrypted-queue';

export const EncryptedQueuePropsSchema = strict({
  queueName: str(),
  fifo: opt(bool()),
  kmsKeyArn: opt(arn()),
  visibilityTimeoutSeconds: opt(int()),
  retentionSeconds: opt(int()),
  maxReceiveCount: opt(int()),
}) satisfies Schema<EncryptedQueueProps>;
