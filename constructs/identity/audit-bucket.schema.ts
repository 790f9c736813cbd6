import { arn, fn, int, opt, ref, Schema, strict, v } from '../../core/validation';
import type { AuditBucketProps } from './audit-bucket';

export const AuditBucketPropsSchema = strict({
  bucketName: ref(),
  kmsKeyArn: arn(),
  retentionDays: int(),
  objectLockDays: opt(int()),
  deliveryStatements: fn() as unknown as v.GenericSchema<unknown, AuditBucketProps['deliveryStatements']>,
}) satisfies Schema<AuditBucketProps>;
