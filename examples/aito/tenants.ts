import * as path from 'path';
import { SyncedTenants, syncTenantLock } from 'tenantform/constructs';
import { App, Environment, holdsCustomerData, NetworkStack, TenantDatabaseStack, TenantDatabaseStackProps } from 'tenantform/stacks';

type PlatformRefs = TenantDatabaseStackProps['platform'];

/** ALBs in each environment's pool; the lock never places a tenant beyond it. */
export const ALB_POOL_SIZE = 2;

export interface TenantFiles {
  /** @default examples/aito/tenants.json */
  readonly tenantsPath?: string;
  /** @default examples/aito/tenants.lock.json */
  readonly lockPath?: string;
  /**
   * `write` places new tenants and rewrites the lock; `check` fails on an out-of-date lock.
   * @default - `check` when TENANTFORM_FROZEN_LOCK=1 (CI), else `write`
   */
  readonly lockMode?: 'write' | 'check';
}

/**
 * Brings tenants.lock.json up to date with tenants.json: new tenants are
 * placed, removed ones dropped. Call it once, before building any stack, so
 * every stack of the run (the platform's routing too) sees the same lock.
 * With TENANTFORM_FROZEN_LOCK=1 (CI) an out-of-date lock fails instead.
 */
export function syncTenants(files: TenantFiles = {}): SyncedTenants {
  return syncTenantLock(
    files.tenantsPath ?? path.join(__dirname, 'tenants.json'),
    files.lockPath ?? path.join(__dirname, 'tenants.lock.json'),
    ALB_POOL_SIZE,
    { mode: files.lockMode ?? (process.env.TENANTFORM_FROZEN_LOCK === '1' ? 'check' : 'write') },
  );
}

/**
 * One `<env>-tenant-<id>` stack per tenant. In an environment without
 * customer data every tenant is declared synthetic.
 */
export function addTenants(app: App, environment: Environment, platform: PlatformRefs, synced: SyncedTenants = syncTenants()): TenantDatabaseStack[] {
  const { tenants, placements } = synced;
  const synthetic = !holdsCustomerData(environment);
  return tenants.map(
    (tenant) =>
      new TenantDatabaseStack(app, {
        environment,
        tenant: synthetic ? { ...tenant, synthetic: true } : tenant,
        placement: placements.get(tenant.id)!,
        platform,
        database: tenant.engine === undefined || tenant.engine === 'ec2-ebs' ? { image: databaseImage(environment) } : undefined,
      }),
  );
}

/** Each environment pulls the database image from its own account's registry. */
function databaseImage(environment: Environment): string {
  return `${environment.accountId}.dkr.ecr.${environment.region}.amazonaws.com/aito/database:2024.06.1`;
}

/**
 * Platform refs without a platform stack: the network comes from the network
 * stack, the rest are literal names in the environment's own account. The
 * e2e tier uses them to apply tenant stacks against an emulator without
 * deploying the whole edge; the example itself uses the platform's refs.
 */
export function interimPlatformRefs(environment: Environment, network: NetworkStack): PlatformRefs {
  const { accountId, region, name } = environment;
  const vpc = network.network;
  return {
    vpcId: vpc.vpc.id,
    vpcCidr: vpc.vpc.cidrBlock,
    privateSubnetIds: vpc.subnets.private.map((s) => s.id),
    isolatedSubnetIds: vpc.subnets.isolated.map((s) => s.id),
    endpointSecurityGroupId: vpc.endpointSecurityGroup.id,
    dataKmsKeyArn: `arn:aws:kms:${region}:${accountId}:alias/${name}-tenant-data`,
    logsKmsKeyArn: `arn:aws:kms:${region}:${accountId}:alias/${name}-logs`,
    albs: Array.from({ length: ALB_POOL_SIZE }, (_, index) => ({
      index,
      httpsListenerArn: `arn:aws:elasticloadbalancing:${region}:${accountId}:listener/app/${name}-tenants-${index}/0/0`,
      securityGroupId: `sg-${name}-alb-${index}`,
      dnsName: `internal-${name}-tenants-${index}.${region}.elb.amazonaws.com`,
    })),
    routingTierSecurityGroupId: `sg-${name}-routing`,
    restApiId: `${name}-api`,
    apiStageName: 'v1',
    domain: name === 'prod' ? 'aito.app' : `${name}.aito.app`,
  };
}
