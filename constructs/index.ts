export { SharedVpc, SharedVpcProps, SubnetTierOptions, PublicTierOptions, FlowLogOptions, NatMode } from './network/shared-vpc';
export { planSubnets, SubnetPlan, SubnetPlanRequest, SubnetTier, TierRequest, PlannedSubnet } from './network/subnet-plan';
export { bindEnvironment, environmentOf } from '../core/environment-context';
export { Environment } from '../core/environment';
export { TenantformError, ErrorCode } from '../core/errors';
export * from './identity';
export * from './tenancy';
export * from './database';
export * from './platform';
