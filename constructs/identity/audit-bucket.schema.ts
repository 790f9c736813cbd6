import { fn, int, opt, ref, Schema, strict, v } from '../../core/validation';
import type { AuditBucketProps } from './audit-bucket';

export const AuditBucketPropsSchema = strict({
  bucketName: ref(),
  kmsKeyArn: ref(),
  retentionDays: int(),
  objectLockDays: opt(int()),
  deliveryStatements: fn() as unknown as v.GenericSchema<unknown, AuditBucketProps['deliveryStatements']>,
}) satisfies Schema<AuditBucketProps>;
