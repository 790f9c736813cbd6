import { arn, bool, int, list, opt, ref, Schema, str, strict } from '../../core/validation';
import { StaticSitePropsSchema } from './static-site.schema';
import type { WebEdgeApiOptions, WebEdgeProps } from './web-edge';

export const WebEdgeApiOptionsSchema = strict({
  vpcId: ref(),
  publicSubnetIds: list(ref()),
  originDomainName: ref(),
  certificateArn: arn(),
  targetPort: int(),
  pathPattern: opt(str()),
  healthCheckPath: opt(str()),
  deletionProtection: opt(bool()),
}) satisfies Schema<WebEdgeApiOptions>;

const site = StaticSitePropsSchema.entries;

export const WebEdgePropsSchema = strict({
  siteName: site.siteName,
  domain: site.domain,
  cloudFrontProvider: site.cloudFrontProvider,
  logsKmsKey: site.logsKmsKey,
  api: WebEdgeApiOptionsSchema,
  rateLimitPer5Minutes: opt(int()),
}) satisfies Schema<WebEdgeProps>;
