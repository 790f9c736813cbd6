export { Environment, StateBackend, S3StateBackend, LocalStateBackend, holdsCustomerData, environmentRegions, validateEnvironment, validateSeparation } from '../core/environment';
export { TenantformError, ErrorCode } from '../core/errors';
export { App, Testing } from '../core/cdktf';
export { TenantformStack, TenantformStackProps } from './tenantform-stack';
export { NetworkStack, NetworkStackProps } from './network-stack';
export { TenantDatabaseStack, TenantDatabaseStackProps, TenantDatabaseSettings } from './tenant-database-stack';
export { SharedPlatformStack, SharedPlatformStackProps } from './shared-platform-stack';
