import { Environment, validateEnvironment } from '../core/environment';
import { guardArns, EnvironmentSchema, opt, Schema, str, strict, v, validateProps } from '../core/validation';
import { databaseSettingsSchema, engineKeyHook } from '../constructs/database/tenant-database.schema';
import { PlacementSchema, TenantPlatformRefsSchema } from '../constructs/platform-refs.schema';
import { TenantIntentSchema, TierApiLimitsPartialSchema } from '../constructs/tenancy/tenant-intent.schema';
import type { TenantEngine } from '../constructs/tenancy/tenants-file';
import type { TenantDatabaseStackProps } from './tenant-database-stack';

const WHERE = 'TenantDatabaseStack';

/** The stack's props; `database` is checked against the tenant's engine afterwards. */
export const TenantDatabaseStackPropsSchema = strict({
  environment: EnvironmentSchema,
  tenant: TenantIntentSchema,
  placement: opt(PlacementSchema),
  platform: TenantPlatformRefsSchema,
  database: opt(v.unknown()),
  apiLimits: opt(TierApiLimitsPartialSchema),
  healthCheckPath: opt(str()),
}) satisfies Schema<Omit<TenantDatabaseStackProps, 'database' | 'environment'> & { environment: unknown; database?: unknown }>;

/**
 * Validates every prop of a TenantDatabaseStack, the engine settings against
 * the tenant's engine, and the ARNs in the platform refs against the
 * environment. The stack's name is not known yet (it is built from these
 * props), so errors name the tenant stack as far as it is known.
 */
export function validateTenantDatabaseStackProps(props: TenantDatabaseStackProps): void {
  validateProps(TenantDatabaseStackPropsSchema, props, WHERE);
  const where = `${WHERE} ${props.environment.name}-tenant-${props.tenant.id}`;
  const engine: TenantEngine = props.tenant.engine ?? 'ec2-ebs';
  if (props.database !== undefined) {
    validateProps(databaseSettingsSchema(engine), props.database, `${where} database`, { unknownKey: engineKeyHook(where, () => engine) });
  }
  validateEnvironment(props.environment, where);
  guardArns({ platform: props.platform }, props.environment as Environment, where);
}
