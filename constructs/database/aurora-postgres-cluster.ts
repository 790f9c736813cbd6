import { RdsCluster } from '../../core/aws';
import { Construct, TerraformResource } from '../../core/cdktf';
import { environmentOf } from '../../core/environment-context';
import { describeConstruct, TenantformError } from '../../core/errors';
import { guardArns, validateProps } from '../../core/validation';
import { AuroraPostgresClusterPropsSchema } from './aurora-postgres-cluster.schema';
import { databaseFoundation } from './database-foundation';
import { inRange, PostgresCommonProps, resolveCommon } from './database-options';
import { AURORA_ACU_LIMITS } from './engine-limits';
import { buildAuroraCluster } from './managed-postgres';
import { boundedName } from './names';
import { postgresFamily, sslClusterParameterGroup } from './postgres-ssl';

export interface AuroraPostgresClusterProps extends PostgresCommonProps {
  /**
   * Lower end of the capacity range, in ACUs (0-256, half steps; 0 lets it pause when idle).
   * @default 0.5
   */
  readonly minCapacityAcu?: number;
  /**
   * Upper end of the capacity range, in ACUs (1-256, half steps).
   * @default 8
   */
  readonly maxCapacityAcu?: number;
}

/**
 * Aurora PostgreSQL Serverless v2 in private database subnets: encrypted
 * with a rotating customer-managed key (its own unless one is given), TLS
 * 1.2+ forced by a cluster parameter group, a master password Secrets
 * Manager creates and rotates, IAM authentication, a reader in a second AZ in
 * production, deletion protection (always in production) and
 * `prevent_destroy`. Its security group admits the named client groups on
 * the database port and nothing else.
 */
export class AuroraPostgresCluster extends Construct {
  public readonly cluster: RdsCluster;
  public readonly securityGroupId: string;
  public readonly endpoint: string;
  public readonly readerEndpoint: string;
  public readonly port: number;
  /** ARN of the key that encrypts storage, the master secret and snapshots. */
  public readonly kmsKeyArn: string;
  /** ARN of the Secrets Manager secret holding the master password. */
  public readonly masterUserSecretArn: string;
  /** Resources that hold data or that the data needs. */
  public readonly dataStores: readonly TerraformResource[];

  constructor(scope: Construct, id: string, props: AuroraPostgresClusterProps) {
    super(scope, id);
    const where = describeConstruct('AuroraPostgresCluster', this.node);
    validateProps(AuroraPostgresClusterPropsSchema, props, where);
    const env = environmentOf(this, 'AuroraPostgresCluster');
    guardArns(props, env, where);
    const c = resolveCommon(props, env, where);
    const minCapacityAcu = props.minCapacityAcu ?? 0.5;
    const maxCapacityAcu = props.maxCapacityAcu ?? 8;
    for (const [name, value] of [['minCapacityAcu', minCapacityAcu], ['maxCapacityAcu', maxCapacityAcu]] as const) {
      inRange('TF-DB-004', name, value, AURORA_ACU_LIMITS.min, AURORA_ACU_LIMITS.max, where, false);
      if (value % AURORA_ACU_LIMITS.step !== 0) throw new TenantformError({ code: 'TF-DB-004', where, problem: `${name} must be a multiple of ${AURORA_ACU_LIMITS.step} ACU.`, value, fix: 'round it to the nearest half ACU.' });
    }
    if (minCapacityAcu > maxCapacityAcu || maxCapacityAcu < 1) {
      throw new TenantformError({ code: 'TF-DB-004', where, problem: 'Aurora Serverless v2 needs minCapacityAcu <= maxCapacityAcu and maxCapacityAcu >= 1.', value: { minCapacityAcu, maxCapacityAcu }, fix: 'raise maxCapacityAcu or lower minCapacityAcu.' });
    }
    const engineVersion = props.engineVersion ?? '16.6';
    const family = postgresFamily('aurora-postgresql', engineVersion, where);
    const base = databaseFoundation(this, env, props, c, engineVersion, 'Aurora');
    const sg = base.securityGroup;
    const subnets = base.subnetGroup;
    this.kmsKeyArn = base.kmsKeyArn;
    const parameters = sslClusterParameterGroup(this, 'cluster-parameter-group', { name: boundedName(c.identifier, 255), family, description: `${c.identifier}: TLS 1.2+ only`, tags: base.tags });
    const { cluster, instances } = buildAuroraCluster(this, { ...base.spec, parameterGroupName: parameters.name, minCapacityAcu, maxCapacityAcu });
    this.cluster = cluster;
    this.securityGroupId = sg.id;
    this.endpoint = cluster.endpoint;
    this.readerEndpoint = cluster.readerEndpoint;
    this.port = c.port;
    this.masterUserSecretArn = cluster.masterUserSecret.get(0).secretArn;
    this.dataStores = [cluster, ...instances, parameters, sg, subnets];
  }
}
