export { TENANT_TIERS, TenantTier, TierApiLimits, TIER_API_LIMITS, isTenantTier } from './tiers';
export { TENANT_ID_PATTERN, isTenantId, assertTenantId } from './tenant-id';
export { TENANT_ENGINES, TenantEngine, TenantIntent, parseTenants, validateTenants, needsAlbSlot } from './tenants-file';
export { ALB_DEFAULT_QUOTAS, MAX_RULE_PRIORITY, PlacementOptions, placeTenants, compareIds } from './placement';
export {
  LOCK_FILE_VERSION,
  TenantLock,
  parseLock,
  formatLock,
  readLock,
  readTenants,
  SyncTenantLockOptions,
  SyncedTenants,
  syncTenantLock,
  TenantLockPlan,
  planTenantLock,
  commitTenantLock,
} from './lock-file';
export { TenantRouting, TenantRoutingProps } from './tenant-routing';
export { TenantApiAccess, TenantApiAccessProps } from './tenant-api-access';
