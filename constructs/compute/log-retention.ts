import { TenantformError } from '../../core/errors';
import { LOG_RETENTION_DAYS } from '../identity/session-manager';

/** A log group retention CloudWatch Logs accepts; 0 (never expire) is refused, since logs kept forever are what TF-LOG-20 reports. */
export function checkLogRetention(days: number, where: string): number {
  if (!LOG_RETENTION_DAYS.includes(days)) {
    throw new TenantformError({ code: 'TF-IAM-040', where, problem: 'log retention must be one of the periods CloudWatch Logs accepts.', value: days, fix: `use one of ${LOG_RETENTION_DAYS.join(', ')}.` });
  }
  return days;
}
