import { int, list, Schema, str, strict } from '../core/validation';
import type { AlbRef, Placement, TenantPlatformRefs } from './platform-refs';

export const AlbRefSchema = strict({ index: int(), httpsListenerArn: str(), securityGroupId: str(), dnsName: str() }) satisfies Schema<AlbRef>;

export const PlacementSchema = strict({ id: str(), alb: int(), priority: int() }) satisfies Schema<Placement>;

export const TenantPlatformRefsSchema = strict({
  vpcId: str(),
  vpcCidr: str(),
  privateSubnetIds: list(str()),
  isolatedSubnetIds: list(str()),
  endpointSecurityGroupId: str(),
  dataKmsKeyArn: str(),
  logsKmsKeyArn: str(),
  albs: list(AlbRefSchema),
  routingTierSecurityGroupId: str(),
  restApiId: str(),
  apiStageName: str(),
  domain: str(),
}) satisfies Schema<TenantPlatformRefs>;
