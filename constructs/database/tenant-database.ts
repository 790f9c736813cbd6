import { Construct, TerraformResource } from '../../core/cdktf';
import { holdsCustomerData, isProduction } from '../../core/environment';
import { environmentOf } from '../../core/environment-context';
import { describeConstruct } from '../../core/errors';
import { DATA_CLASS_TAG, DataClass, TENANT_TAG } from '../../core/tags';
import { buildEc2Ebs, EngineContext, EngineResult } from './ec2-ebs-engine';
import { buildManaged } from './managed-engines';
import { TenantDatabaseProps, TenantEngine } from './tenant-database-props';
import { assertEngine, validateCommon, validateEc2Ebs, validateManaged } from './validate';
import { guardArns, validateProps } from '../../core/validation';
import { engineKeyHook, TenantDatabasePropsSchema } from './tenant-database.schema';

/**
 * One tenant's database, isolated from every other tenant: its own security
 * group, its own data store encrypted with the platform's data key, and
 * backups. `engine` picks how it runs, and the props are typed by it.
 */
export class TenantDatabase extends Construct {
  public readonly tenantId: string;
  public readonly engine: TenantEngine;
  /** `customer` in environments that hold customer data, else `synthetic`. */
  public readonly dataClass: DataClass;
  /** The database's security group. */
  public readonly securityGroupId: string;
  /** The port clients connect to. */
  public readonly port: number;
  /** Private IP (ec2-ebs) or endpoint host name (managed engines). */
  public readonly endpoint: string;
  /** EC2 instance of the host, for the ALB target group (ec2-ebs only). */
  public readonly instanceId?: string;
  /** Managed engines: the security group a client joins to connect. ec2-ebs hosts are reached through their ALB instead. */
  public readonly clientSecurityGroupId?: string;
  /** Resources kept (forgotten by Terraform, not destroyed) when the tenant is decommissioned: its data and what that data still needs. */
  public readonly dataStores: readonly TerraformResource[];

  constructor(scope: Construct, id: string, props: TenantDatabaseProps) {
    super(scope, id);
    const where = describeConstruct('TenantDatabase', this.node);
    assertEngine((props as { engine?: unknown } | undefined)?.engine, where);
    validateProps(TenantDatabasePropsSchema, props, where, { unknownKey: engineKeyHook(where, (root) => (root as { engine?: unknown }).engine) });
    const env = environmentOf(this, 'TenantDatabase');
    guardArns(props, env, where);
    validateCommon(props, env, where);
    this.tenantId = props.tenantId;
    this.engine = props.engine;
    this.dataClass = holdsCustomerData(env) ? 'customer' : 'synthetic';
    const tags = { [TENANT_TAG]: props.tenantId };
    const ctx: EngineContext = {
      props,
      env,
      tags,
      dataTags: { ...tags, [DATA_CLASS_TAG]: this.dataClass },
      baseName: `${env.name}-tenant-${props.tenantId}`,
    };
    const result: EngineResult =
      props.engine === 'ec2-ebs'
        ? buildEc2Ebs(this, { ...ctx, props }, validateEc2Ebs(props, where))
        : buildManaged(this, { ...ctx, props }, validateManaged(props, isProduction(env), where), where);
    this.securityGroupId = result.securityGroupId;
    this.port = result.port;
    this.endpoint = result.endpoint;
    this.instanceId = result.instanceId;
    this.clientSecurityGroupId = result.clientSecurityGroupId;
    this.dataStores = result.dataStores;
  }
}
