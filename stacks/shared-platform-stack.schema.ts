import { bool, byKey, construct, EnvironmentSchema, int, known, list, literal, num, oneOf, opt, Schema, str, strict } from '../core/validation';
import type { SharedVpc } from '../constructs/network/shared-vpc';
import { SharedVpcPropsSchema } from '../constructs/network/shared-vpc.schema';
import { PlacementSchema } from '../constructs/platform-refs.schema';
import type { Tls12PlusPolicy } from '../constructs/platform/alb-pool/tls-policies';
import type { RoutingTierMode } from '../constructs/platform/routing/routing-tier';
import type { SharedPlatformStackProps } from './shared-platform-stack';

/** The Fargate sizes Kong may run at (cpu units, MiB): any other pair fails at apply. */
export const FargateSizeSchema = byKey('cpu', [
  strict({ cpu: literal(256), memoryMiB: oneOf([512, 1024, 2048] as const) }),
  strict({ cpu: literal(512), memoryMiB: oneOf([1024, 2048, 4096] as const) }),
  strict({ cpu: literal(1024), memoryMiB: oneOf([2048, 4096, 8192] as const) }),
]);

/** What the fleet passes through to each platform, too. */
export const platformSettingsEntries = {
  hostedZoneId: opt(str()),
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
  logRetentionDays: opt(int()),
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
