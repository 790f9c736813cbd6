import { App, Construct, TerraformOutput, TerraformResource } from '../core/cdktf';
import { TenantDatabase } from '../constructs/database/tenant-database';
import { AnyDatabaseSettings, TenantDatabaseProps } from '../constructs/database/tenant-database-props';
import { Placement, TenantPlatformRefs } from '../constructs/platform-refs';
import { TenantApiAccess } from '../constructs/tenancy/tenant-api-access';
import { assertTenantId } from '../constructs/tenancy/tenant-id';
import { TenantRouting } from '../constructs/tenancy/tenant-routing';
import { TenantIntent } from '../constructs/tenancy/tenants-file';
import { TierApiLimits } from '../constructs/tenancy/tiers';
import { TenantformStack, TenantformStackProps } from './tenantform-stack';
import { validateTenantDatabaseStackProps } from './tenant-database-stack.schema';

/** Engine settings a stack passes through to its {@link TenantDatabase}: those of the tenant's engine (a setting of another engine is TF-TEN-131). */
export type TenantDatabaseSettings = AnyDatabaseSettings;

export interface TenantDatabaseStackProps extends TenantformStackProps {
  /** The tenant's entry from tenants.json. */
  readonly tenant: TenantIntent;
  /**
   * The tenant's record from tenants.lock.json: its ALB and rule priority.
   * `ec2-ebs` tenants only; managed engines take no ALB slot.
   * @default - none
   */
  readonly placement?: Placement;
  /** The shared platform of the same environment. */
  readonly platform: TenantPlatformRefs;
  /**
   * Engine settings; tenants.json `instanceType` and `storageGiB` win over these.
   * @default - the engine's defaults (ec2-ebs needs `image`)
   */
  readonly database?: TenantDatabaseSettings;
  /**
   * Override the tier's API limits for this tenant.
   * @default - the tier's limits
   */
  readonly apiLimits?: Partial<TierApiLimits>;
  /**
   * Path the ALB probes (ec2-ebs).
   * @default '/health'
   */
  readonly healthCheckPath?: string;
}

/**
 * One tenant in one environment, as its own Terraform stack named
 * `<env>-tenant-<id>`: the database, its routing on the ALB the lock gave it,
 * and its API Gateway usage plan and key. Nothing in it depends on any other
 * tenant, so adding, removing or reordering tenants never touches it.
 *
 * With `tenant.decommission`, the stack keeps only `removed` blocks: applying
 * it destroys the API key, host, routing and backup plan, while Terraform
 * lets go of (without destroying) the usage plan, for its statistics, and the
 * data stores, which the operator deletes after the retention period.
 */
export class TenantDatabaseStack extends TenantformStack {
  /** `<env>-tenant-<id>`. */
  public static stackName(environmentName: string, tenantId: string): string {
    return `${environmentName}-tenant-${tenantId}`;
  }

  public readonly tenantId: string;
  /** Absent when decommissioning. */
  public readonly database?: TenantDatabase;
  public readonly routing?: TenantRouting;
  public readonly api?: TenantApiAccess;
  /** Terraform addresses released (not destroyed) by a decommission. */
  public readonly retainedAddresses: readonly string[];

  constructor(scope: Construct, props: TenantDatabaseStackProps) {
    // Before anything reads the props: the stack ID is derived from the environment name and tenant ID.
    validateTenantDatabaseStackProps(props);
    assertTenantId(props.tenant.id, `TenantDatabaseStack ${props.environment.name}-tenant-?`);
    super(scope, TenantDatabaseStack.stackName(props.environment.name, props.tenant.id), props);
    this.tenantId = props.tenant.id;

    if (props.tenant.decommission) {
      // Build the live stack in a throwaway app only to learn the addresses to release.
      const live = new TenantDatabaseStack(new App(), { ...props, tenant: { ...props.tenant, decommission: false } });
      this.retainedAddresses = live.retainedAddresses;
      this.addOverride(
        'removed',
        this.retainedAddresses.map((from) => ({ from, lifecycle: { destroy: false } })),
      );
      return;
    }

    const { tenant, placement, platform } = props;
    // Construct IDs are keyed by the tenant ID: they are part of every
    // resource address, and must never depend on list position.
    this.database = new TenantDatabase(this, tenant.id, {
      ...(props.database as Record<string, unknown>),
      ...(tenant.instanceType !== undefined ? { instanceType: tenant.instanceType } : {}),
      ...(tenant.storageGiB !== undefined ? { storageGiB: tenant.storageGiB } : {}),
      tenantId: tenant.id,
      engine: tenant.engine ?? 'ec2-ebs',
      platform,
      ...(placement !== undefined ? { placement } : {}),
      synthetic: tenant.synthetic,
    } as TenantDatabaseProps);
    // Managed engines speak the PostgreSQL wire protocol, which an ALB cannot
    // route by host header: they get no listener rule and no ALB slot.
    if (this.database.instanceId !== undefined && placement !== undefined) {
      this.routing = new TenantRouting(this, `${tenant.id}-routing`, {
        tenantId: tenant.id,
        placement,
        alb: platform.albs.find((a) => a.index === placement.alb)!,
        vpcId: platform.vpcId,
        domain: platform.domain,
        instanceId: this.database.instanceId,
        port: this.database.port,
        healthCheckPath: props.healthCheckPath,
      });
    }
    this.api = new TenantApiAccess(this, `${tenant.id}-api`, {
      tenantId: tenant.id,
      tier: tenant.tier,
      restApiId: platform.restApiId,
      apiStageName: platform.apiStageName,
      limits: props.apiLimits,
    });
    new TerraformOutput(this, 'endpoint', { value: this.database.endpoint });
    if (this.database.clientSecurityGroupId !== undefined) new TerraformOutput(this, 'client_security_group_id', { value: this.database.clientSecurityGroupId });
    new TerraformOutput(this, 'api_key_id', { value: this.api.apiKey.id });
    this.retainedAddresses = [this.api.usagePlan, ...this.database.dataStores].map(addressOf);
  }
}

function addressOf(resource: TerraformResource): string {
  return `${resource.terraformResourceType}.${resource.friendlyUniqueId}`;
}
