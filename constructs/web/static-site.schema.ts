import type { AwsProvider, KmsKey } from '../../core/aws';
import { arn, bool, construct, int, list, oneOf, opt, ref, Schema, str, strict } from '../../core/validation';
import type { StaticSiteDomain, StaticSiteProps } from './static-site';

export const StaticSiteDomainSchema = strict({
  aliases: list(str()),
  certificateArn: arn(),
  hostedZoneId: opt(ref()),
}) satisfies Schema<StaticSiteDomain>;

export const StaticSitePropsSchema = strict({
  siteName: str(),
  domain: StaticSiteDomainSchema,
  cloudFrontProvider: construct<AwsProvider>(),
  logsKmsKey: construct<KmsKey>(),
  webAclArn: opt(arn()),
  rateLimitPer5Minutes: opt(int()),
  singlePageApp: opt(bool()),
  indexDocument: opt(str()),
  priceClass: opt(oneOf(['PriceClass_All', 'PriceClass_200', 'PriceClass_100'] as const)),
  logRetentionDays: opt(int()),
}) satisfies Schema<StaticSiteProps>;
