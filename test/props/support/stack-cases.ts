/**
 * Every exported stack (and the fleet), each with valid props that use as
 * many of its props as possible, so the hostile-value test reaches every
 * prop path. `build` constructs the stacks in a fresh app.
 */
import { App, TerraformStack } from '../../../core/cdktf';
import { Environment } from '../../../core/environment';
import { AccountBaselineStack } from '../../../stacks/account-baseline-stack';
import { NetworkStack } from '../../../stacks/network-stack';
import { OrganizationStack } from '../../../stacks/organization-stack';
import { SharedPlatformStack } from '../../../stacks/shared-platform-stack';
import { TenantDatabaseStack } from '../../../stacks/tenant-database-stack';
import { TenantFleet } from '../../../stacks/tenant-fleet';
import { pointAtEmulator } from '../../../stacks/emulator';
import { PLACEMENTS, PLATFORM_PROD } from '../../support/platform-fixtures';
import { DEV, newApp, PROD, testEnvironment } from '../../support/synth';
import { IMAGE, PLATFORM } from '../../support/tenancy-fixtures';
import { crossAccountConstructCases } from './cross-account-cases';
import { dataPlatformConstructCases } from './data-platform-cases';
import { webPlatformConstructCases } from './web-platform-cases';
import { PropPath } from './hostile';

export interface StackCase {
  readonly name: string;
  readonly props: () => unknown;
  /** Builds the stacks in a fresh app; returns the app. */
  readonly build: (props: unknown) => App;
  /** Prop paths not mutated, with the reason in the comment at the case. */
  readonly skip?: (path: PropPath) => boolean;
  /**
   * Documented opt-outs whose output the gate is meant to report (the prop's
   * docs say so): accepted, and counted apart, only for exactly these rules.
   */
  readonly gateReportedOptOuts?: readonly { readonly path: string; readonly value: unknown; readonly rules: readonly string[] }[];
}

const MANAGEMENT: Environment = testEnvironment({ name: 'management', accountId: '333333333333', state: { kind: 's3', bucket: 'acme-management-tfstate', kmsKeyId: 'alias/acme-management-tfstate' } });

const ENVIRONMENT: Environment = { ...PROD, additionalRegions: ['us-east-1'], tags: { team: 'platform' }, posture: 'production', holdsCustomerData: true, state: { kind: 's3', bucket: 'acme-prod-tfstate', kmsKeyId: 'alias/acme-prod-tfstate', keyPrefix: 'tenantform', region: 'eu-west-1' } };

export function stackCases(lockDir: () => string): StackCase[] {
  let lockCount = 0;
  return [
    {
      name: 'NetworkStack',
      props: () => ({
        environment: ENVIRONMENT,
        vpc: { cidrBlock: '10.10.0.0/16', maxAzCount: 3, publicSubnets: { cidrMask: 24, mapPublicIpOnLaunch: false }, privateSubnets: { cidrMask: 20 }, isolatedSubnets: { cidrMask: 24 }, natGateways: 'per-az', flowLogs: { destination: 'cloud-watch-logs', retentionDays: 365, trafficType: 'ALL' }, extraInterfaceEndpoints: ['ecr.api'] },
      }),
      build: (props) => one((app) => new NetworkStack(app, 'prod-network', props as never)),
      // SharedVpcProps.flowLogs: "`false` disables them, which the compliance gate reports".
      gateReportedOptOuts: [{ path: 'vpc.flowLogs', value: false, rules: ['TF-LOG-1'] }],
    },
    {
      name: 'SharedPlatformStack',
      props: () => ({
        environment: PLATFORM_PROD,
        vpc: { cidrBlock: '10.10.0.0/16' },
        domain: 'aito.app',
        subjectAlternativeNames: ['www.aito.app'],
        placements: PLACEMENTS,
        albCount: 2,
        rulesPerAlb: 100,
        routingTier: 'kong',
        stageThrottle: { rateLimitRps: 1000, burstLimit: 2000 },
        wafRateLimitPer5Minutes: 2000,
        loadBalancerTlsPolicy: 'ELBSecurityPolicy-TLS13-1-2-2021-06',
        kong: { imageTag: '3.9.1', size: { cpu: 512, memoryMiB: 1024 }, minTasks: 3, maxTasks: 12 },
        manageApiGatewayAccount: true,
        logRetentionDays: 365,
      }),
      build: (props) => one((app) => new SharedPlatformStack(app, 'prod-platform', props as never)),
    },
    {
      name: 'TenantDatabaseStack (ec2-ebs)',
      props: () => ({
        environment: PROD,
        tenant: { id: 'acme', tier: 'standard', engine: 'ec2-ebs', instanceType: 't4g.medium', storageGiB: 100, synthetic: false, decommission: false },
        placement: { id: 'acme', alb: 0, priority: 10 },
        platform: PLATFORM,
        database: { image: IMAGE, iops: 3000, throughputMiBps: 125, backupRetentionDays: 14, backupSchedule: 'cron(0 3 * * ? *)', port: 8080, rootVolumeSizeGiB: 20, subnetIndex: 0, registryEgress: 'nat', amiId: 'ami-0123456789abcdef0' },
        apiLimits: { rateLimitPerSecond: 10, burstLimit: 20, quotaLimit: 1000, quotaPeriod: 'MONTH' },
        healthCheckPath: '/health',
      }),
      build: (props) => one((app) => new TenantDatabaseStack(app, props as never)),
    },
    {
      name: 'TenantDatabaseStack (aurora)',
      props: () => ({
        environment: DEV,
        tenant: { id: 'globex', tier: 'free', engine: 'aurora-postgres-serverless-v2', synthetic: true },
        platform: { ...PLATFORM, dataKmsKeyArn: `arn:aws:kms:eu-west-1:${DEV.accountId}:key/data`, logsKmsKeyArn: `arn:aws:kms:eu-west-1:${DEV.accountId}:key/logs`, albs: [] },
        database: { minCapacityAcu: 0.5, maxCapacityAcu: 8, multiAz: false, deletionProtection: true, engineVersion: '16.6', backupRetentionDays: 7, port: 5432 },
      }),
      build: (props) => one((app) => new TenantDatabaseStack(app, props as never)),
    },
    {
      name: 'AccountBaselineStack',
      props: () => ({
        environment: ENVIRONMENT,
        users: [{ name: 'alice', groups: ['admins'], console: true }, { name: 'bob', groups: ['developers', 'read-only'], console: false }],
        passwordPolicy: { minimumLengthChars: 14, maxAgeDays: 90 },
        maxMfaAgeSeconds: 3600,
        developersMayOperate: false,
        ciDeploy: { owner: 'acme', repository: 'infra', environment: 'prod' },
        auditTrail: { trailName: 'tenantform-audit', bucketRetentionDays: 365, objectLockDays: 90, logRetentionDays: 365 },
        awsConfig: true,
        sessionManager: { logRetentionDays: 365, idleTimeoutMinutes: 20 },
      }),
      build: (props) => one((app) => new AccountBaselineStack(app, 'prod-baseline', props as never)),
    },
    {
      name: 'OrganizationStack',
      props: () => ({
        environment: MANAGEMENT,
        accounts: [
          { name: 'prod', accountId: PROD.accountId, organizationalUnit: 'production', email: 'aws-prod@acme.example', environment: PROD },
          { name: 'dev', accountId: DEV.accountId, organizationalUnit: 'non-production', environment: DEV },
        ],
        allowedRegions: ['eu-west-1', 'us-east-1'],
        requireMfaForSensitiveActions: true,
        awsServiceAccessPrincipals: ['cloudtrail.amazonaws.com'],
      }),
      build: (props) => one((app) => new OrganizationStack(app, 'management-organization', props as never)),
    },
    {
      name: 'TenantFleet',
      props: () => ({
        tenants: [{ id: 'acme', tier: 'premium' }, { id: 'initech', tier: 'standard', engine: 'rds-postgres', storageGiB: 200 }],
        lockFile: `${lockDir()}/tenants-${lockCount++}.lock.json`,
        albCount: 2,
        lockMode: 'write',
        quotas: { rulesPerListener: 100 },
        environments: [{ environment: { ...DEV, additionalRegions: ['us-east-1'] }, vpc: { cidrBlock: '10.20.0.0/16' }, domain: 'dev.example.app', engines: { 'ec2-ebs': { image: `${DEV.accountId}.dkr.ecr.eu-west-1.amazonaws.com/aito/database:1.4.2` }, 'rds-postgres': { multiAz: false } } }],
      }),
      build: (props) => {
        const app = newApp();
        new TenantFleet(app, props as never);
        return app;
      },
      // The lock path is a file the fleet writes: a hostile path would write outside the test's temp folder.
      skip: (path) => path[0] === 'lockFile',
    },
    {
      // The emulator override, on the smallest app it can point (one network stack).
      name: 'pointAtEmulator',
      props: () => ({
        network: { environment: { ...DEV, additionalRegions: ['us-east-1'] }, vpc: { cidrBlock: '10.20.0.0/16', azCount: 2 } },
        emulator: { endpoint: 'http://127.0.0.1:5000', stateDirectory: `${lockDir()}/emulator-state` },
      }),
      build: (props) => {
        const { network, emulator } = props as { network: never; emulator: never };
        const app = newApp();
        new NetworkStack(app, 'dev-network', network);
        pointAtEmulator(app, emulator);
        return app;
      },
    },
    ...dataPlatformConstructCases(),
    ...webPlatformConstructCases(),
    ...crossAccountConstructCases(),
  ];
}

function one(make: (app: App) => TerraformStack): App {
  const app = newApp();
  make(app);
  return app;
}
