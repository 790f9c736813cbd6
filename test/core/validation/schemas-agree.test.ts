/**
 * The props types are written as interfaces (for their documentation), and
 * the schemas beside them. Each schema is declared `satisfies Schema<Props>`,
 * so what it accepts is assignable to the type; these compile-time checks
 * add the other half: the schema names every key of the type, and no other.
 * `tsc --noEmit` fails on a mismatch; the test below only keeps jest honest.
 */
import type { v } from '../../../core/validation';
import type { Environment } from '../../../core/environment';
import { EnvironmentSchema } from '../../../core/validation';
import type { AccountBaselineProps, CiDeployOptions } from '../../../constructs/identity/account-baseline';
import { AccountBaselinePropsSchema, HumanUserSchema } from '../../../constructs/identity/account-baseline.schema';
import type { AuditTrailProps } from '../../../constructs/identity/audit-trail';
import type { SessionManagerProps } from '../../../constructs/identity/session-manager';
import type { HumanUser } from '../../../constructs/identity/users';
import type { AuroraServerlessDatabaseProps, Ec2EbsDatabaseProps, RdsPostgresDatabaseProps } from '../../../constructs/database/tenant-database-props';
import { AuroraServerlessDatabasePropsSchema, Ec2EbsDatabasePropsSchema, RdsPostgresDatabasePropsSchema } from '../../../constructs/database/tenant-database.schema';
import type { SharedVpcProps } from '../../../constructs/network/shared-vpc';
import { SharedVpcPropsSchema } from '../../../constructs/network/shared-vpc.schema';
import type { AlbRef, Placement, TenantPlatformRefs } from '../../../constructs/platform-refs';
import { AlbRefSchema, PlacementSchema, TenantPlatformRefsSchema } from '../../../constructs/platform-refs.schema';
import type { TenantIntent } from '../../../constructs/tenancy/tenants-file';
import { TenantIntentSchema } from '../../../constructs/tenancy/tenant-intent.schema';
import type { AccountBaselineStackProps } from '../../../stacks/account-baseline-stack';
import { AccountBaselineStackPropsSchema } from '../../../stacks/account-baseline-stack.schema';
import type { NetworkStackProps } from '../../../stacks/network-stack';
import { NetworkStackPropsSchema } from '../../../stacks/network-stack.schema';
import type { MemberAccount, OrganizationStackProps } from '../../../stacks/organization-stack';
import { MemberAccountSchema, OrganizationStackPropsSchema } from '../../../stacks/organization-stack.schema';
import type { SharedPlatformStackProps } from '../../../stacks/shared-platform-stack';
import { SharedPlatformStackPropsSchema } from '../../../stacks/shared-platform-stack.schema';
import type { TenantDatabaseStackProps } from '../../../stacks/tenant-database-stack';
import { TenantDatabaseStackPropsSchema } from '../../../stacks/tenant-database-stack.schema';
import type { FleetEnvironment, TenantFleetProps } from '../../../stacks/tenant-fleet';
import type { PlatformKeysProps } from '../../../constructs/platform/kms/platform-keys';
import { PlatformKeysPropsSchema } from '../../../constructs/platform/kms/platform-keys.schema';
import type { KongServiceProps } from '../../../constructs/platform/routing/kong-service';
import { KongServicePropsSchema } from '../../../constructs/platform/routing/kong-service.schema';
import type { BaselineKeyProps } from '../../../constructs/identity/kms-key';
import { BaselineKeyPropsSchema } from '../../../constructs/identity/kms-key.schema';
import type { AuditBucketProps } from '../../../constructs/identity/audit-bucket';
import { AuditBucketPropsSchema } from '../../../constructs/identity/audit-bucket.schema';
import { FleetEnvironmentSchema, TenantFleetPropsSchema } from '../../../stacks/tenant-fleet.schema';
import type { EmulatorOptions } from '../../../stacks/emulator';
import { EmulatorOptionsSchema } from '../../../stacks/emulator.schema';
import type { AuroraPostgresClusterProps } from '../../../constructs/database/aurora-postgres-cluster';
import { AuroraPostgresClusterPropsSchema } from '../../../constructs/database/aurora-postgres-cluster.schema';
import type { PostgresInstanceProps } from '../../../constructs/database/postgres-instance';
import type { BackupCopyOptions, DatabaseBackupOptions } from '../../../constructs/database/database-backup';
import { BackupCopyOptionsSchema, DatabaseBackupOptionsSchema, PostgresInstancePropsSchema } from '../../../constructs/database/postgres-instance.schema';
import type { EksAccessEntryOptions, EksClusterProps } from '../../../constructs/eks/eks-cluster';
import type { EksNodeGroupOptions } from '../../../constructs/eks/node-group';
import { EksAccessEntryOptionsSchema, EksClusterPropsSchema, EksNodeGroupOptionsSchema } from '../../../constructs/eks/eks-cluster.schema';
import type { WebEdgeApiOptions, WebEdgeProps } from '../../../constructs/web/web-edge';
import { WebEdgeApiOptionsSchema, WebEdgePropsSchema } from '../../../constructs/web/web-edge.schema';
import type { PullAccount, SharedRegistryProps } from '../../../constructs/registry/shared-registry';
import { PullAccountSchema, SharedRegistryPropsSchema } from '../../../constructs/registry/shared-registry.schema';
import type { AccountAssignmentSpec, IdentityCenterAccessProps, PermissionSetSpec } from '../../../constructs/identity-center/identity-center-access';
import { AccountAssignmentSpecSchema, IdentityCenterAccessPropsSchema, PermissionSetSpecSchema } from '../../../constructs/identity-center/identity-center-access.schema';
import type { BudgetSpec, CostControlsProps, CostExportSpec, TagPolicySpec } from '../../../constructs/cost/cost-controls';
import { BudgetSpecSchema, CostControlsPropsSchema, CostExportSpecSchema, TagPolicySpecSchema } from '../../../constructs/cost/cost-controls.schema';
import type { OrganizationTrailOptions, SecurityServicesProps } from '../../../constructs/security-services/security-services';
import { OrganizationTrailOptionsSchema, SecurityServicesPropsSchema } from '../../../constructs/security-services/security-services.schema';

import type { DeliveryPipelineProps, DeployTarget, PipelineBuildspecs, PipelineSource } from '../../../constructs/delivery/delivery-pipeline';
import { DeliveryPipelinePropsSchema, DeployTargetSchema, PipelineBuildspecsSchema, PipelineSourceSchema } from '../../../constructs/delivery/delivery-pipeline.schema';
import type { DatasetProps, PrefixShare, TableShare } from '../../../constructs/datasets/dataset';
import { DatasetPropsSchema, PrefixShareSchema, TableShareSchema } from '../../../constructs/datasets/dataset.schema';
import type { CrossAccountRoleProps } from '../../../constructs/cross-account/cross-account-role';
import { CrossAccountRolePropsSchema } from '../../../constructs/cross-account/cross-account-role.schema';
import type { ExternalIdSecretProps } from '../../../constructs/cross-account/external-id-secret';
import { ExternalIdSecretPropsSchema } from '../../../constructs/cross-account/external-id-secret.schema';
import type { StaticSiteDomain, StaticSiteProps } from '../../../constructs/web/static-site';
import { StaticSiteDomainSchema, StaticSitePropsSchema } from '../../../constructs/web/static-site.schema';
import type { AlarmSpec, AlarmTopicProps } from '../../../constructs/messaging/alarm-topic';
import { AlarmSpecSchema, AlarmTopicPropsSchema } from '../../../constructs/messaging/alarm-topic.schema';
import type { ContainerImage, FargateServiceProps } from '../../../constructs/compute/fargate-service';
import { ContainerImageSchema, FargateServicePropsSchema } from '../../../constructs/compute/fargate-service.schema';
import type { FunctionCode, SecureFunctionProps } from '../../../constructs/compute/secure-function';
import { FunctionCodeSchema, SecureFunctionPropsSchema } from '../../../constructs/compute/secure-function.schema';
import type { EncryptedQueueProps } from '../../../constructs/messaging/encrypted-queue';
import { EncryptedQueuePropsSchema } from '../../../constructs/messaging/encrypted-queue.schema';
import type { ExecuteApiEndpoint, PrivateRestApiProps } from '../../../constructs/api/private-rest-api';
import { ExecuteApiEndpointSchema, PrivateRestApiPropsSchema } from '../../../constructs/api/private-rest-api.schema';
import type { DirectoryGroup, DirectoryPasswordPolicy, FederatedIdentityProvider, UserDirectoryProps } from '../../../constructs/directory/user-directory';
import { DirectoryGroupSchema, DirectoryPasswordPolicySchema, FederatedIdentityProviderSchema, UserDirectoryPropsSchema } from '../../../constructs/directory/user-directory.schema';
import type { SearchDomainProps } from '../../../constructs/search/search-domain';
import { SearchDomainPropsSchema } from '../../../constructs/search/search-domain.schema';
type Keys<T> = T extends unknown ? keyof T : never;
type Out<S> = S extends v.GenericSchema ? NonNullable<v.InferOutput<S>> : never;
type SameKeys<S, T> = [Keys<Out<S>>] extends [Keys<NonNullable<T>>] ? ([Keys<NonNullable<T>>] extends [Keys<Out<S>>] ? true : false) : false;
type Entry<S, K extends string> = S extends v.StrictObjectSchema<infer E, infer _M> ? (K extends keyof E ? E[K] : never) : never;

/** Compiles only when the schema's keys are exactly the type's. */
const agree = <S, T>(ok: SameKeys<S, T>): boolean => ok;

const checks: boolean[] = [
  agree<typeof EnvironmentSchema, Environment>(true),
  agree<typeof SharedVpcPropsSchema, SharedVpcProps>(true),
  agree<typeof PlacementSchema, Placement>(true),
  agree<typeof AlbRefSchema, AlbRef>(true),
  agree<typeof TenantPlatformRefsSchema, TenantPlatformRefs>(true),
  agree<typeof TenantIntentSchema, TenantIntent>(true),
  agree<typeof Ec2EbsDatabasePropsSchema, Ec2EbsDatabaseProps>(true),
  agree<typeof RdsPostgresDatabasePropsSchema, RdsPostgresDatabaseProps>(true),
  agree<typeof AuroraServerlessDatabasePropsSchema, AuroraServerlessDatabaseProps>(true),
  agree<typeof AccountBaselinePropsSchema, AccountBaselineProps>(true),
  agree<typeof HumanUserSchema, HumanUser>(true),
  agree<Entry<typeof AccountBaselinePropsSchema, 'ciDeploy'>, CiDeployOptions>(true),
  agree<Entry<typeof AccountBaselinePropsSchema, 'auditTrail'>, AuditTrailProps>(true),
  agree<Entry<typeof AccountBaselinePropsSchema, 'sessionManager'>, SessionManagerProps>(true),
  agree<typeof AccountBaselineStackPropsSchema, AccountBaselineStackProps>(true),
  agree<typeof NetworkStackPropsSchema, NetworkStackProps>(true),
  agree<typeof MemberAccountSchema, MemberAccount>(true),
  agree<typeof OrganizationStackPropsSchema, OrganizationStackProps>(true),
  agree<typeof SharedPlatformStackPropsSchema, SharedPlatformStackProps>(true),
  agree<typeof TenantDatabaseStackPropsSchema, TenantDatabaseStackProps>(true),
  agree<typeof FleetEnvironmentSchema, FleetEnvironment>(true),
  agree<typeof TenantFleetPropsSchema, TenantFleetProps>(true),
  agree<typeof EmulatorOptionsSchema, EmulatorOptions>(true),
  agree<typeof PlatformKeysPropsSchema, PlatformKeysProps>(true),
  agree<typeof KongServicePropsSchema, KongServiceProps>(true),
  agree<typeof BaselineKeyPropsSchema, BaselineKeyProps>(true),
  agree<typeof AuditBucketPropsSchema, AuditBucketProps>(true),
  agree<typeof AuroraPostgresClusterPropsSchema, AuroraPostgresClusterProps>(true),
  agree<typeof PostgresInstancePropsSchema, PostgresInstanceProps>(true),
  agree<typeof DatabaseBackupOptionsSchema, DatabaseBackupOptions>(true),
  agree<typeof BackupCopyOptionsSchema, BackupCopyOptions>(true),
  agree<typeof EksClusterPropsSchema, EksClusterProps>(true),
  agree<typeof EksNodeGroupOptionsSchema, EksNodeGroupOptions>(true),
  agree<typeof EksAccessEntryOptionsSchema, EksAccessEntryOptions>(true),
  agree<typeof WebEdgePropsSchema, WebEdgeProps>(true),
  agree<typeof WebEdgeApiOptionsSchema, WebEdgeApiOptions>(true),
  agree<typeof SharedRegistryPropsSchema, SharedRegistryProps>(true),
  agree<typeof PullAccountSchema, PullAccount>(true),
  agree<typeof IdentityCenterAccessPropsSchema, IdentityCenterAccessProps>(true),
  agree<typeof PermissionSetSpecSchema, PermissionSetSpec>(true),
  agree<typeof AccountAssignmentSpecSchema, AccountAssignmentSpec>(true),
  agree<typeof CostControlsPropsSchema, CostControlsProps>(true),
  agree<typeof BudgetSpecSchema, BudgetSpec>(true),
  agree<typeof CostExportSpecSchema, CostExportSpec>(true),
  agree<typeof TagPolicySpecSchema, TagPolicySpec>(true),
  agree<typeof SecurityServicesPropsSchema, SecurityServicesProps>(true),
  agree<typeof OrganizationTrailOptionsSchema, OrganizationTrailOptions>(true),
  agree<typeof CrossAccountRolePropsSchema, CrossAccountRoleProps>(true),
  agree<typeof DatasetPropsSchema, DatasetProps>(true),
  agree<typeof PrefixShareSchema, PrefixShare>(true),
  agree<typeof TableShareSchema, TableShare>(true),
  agree<typeof DeliveryPipelinePropsSchema, DeliveryPipelineProps>(true),
  agree<typeof DeployTargetSchema, DeployTarget>(true),
  agree<typeof PipelineSourceSchema, PipelineSource>(true),
  agree<typeof PipelineBuildspecsSchema, PipelineBuildspecs>(true),
  agree<typeof ExternalIdSecretPropsSchema, ExternalIdSecretProps>(true),
  agree<typeof StaticSitePropsSchema, StaticSiteProps>(true),
  agree<typeof StaticSiteDomainSchema, StaticSiteDomain>(true),
  agree<typeof AlarmTopicPropsSchema, AlarmTopicProps>(true),
  agree<typeof AlarmSpecSchema, AlarmSpec>(true),
  agree<typeof FargateServicePropsSchema, FargateServiceProps>(true),
  agree<typeof ContainerImageSchema, ContainerImage>(true),
  agree<typeof SecureFunctionPropsSchema, SecureFunctionProps>(true),
  agree<typeof FunctionCodeSchema, FunctionCode>(true),
  agree<typeof EncryptedQueuePropsSchema, EncryptedQueueProps>(true),
  agree<typeof PrivateRestApiPropsSchema, PrivateRestApiProps>(true),
  agree<typeof ExecuteApiEndpointSchema, ExecuteApiEndpoint>(true),
  agree<typeof UserDirectoryPropsSchema, UserDirectoryProps>(true),
  agree<typeof FederatedIdentityProviderSchema, FederatedIdentityProvider>(true),
  agree<typeof DirectoryPasswordPolicySchema, DirectoryPasswordPolicy>(true),
  agree<typeof DirectoryGroupSchema, DirectoryGroup>(true),
  agree<typeof SearchDomainPropsSchema, SearchDomainProps>(true),
];

test('every props schema names exactly the keys of its type (checked by tsc)', () => {
  expect(checks.every(Boolean)).toBe(true);
});

// The adversary: a schema missing a key must not compile.
// @ts-expect-error PlacementSchema has no `tenantId`, so the keys differ.
agree<typeof PlacementSchema, Placement & { tenantId: string }>(true);
