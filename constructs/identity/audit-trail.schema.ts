import { bool, int, opt, Schema, str, strict } from '../../core/validation';
import type { AuditTrailProps } from './audit-trail';

export const AuditTrailPropsSchema = strict({
  trailName: opt(str()),
  bucketName: opt(str()),
  bucketRetentionDays: opt(int()),
  objectLockDays: opt(int()),
  logRetentionDays: opt(int()),
  allowConfigDelivery: opt(bool()),
}) satisfies Schema<AuditTrailProps>;
