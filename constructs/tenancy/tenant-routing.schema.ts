import { int, opt, Schema, str, strict, ref } from '../../core/validation';
import { AlbRefSchema, PlacementSchema } from '../platform-refs.schema';
import type { TenantRoutingProps } from './tenant-routing';

export const TenantRoutingPropsSchema = strict({
  tenantId: ref(),
  placement: PlacementSchema,
  alb: AlbRefSchema,
  vpcId: ref(),
  domain: str(),
  instanceId: ref(),
  port: int(),
  healthCheckPath: opt(str()),
}) satisfies Schema<TenantRoutingProps>;
