import { Schema, arn, int, list, ref, strict } from '../core/validation';
import type { AlbRef, Placement, TenantPlatformRefs } from './platform-refs';

export const AlbRefSchema = strict({ index: int(), httpsListenerArn: arn(), securityGroupId: ref(), dnsName: ref() }) satisfies Schema<AlbRef>;

export const PlacementSchema = strict({ id: ref(), alb: int(), priority: int() }) satisfies Schema<Placement>;

export const TenantPlatformRefsSchema = strict({
  vpcId: ref(),
  vpcCidr: ref(),
  privateSubnetIds: list(ref()),
  isolatedSubnetIds: list(ref()),
  endpointSecurityGroupId: ref(),
  dataKmsKeyArn: arn(),
  logsKmsKeyArn: arn(),
  albs: list(AlbRefSchema),
  routingTierSecurityGroupId: ref(),
  restApiId: ref(),
  apiStageName: ref(),
  domain: ref(),
}) satisfies Schema<TenantPlatformRefs>;
