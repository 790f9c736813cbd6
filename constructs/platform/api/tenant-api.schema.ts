import { Schema, arn, bool, int, num, oneOf, opt, str, strict } from '../../../core/validation';
import type { TenantApiProps } from './tenant-api';

export const TenantApiPropsSchema = strict({
  domain: str(),
  nlbArn: arn(),
  logsKmsKeyArn: arn(),
  originSecret: str(),
  stageName: opt(str()),
  stageThrottle: opt(strict({ rateLimitRps: num(), burstLimit: int() })),
  loggingLevel: opt(oneOf(['ERROR', 'INFO'] as const)),
  manageAccountSettings: opt(bool()),
  logRetentionDays: opt(int()),
}) satisfies Schema<TenantApiProps>;
