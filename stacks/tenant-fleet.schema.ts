import { EnvironmentSchema, int, list, oneOf, opt, Schema, str, strict, union, v } from '../core/validation';
import { databaseSettingsSchema } from '../constructs/database/tenant-database.schema';
import { NetworkVpcSchema } from './network-stack.schema';
import { platformSettingsEntries } from './shared-platform-stack.schema';
import type { EngineSettings, FleetEnvironment, TenantFleetProps } from './tenant-fleet';

export const EngineSettingsSchema = strict({
  'ec2-ebs': opt(databaseSettingsSchema('ec2-ebs')),
  'rds-postgres': opt(databaseSettingsSchema('rds-postgres')),
  'aurora-postgres-serverless-v2': opt(databaseSettingsSchema('aurora-postgres-serverless-v2')),
}) as unknown as v.GenericSchema<unknown, EngineSettings>;

export const FleetEnvironmentSchema = strict({
  environment: EnvironmentSchema,
  vpc: NetworkVpcSchema,
  domain: str(),
  platform: opt(strict(platformSettingsEntries)),
  engines: opt(EngineSettingsSchema),
}) satisfies Schema<FleetEnvironment>;

export const TenantFleetPropsSchema = strict({
  // Tenants keep the tenants.json codes (TF-TEN-001...), so their entries are checked by validateTenants.
  tenants: union([str(), list(v.unknown())]),
  lockFile: str(),
  albCount: opt(int()),
  environments: list(FleetEnvironmentSchema),
  lockMode: opt(oneOf(['write', 'check'] as const)),
  quotas: opt(strict({ rulesPerListener: opt(int()), targetGroupsPerAlb: opt(int()) })),
}) satisfies Schema<Omit<TenantFleetProps, 'tenants'> & { tenants: unknown }>;
