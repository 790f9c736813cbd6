import { DbSubnetGroup, SecurityGroup } from '../../core/aws';
import { Construct } from '../../core/cdktf';
import { Environment } from '../../core/environment';
import { databaseSecurityGroup } from './database-access';
import { serviceKey } from './database-key';
import { CommonSettings, PostgresCommonProps } from './database-options';
import { ManagedPostgresSpec } from './managed-postgres';
import { boundedName } from './names';

/** The master user of the standalone constructs; its password lives in Secrets Manager, never in state or code. */
export const APP_MASTER_USERNAME = 'app_admin';

export interface DatabaseFoundation {
  readonly kmsKeyArn: string;
  readonly securityGroup: SecurityGroup;
  readonly subnetGroup: DbSubnetGroup;
  readonly tags: Record<string, string>;
  /** The spec both data stores share, without the parameter group (each engine has its own kind). */
  readonly spec: Omit<ManagedPostgresSpec, 'parameterGroupName'>;
}

/**
 * What both standalone PostgreSQL constructs build before their data store:
 * the key (the one given, or their own, usable only through RDS, Secrets
 * Manager and Backup), the security group admitting the named sources, and
 * the subnet group, under the construct IDs `key`, `key-alias`,
 * `security-group` and `subnet-group`.
 */
export function databaseFoundation(scope: Construct, env: Environment, props: PostgresCommonProps, c: CommonSettings, engineVersion: string, what: string): DatabaseFoundation {
  const tags = { 'tenantform:database': props.name };
  const kmsKeyArn = props.kmsKeyArn ?? serviceKey(scope, env, { keyId: 'key', aliasId: 'key-alias', description: `${c.identifier}: ${what} storage, master secret and snapshots`, alias: `tenantform/${env.name}/${props.name}-database`, services: ['rds', 'secretsmanager', 'backup'] }).arn;
  const securityGroup = databaseSecurityGroup(scope, { name: c.identifier, vpcId: props.vpcId, port: c.port, allowedSecurityGroups: props.allowedSecurityGroups, tags });
  const subnetGroup = new DbSubnetGroup(scope, 'subnet-group', { name: boundedName(c.identifier, 255), description: `Database subnets of ${c.identifier}`, subnetIds: [...props.subnetIds], tags });
  return {
    kmsKeyArn,
    securityGroup,
    subnetGroup,
    tags,
    spec: {
      identifier: boundedName(c.identifier, 63),
      kmsKeyArn,
      securityGroupIds: [securityGroup.id],
      subnetGroupName: subnetGroup.name,
      port: c.port,
      engineVersion,
      backupRetentionDays: c.backupRetentionDays,
      deletionProtection: c.deletionProtection,
      multiAz: c.multiAz,
      masterUsername: APP_MASTER_USERNAME,
      tags,
      ...(props.databaseName !== undefined ? { databaseName: props.databaseName } : {}),
    },
  };
}
