/**
 * The tenant lifecycle as one library call. A platform team's repository
 * states intent only (environments, domains, tenants) and `TenantFleet`
 * builds every stack: per environment `<env>-network`, `<env>-platform` and
 * one `<env>-tenant-<id>` per tenant, with placements that match the pool.
 *
 * It owns the lock file. Placements are computed first, every stack is then
 * built (which validates every prop), and only then is the lock written,
 * atomically: a mistake anywhere leaves the lock as it was.
 */
import { Construct } from '../core/cdktf';
import { validateProps } from '../core/validation';
import { TenantFleetPropsSchema } from './tenant-fleet.schema';
import { Environment, holdsCustomerData, validateEnvironment } from '../core/environment';
import { TenantformError } from '../core/errors';
import { validateAlbCount } from '../constructs/platform/alb-pool/quotas';
import { TenantPlatformRefs } from '../constructs/platform-refs';
import { commitTenantLock, planTenantLock, readTenants, SyncTenantLockOptions, TenantLockPlan } from '../constructs/tenancy/lock-file';
import { TenantEngine, TenantIntent, validateTenants } from '../constructs/tenancy/tenants-file';
import { NetworkStack, NetworkStackProps } from './network-stack';
import { SharedPlatformStack, SharedPlatformStackProps } from './shared-platform-stack';
import { TenantDatabaseStack } from './tenant-database-stack';
import { DatabaseSettingsOf } from '../constructs/database/tenant-database-props';

/** Environment variable that freezes the lock: an out-of-date lock fails instead of being rewritten (set it in CI). */
export const FROZEN_LOCK_ENV = 'TENANTFORM_FROZEN_LOCK';

/** Platform settings the fleet does not decide itself. */
export type FleetPlatformSettings = Omit<SharedPlatformStackProps, 'environment' | 'network' | 'vpc' | 'domain' | 'placements' | 'albCount'>;

/** Database settings per engine; a tenant's own `instanceType` and `storageGiB` win over them. */
export type EngineSettings = { readonly [E in TenantEngine]?: DatabaseSettingsOf<E> };

export interface FleetEnvironment {
  readonly environment: Environment;
  /** Settings of `<env>-network`'s VPC; `cidrBlock` is required. */
  readonly vpc: NetworkStackProps['vpc'];
  /** Apex domain of `<env>-platform`; tenants are served at `<tenant>.<domain>`. */
  readonly domain: string;
  /** @default - the platform's defaults */
  readonly platform?: FleetPlatformSettings;
  /** @default - each engine's defaults; `ec2-ebs` needs an `image` */
  readonly engines?: EngineSettings;
}

export interface TenantFleetProps {
  /** The path of tenants.json, or the tenants themselves (validated the same way). */
  readonly tenants: string | readonly TenantIntent[];
  /** The path of tenants.lock.json. The fleet creates and updates it; commit it. */
  readonly lockFile: string;
  /** ALBs in every environment's pool. Only ever grow it: shrinking past a placed tenant is refused. @default 2 */
  readonly albCount?: number;
  readonly environments: readonly FleetEnvironment[];
  /**
   * `write` places new tenants and updates the lock; `check` fails on an out-of-date lock.
   * @default - `check` when TENANTFORM_FROZEN_LOCK=1, else `write`
   */
  readonly lockMode?: 'write' | 'check';
  /** ALB quotas, after a quota increase. @default - AWS defaults */
  readonly quotas?: Omit<SyncTenantLockOptions, 'mode'>;
}

/** What the fleet built for one environment. */
export interface FleetEnvironmentStacks {
  readonly network: NetworkStack;
  readonly platform: SharedPlatformStack;
  /** By tenant ID. */
  readonly tenants: ReadonlyMap<string, TenantDatabaseStack>;
}

export class TenantFleet {
  /** By environment name. */
  public readonly environments: ReadonlyMap<string, FleetEnvironmentStacks>;
  public readonly tenants: readonly TenantIntent[];
  /** Whether this run changed the lock file. */
  public readonly lockChanged: boolean;

  constructor(scope: Construct, props: TenantFleetProps) {
    const where = 'TenantFleet';
    validateProps(TenantFleetPropsSchema, props, where);
    // Stack IDs are built from the environment names below, so the names are checked first.
    for (const e of props.environments) validateEnvironment(e.environment, where);
    // The same bound the platform's pool enforces, checked before any placement uses it.
    const albCount = validateAlbCount(props.albCount ?? 2, where);
    const tenants = typeof props.tenants === 'string' ? readTenants(props.tenants) : validateTenants(props.tenants, `${where} tenants`);
    if (!Array.isArray(props.environments) || props.environments.length === 0) {
      throw new TenantformError({ code: 'TF-TEN-012', where, problem: 'a fleet needs at least one environment.', value: props.environments, fix: 'pass environments: [{ environment, vpc: { cidrBlock }, domain }].' });
    }
    const plan = planTenantLock(tenants, props.lockFile, albCount, { ...props.quotas, mode: props.lockMode ?? lockModeFromEnv() });
    const built = new Map<string, FleetEnvironmentStacks>();
    for (const e of props.environments) {
      const name = e.environment?.name;
      const network = new NetworkStack(scope, `${name}-network`, { environment: e.environment, vpc: e.vpc });
      const platform = new SharedPlatformStack(scope, `${name}-platform`, {
        ...e.platform,
        environment: e.environment,
        network: network.network,
        domain: e.domain,
        albCount,
        placements: [...plan.placements.values()],
      });
      const stacks = tenantStacks(scope, e.environment, platform.tenantRefs, plan, e.engines);
      built.set(name, { network, platform, tenants: new Map(stacks.map((s) => [s.tenantId, s])) });
    }
    // Every stack is built, so every prop has passed validation: now the lock may change.
    commitTenantLock(plan);
    this.environments = built;
    this.tenants = plan.tenants;
    this.lockChanged = plan.lockChanged;
  }
}

/**
 * One `<env>-tenant-<id>` stack per tenant of the plan, on the given platform.
 * Tenants are synthetic wherever the environment holds no customer data, and
 * only tenants with an ALB slot get a placement. `TenantFleet` uses this; it
 * is exported for apps that build their platforms another way.
 */
export function tenantStacks(scope: Construct, environment: Environment, platform: TenantPlatformRefs, plan: Pick<TenantLockPlan, 'tenants' | 'placements'>, engines: EngineSettings = {}): TenantDatabaseStack[] {
  const synthetic = !holdsCustomerData(environment);
  return plan.tenants.map((tenant) => {
    const placement = plan.placements.get(tenant.id);
    return new TenantDatabaseStack(scope, {
      environment,
      tenant: synthetic ? { ...tenant, synthetic: true } : tenant,
      ...(placement !== undefined ? { placement } : {}),
      platform,
      database: engines[tenant.engine ?? 'ec2-ebs'],
    });
  });
}

function lockModeFromEnv(): 'write' | 'check' {
  return process.env[FROZEN_LOCK_ENV] === '1' ? 'check' : 'write';
}
