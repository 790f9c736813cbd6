import { DbSubnetGroup, SecurityGroup, VpcSecurityGroupEgressRule, VpcSecurityGroupIngressRule } from '../../core/aws';
import { Construct } from '../../core/cdktf';
import { buildAuroraCluster, buildRdsInstance } from './managed-postgres';
import { postgresFamily, sslClusterParameterGroup, sslDbParameterGroup } from './postgres-ssl';
import { suppress } from '../../core/suppressions';
import { EngineContext, EngineResult } from './ec2-ebs-engine';
import { ManagedDatabaseProps } from './tenant-database-props';
import { boundedName } from './names';
import { ManagedSettings } from './validate';

/** The master user; its password lives in Secrets Manager, never in state or code. */
const MASTER_USERNAME = 'tenant_admin';

/**
 * Managed PostgreSQL (RDS or Aurora Serverless v2) in the isolated subnets,
 * with IAM authentication and a master password that Secrets Manager
 * creates, rotates and encrypts with the data key.
 *
 * It has no HTTP route: the PostgreSQL protocol does not pass API Gateway,
 * Kong or an ALB, so it takes no ALB slot. Clients inside the VPC reach it on
 * its endpoint and port by joining the tenant's client security group
 * (`clientSecurityGroupId`), the only source its security group admits.
 */
export function buildManaged(scope: Construct, ctx: EngineContext<ManagedDatabaseProps>, s: ManagedSettings, where: string): EngineResult {
  const { props, tags, dataTags, baseName } = ctx;
  const p = props.platform;
  const sg = new SecurityGroup(scope, 'security-group', {
    name: boundedName(baseName, 255),
    description: `Tenant ${props.tenantId}: PostgreSQL from its client group only`,
    vpcId: p.vpcId,
    tags: { ...tags, Name: baseName },
    // The description is fixed at creation (changing it replaces the group, which the database holds on to).
    lifecycle: { ignoreChanges: ['description'] },
  });
  const clients = new SecurityGroup(scope, 'client-security-group', {
    name: boundedName(`${baseName}-clients`, 255),
    description: `Tenant ${props.tenantId}: members may connect to its database`,
    vpcId: p.vpcId,
    tags: { ...tags, Name: `${baseName}-clients` },
  });
  // Nothing in this stack joins the group: the tenant's clients do, in their own stacks.
  suppress(clients, 'CKV2_AWS_5', 'the client group is for the tenant database clients to join, in their own stacks; this stack only creates it and admits it');
  new VpcSecurityGroupEgressRule(scope, 'clients-egress-to-database', {
    securityGroupId: clients.id,
    description: 'PostgreSQL to the tenant database',
    ipProtocol: 'tcp',
    fromPort: s.port,
    toPort: s.port,
    referencedSecurityGroupId: sg.id,
    tags,
  });
  // No egress rules on the database's own group: a managed database never opens connections of its own.
  new VpcSecurityGroupIngressRule(scope, 'ingress-from-clients', {
    securityGroupId: sg.id,
    description: 'PostgreSQL from the tenant client group',
    ipProtocol: 'tcp',
    fromPort: s.port,
    toPort: s.port,
    referencedSecurityGroupId: clients.id,
    tags,
  });
  const subnets = new DbSubnetGroup(scope, 'subnet-group', {
    name: boundedName(baseName, 255),
    description: `Isolated subnets of tenant ${props.tenantId}`,
    subnetIds: [...p.isolatedSubnetIds],
    tags,
  });
  const identifier = boundedName(baseName, 63);
  const spec = {
    identifier,
    kmsKeyArn: p.dataKmsKeyArn,
    securityGroupIds: [sg.id],
    subnetGroupName: subnets.name,
    port: s.port,
    engineVersion: s.engineVersion,
    backupRetentionDays: s.backupRetentionDays,
    deletionProtection: s.deletionProtection,
    multiAz: s.multiAz,
    masterUsername: MASTER_USERNAME,
    tags: dataTags,
  };

  if (props.engine === 'rds-postgres') {
    const parameters = sslDbParameterGroup(scope, 'parameter-group', { name: identifier, family: postgresFamily('postgres', s.engineVersion, where), description: `Tenant ${props.tenantId}: TLS 1.2+ only`, tags });
    const db = buildRdsInstance(scope, { ...spec, instanceClass: s.instanceClass, storageGiB: s.storageGiB, parameterGroupName: parameters.name });
    return { securityGroupId: sg.id, clientSecurityGroupId: clients.id, port: s.port, endpoint: db.address, dataStores: [db, parameters, sg, subnets] };
  }

  const parameters = sslClusterParameterGroup(scope, 'cluster-parameter-group', { name: identifier, family: postgresFamily('aurora-postgresql', s.engineVersion, where), description: `Tenant ${props.tenantId}: TLS 1.2+ only`, tags });
  const { cluster, instances } = buildAuroraCluster(scope, { ...spec, minCapacityAcu: s.minCapacityAcu, maxCapacityAcu: s.maxCapacityAcu, parameterGroupName: parameters.name });
  return { securityGroupId: sg.id, clientSecurityGroupId: clients.id, port: s.port, endpoint: cluster.endpoint, dataStores: [cluster, ...instances, parameters, sg, subnets] };
}
