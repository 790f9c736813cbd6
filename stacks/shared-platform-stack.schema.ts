import { bool, construct, EnvironmentSchema, int, known, list, num, opt, ref, Schema, str, strict, v } from '../core/validation';
import { LOG_RETENTION_DAYS } from '../constructs/identity/session-manager';
import { FargateSizeSchema } from '../constructs/platform/routing/fargate-size.schema';
import type { SharedVpc } from '../constructs/network/shared-vpc';
import { SharedVpcPropsSchema } from '../constructs/network/shared-vpc.schema';
import { PlacementSchema } from '../constructs/platform-refs.schema';
import type { Tls12PlusPolicy } from '../constructs/platform/alb-pool/tls-policies';
import type { RoutingTierMode } from '../constructs/platform/routing/routing-tier';
import type { SharedPlatformStackProps } from './shared-platform-stack';

/** What the fleet passes through to each platform, too. */
export const platformSettingsEntries = {
  hostedZoneId: opt(ref()),
  subjectAlternativeNames: opt(list(str())),
  rulesPerAlb: opt(int()),
  // TF-PLT-013 and TF-PLT-018 explain wrong modes and policies.
  routingTier: opt(known<RoutingTierMode>()),
  nlbClientCidrs: opt(list(str())),
  // API Gateway takes a fractional steady-state rate; the burst is a whole number of requests.
  stageThrottle: opt(strict({ rateLimitRps: num(), burstLimit: int() })),
  wafRateLimitPer5Minutes: opt(int()),
  loadBalancerTlsPolicy: opt(known<Tls12PlusPolicy>()),
  kong: opt(strict({ imageTag: opt(str()), size: opt(FargateSizeSchema), minTasks: opt(int()), maxTasks: opt(int()) })),
  manageApiGatewayAccount: opt(bool()),
  // Access logs and API and WAF log groups share it, so it must be a period CloudWatch Logs offers.
  logRetentionDays: opt(v.pipe(int(), v.check((d) => LOG_RETENTION_DAYS.includes(d), 'TF-IAM-040'))),
};

export const SharedPlatformStackPropsSchema = strict({
  ...platformSettingsEntries,
  environment: EnvironmentSchema,
  network: opt(construct<SharedVpc>()),
  vpc: opt(SharedVpcPropsSchema),
  domain: str(),
  placements: opt(list(PlacementSchema)),
  albCount: opt(int()),
}) satisfies Schema<SharedPlatformStackProps>;
