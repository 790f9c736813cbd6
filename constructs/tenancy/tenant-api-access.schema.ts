import { known, opt, Schema, str, strict, ref } from '../../core/validation';
import { TierApiLimitsPartialSchema } from './tenant-intent.schema';
import type { TenantApiAccessProps } from './tenant-api-access';
import type { TenantTier } from './tiers';

export const TenantApiAccessPropsSchema = strict({
  tenantId: ref(),
  // TF-TEN-004 explains an unknown tier.
  tier: known<TenantTier>(),
  restApiId: ref(),
  apiStageName: str(),
  limits: opt(TierApiLimitsPartialSchema),
}) satisfies Schema<TenantApiAccessProps>;
