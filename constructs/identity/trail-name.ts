import { Token } from '../../core/cdktf';
import { TenantformError } from '../../core/errors';

/**
 * CloudTrail takes 3-128 letters, digits, periods, underscores and hyphens.
 * The name also becomes a KMS alias (`alias/tenantform/<name>`), which
 * refuses periods, so periods are refused here too.
 */
const TRAIL_NAME = /^[A-Za-z0-9]([A-Za-z0-9_-]*[A-Za-z0-9])?$/;

/**
 * The trail name, or a coded error naming the construct (shared by
 * AuditTrail and SecurityServices). `maxLength` is lower than CloudTrail's
 * 128 where the name is also part of a shorter name, such as an IAM role's.
 */
export function checkTrailName(name: string, at: string, where: string, maxLength = 128): string {
  if (!Token.isUnresolved(name) && (!TRAIL_NAME.test(name) || name.length < 3 || name.length > maxLength)) {
    throw new TenantformError({ code: 'TF-IAM-052', where, problem: `${at} must be 3-${maxLength} letters, digits, underscores or hyphens, starting and ending with a letter or digit (a CloudTrail name that is also a KMS alias).`, value: name, fix: 'use e.g. "tenantform-audit".' });
  }
  return name;
}
