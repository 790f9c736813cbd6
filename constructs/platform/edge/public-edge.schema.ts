import type { AwsProvider } from '../../../core/aws';
import { construct, int, oneOf, opt, Schema, str, strict, ref } from '../../../core/validation';
import type { KmsKey } from '../../../core/aws';
import type { PlatformDomain } from './platform-domain';
import type { PublicEdgeProps } from './public-edge';

export const PublicEdgePropsSchema = strict({
  platformDomain: construct<PlatformDomain>(),
  restApiId: ref(),
  stageName: str(),
  originSecret: str(),
  logsKmsKey: construct<KmsKey>(),
  cloudFrontProvider: construct<AwsProvider>(),
  rateLimitPer5Minutes: opt(int()),
  priceClass: opt(oneOf(['PriceClass_All', 'PriceClass_200', 'PriceClass_100'] as const)),
  logRetentionDays: opt(int()),
}) satisfies Schema<PublicEdgeProps>;
