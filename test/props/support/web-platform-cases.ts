/**
 * The web-platform constructs (seed 004) for the hostile-props tier: each is
 * built alone in a bare stack from plain-data props; providers and key
 * constructs are added by the build, so hostile values reach every prop a
 * caller writes.
 */
import { AuroraPostgresCluster } from '../../../constructs/database/aurora-postgres-cluster';
import { PostgresInstance } from '../../../constructs/database/postgres-instance';
import { EksCluster } from '../../../constructs/eks/eks-cluster';
import { CostControls } from '../../../constructs/cost/cost-controls';
import { IdentityCenterAccess } from '../../../constructs/identity-center/identity-center-access';
import { CiDeployRole } from '../../../constructs/identity/ci-deploy-role';
import { SharedRegistry } from '../../../constructs/registry/shared-registry';
import { SecurityServices } from '../../../constructs/security-services/security-services';
import { WebEdge } from '../../../constructs/web/web-edge';
import { KmsKey } from '../../../core/aws';
import { App } from '../../../core/cdktf';
import { Environment } from '../../../core/environment';
import { ConstructTestStack, EDGE_DEV } from '../../support/construct-fixtures';
import { newApp, testEnvironment } from '../../support/synth';
import type { StackCase } from './stack-cases';

const ACCOUNT = EDGE_DEV.accountId;
const DR_DEV: Environment = { ...EDGE_DEV, additionalRegions: ['us-east-1', 'eu-central-1'] };
const MANAGEMENT = testEnvironment({ name: 'management', accountId: '666666666666', state: { kind: 's3', bucket: 'acme-management-tfstate', kmsKeyId: 'alias/acme-management-tfstate' } });

function inStack(make: (stack: ConstructTestStack) => void, environment: Environment = EDGE_DEV): App {
  const app = newApp();
  make(new ConstructTestStack(app, 'construct-test', { environment }));
  return app;
}

const DB_COMMON = { vpcId: 'vpc-1', subnetIds: ['subnet-db-a', 'subnet-db-b'], allowedSecurityGroups: { pods: 'sg-pods' }, kmsKeyArn: `arn:aws:kms:eu-west-1:${ACCOUNT}:key/db`, multiAz: true, deletionProtection: true, backupRetentionDays: 14, port: 5432, databaseName: 'app' };

export function webPlatformConstructCases(): StackCase[] {
  return [
    {
      name: 'PostgresInstance',
      props: () => ({ ...DB_COMMON, name: 'app', engineVersion: '16', instanceClass: 'db.m7g.large', storageGiB: 100, maxStorageGiB: 200, passwordRotationDays: 30, backup: { schedule: 'cron(0 3 * * ? *)', retentionDays: 365, copyTo: { destinationVaultArn: `arn:aws:backup:eu-central-1:${ACCOUNT}:backup-vault:dr`, retentionDays: 90 } }, readReplicas: 1, replicaInstanceClass: 'db.m7g.large' }),
      build: (props) => inStack((s) => new PostgresInstance(s, 'db', props as never), DR_DEV),
    },
    {
      name: 'AuroraPostgresCluster',
      props: () => ({ ...DB_COMMON, name: 'app', engineVersion: '16.6', minCapacityAcu: 0.5, maxCapacityAcu: 8 }),
      build: (props) => inStack((s) => new AuroraPostgresCluster(s, 'db', props as never)),
    },
    {
      name: 'EksCluster',
      props: () => ({
        name: 'web',
        kubernetesVersion: '1.33',
        vpcId: 'vpc-1',
        subnetIds: ['subnet-a', 'subnet-b'],
        publicAccessCidrs: ['203.0.113.0/24'],
        secretsKmsKeyArn: `arn:aws:kms:eu-west-1:${ACCOUNT}:key/secrets`,
        logsKmsKeyArn: `arn:aws:kms:eu-west-1:${ACCOUNT}:key/logs`,
        logRetentionDays: 365,
        nodeGroups: { frontend: { instanceTypes: ['m7g.large'], minSize: 1, maxSize: 3, desiredSize: 2, capacityType: 'ON_DEMAND', diskSizeGiB: 50, labels: { tier: 'frontend' } } },
        accessEntries: { admins: { principalArn: `arn:aws:iam::${ACCOUNT}:role/admins`, access: 'edit', namespaces: ['web'] } },
        workloadIdentity: 'pod-identity',
        karpenter: true,
        loadBalancerController: true,
        metricsServer: true,
      }),
      build: (props) => inStack((s) => new EksCluster(s, 'eks', props as never)),
    },
    {
      name: 'WebEdge',
      props: () => ({
        siteName: 'web',
        domain: { aliases: ['app.example.com'], certificateArn: `arn:aws:acm:us-east-1:${ACCOUNT}:certificate/site`, hostedZoneId: 'Z0123456789ABCDEFGHIJ' },
        api: { vpcId: 'vpc-1', publicSubnetIds: ['subnet-a', 'subnet-b'], originDomainName: 'origin.app.example.com', certificateArn: `arn:aws:acm:eu-west-1:${ACCOUNT}:certificate/origin`, targetPort: 8080, pathPattern: '/api/*', healthCheckPath: '/healthz', deletionProtection: true },
        rateLimitPer5Minutes: 2000,
      }),
      build: (props) => inStack((s) => new WebEdge(s, 'edge', { ...(props as object), cloudFrontProvider: s.regionalProvider('us-east-1'), logsKmsKey: new KmsKey(s, 'logs-key', { enableKeyRotation: true }) } as never)),
    },
    {
      name: 'SharedRegistry',
      props: () => ({ repositories: ['web/frontend'], pullAccounts: { dev: { accountId: '444444444444', roleNames: ['dev-web-nodes'] } }, pushRoleNames: ['ci'], kmsKeyArn: 'arn:aws:kms:eu-west-1:666666666666:key/ecr', keepImages: 50 }),
      build: (props) => inStack((s) => new SharedRegistry(s, 'registry', props as never), MANAGEMENT),
    },
    {
      name: 'IdentityCenterAccess',
      props: () => ({
        instanceArn: 'arn:aws:sso:::instance/ssoins-0123456789abcdef',
        permissionSets: { ReadOnly: { description: 'read', sessionDurationHours: 1, managedPolicies: ['ReadOnlyAccess'], inlinePolicy: [{ Effect: 'Allow', Action: ['eks:DescribeCluster'], Resource: 'arn:aws:eks:eu-west-1:*:cluster/*' }] } },
        assignments: { readers: { permissionSet: 'ReadOnly', groupId: '9067b4a1f8-2a1b3c4d-1111-2222-3333-444455556666', accountIds: ['444444444444'] } },
      }),
      build: (props) => inStack((s) => new IdentityCenterAccess(s, 'sso', props as never), MANAGEMENT),
    },
    {
      // As web-platform's staging-ci builds it: its own name, beside dev's ci-deploy in the shared account.
      name: 'CiDeployRole',
      props: () => ({
        oidcProviderArn: `arn:aws:iam::${ACCOUNT}:oidc-provider/token.actions.githubusercontent.com`,
        github: { owner: 'innovate-inc', repository: 'web-platform', environment: 'staging' },
        services: ['ec2', 'eks', 'backup'],
        maxSessionDurationSeconds: 3600,
        name: 'ci-deploy-staging',
      }),
      build: (props) => inStack((s) => new CiDeployRole(s, 'ci-deploy', props as never)),
    },
    {
      name: 'SecurityServices',
      props: () => ({ guardDuty: true, inspector: ['EC2', 'ECR'], securityHubStandards: ['aws-foundational-security-best-practices'], organizationTrail: { organizationId: 'o-abcdefghij', trailName: 'org-audit', bucketName: 'acme-org-audit', retentionDays: 730, objectLockDays: 90 } }),
      build: (props) => inStack((s) => new SecurityServices(s, 'security', props as never), MANAGEMENT),
    },
    {
      name: 'CostControls',
      props: () => ({ budgets: { platform: { monthlyLimitUsd: 5000, actualThresholdsPercent: [80, 100], forecastThresholdPercent: 100 } }, alertEmails: ['finops@example.com'], costAllocationTagKeys: ['cost-center'], costExport: { bucketName: 'acme-log-archive', prefix: 'cur', bucketRegion: 'eu-west-1' }, tagPolicy: { tags: { 'cost-center': [] }, targetIds: ['r-ab12'] } }),
      build: (props) => inStack((s) => new CostControls(s, 'cost', props as never), MANAGEMENT),
    },
  ];
}
