/**
 * The data-platform constructs (seed 003) for the hostile-props tier: each is
 * built alone in a bare stack from plain-data props; what cannot be plain
 * data (providers, key constructs) the build adds, so hostile values reach
 * every prop a caller writes.
 */
import { PrivateRestApi } from '../../../constructs/api/private-rest-api';
import { FargateService } from '../../../constructs/compute/fargate-service';
import { SecureFunction } from '../../../constructs/compute/secure-function';
import { UserDirectory } from '../../../constructs/directory/user-directory';
import { AlarmTopic } from '../../../constructs/messaging/alarm-topic';
import { auroraAlarms, functionAlarms } from '../../../constructs/messaging/alarms';
import { EncryptedQueue } from '../../../constructs/messaging/encrypted-queue';
import { SearchDomain } from '../../../constructs/search/search-domain';
import { StaticSite } from '../../../constructs/web/static-site';
import { KmsKey } from '../../../core/aws';
import { App } from '../../../core/cdktf';
import { ConstructTestStack, EDGE_DEV } from '../../support/construct-fixtures';
import { newApp } from '../../support/synth';
import type { StackCase } from './stack-cases';

const ACCOUNT = EDGE_DEV.accountId;
const KEY = `arn:aws:kms:eu-west-1:${ACCOUNT}:key/app`;
const LOGS = `arn:aws:kms:eu-west-1:${ACCOUNT}:key/logs`;
const ROLE = `arn:aws:iam::${ACCOUNT}:role/search-admin`;
const IMAGE = { repositoryArn: `arn:aws:ecr:eu-west-1:${ACCOUNT}:repository/data/backend`, repositoryUrl: `${ACCOUNT}.dkr.ecr.eu-west-1.amazonaws.com/data/backend`, tag: '2.6.0' };

function inStack(make: (stack: ConstructTestStack) => void): App {
  const app = newApp();
  make(new ConstructTestStack(app, 'construct-test', { environment: EDGE_DEV }));
  return app;
}

export function dataPlatformConstructCases(): StackCase[] {
  return [
    {
      name: 'StaticSite',
      props: () => ({ siteName: 'ui', domain: { aliases: ['ui.data.example.com'], certificateArn: `arn:aws:acm:us-east-1:${ACCOUNT}:certificate/site`, hostedZoneId: 'Z0123456789ABCDEFGHIJ' }, rateLimitPer5Minutes: 2000, singlePageApp: true, indexDocument: 'index.html', priceClass: 'PriceClass_100', logRetentionDays: 365 }),
      build: (props) => inStack((s) => new StaticSite(s, 'ui', { ...(props as object), cloudFrontProvider: s.regionalProvider('us-east-1'), logsKmsKey: new KmsKey(s, 'logs-key', { enableKeyRotation: true }) } as never)),
    },
    {
      name: 'AlarmTopic',
      props: () => ({ topicName: 'platform', emailSubscribers: ['oncall@example.com'] }),
      build: (props) =>
        inStack((s) => {
          const topic = new AlarmTopic(s, 'alarms', props as never);
          for (const spec of [...auroraAlarms('tf-dev-meta'), ...functionAlarms('tf-dev-worker', 'worker')]) topic.addAlarm(spec);
        }),
    },
    {
      name: 'EncryptedQueue',
      props: () => ({ queueName: 'worker-tasks', fifo: true, kmsKeyArn: KEY, visibilityTimeoutSeconds: 180, retentionSeconds: 345_600, maxReceiveCount: 5 }),
      build: (props) => inStack((s) => new EncryptedQueue(s, 'queue', props as never)),
    },
    {
      name: 'FargateService',
      props: () => ({ serviceName: 'tasks', vpcId: 'vpc-1', subnetIds: ['subnet-a', 'subnet-b'], image: IMAGE, logsKmsKeyArn: LOGS, containerPort: 8080, command: ['python', '-m', 'tasks'], environment: { MODE: 'worker' }, user: '1000:1000', scratchPaths: ['/tmp'], size: { cpu: 512, memoryMiB: 1024 }, minTasks: 2, maxTasks: 4, targetCpuPercent: 60, logRetentionDays: 365 }),
      build: (props) => inStack((s) => new FargateService(s, 'tasks', props as never)),
      // FargateServiceProps.minTasks: "One task is allowed, but ... the gate reports it".
      gateReportedOptOuts: [{ path: 'minTasks', value: 1, rules: ['TF-RES-7'] }],
    },
    {
      name: 'SecureFunction',
      props: () => ({ functionName: 'api-handler', vpcId: 'vpc-1', subnetIds: ['subnet-a', 'subnet-b'], code: { kind: 'zip', s3Bucket: 'artifacts', s3Key: 'api.zip', handler: 'app.handler', runtime: 'python3.12' }, kmsKeyArn: KEY, logsKmsKeyArn: LOGS, environment: { STAGE: 'dev' }, memoryMiB: 512, timeoutSeconds: 30, reservedConcurrency: 5, architecture: 'arm64', logRetentionDays: 365, codeSigningConfigArn: `arn:aws:lambda:eu-west-1:${ACCOUNT}:code-signing-config:csc-1` }),
      build: (props) => inStack((s) => new SecureFunction(s, 'fn', props as never)),
    },
    {
      name: 'PrivateRestApi',
      props: () => ({
        apiName: 'graphql',
        endpoint: { kind: 'create', vpcId: 'vpc-1', subnetIds: ['subnet-a', 'subnet-b'], allowedSecurityGroupIds: ['sg-clients'], allowedCidrs: ['10.0.0.0/12'] },
        userPoolArn: `arn:aws:cognito-idp:eu-west-1:${ACCOUNT}:userpool/eu-west-1_abc`,
        handler: { functionName: 'tf-dev-api-handler', invokeArn: `arn:aws:apigateway:eu-west-1:lambda:path/2015-03-31/functions/arn:aws:lambda:eu-west-1:${ACCOUNT}:function:tf-dev-api-handler/invocations` },
        logsKmsKeyArn: LOGS,
        stageName: 'v1',
        throttle: { rateLimitRps: 100, burstLimit: 200 },
        rateLimitPer5Minutes: 2000,
        manageAccountSettings: true,
        logRetentionDays: 365,
      }),
      build: (props) => inStack((s) => new PrivateRestApi(s, 'api', { ...(props as object), provider: s.provider } as never)),
    },
    {
      name: 'UserDirectory',
      props: () => ({ directoryName: 'data', domainPrefix: 'acme-data-dev', callbackUrls: ['https://ui.data.example.com/'], logoutUrls: ['https://ui.data.example.com/'], federation: { kind: 'SAML', name: 'Okta', metadataUrl: 'https://acme.okta.com/app/x/sso/saml/metadata' }, passwordPolicy: { minimumLength: 14, temporaryPasswordValidityDays: 3, passwordHistorySize: 5 }, mfa: 'required', groups: [{ name: 'DataAdmins', description: 'admins', admin: true }] }),
      build: (props) => inStack((s) => new UserDirectory(s, 'users', props as never)),
    },
    {
      name: 'SearchDomain',
      props: () => ({ domainName: 'catalog', vpcId: 'vpc-1', subnetIds: ['subnet-a', 'subnet-b'], kmsKeyArn: KEY, logsKmsKeyArn: LOGS, masterUserRoleArn: ROLE, allowedRoleArns: [`arn:aws:iam::${ACCOUNT}:role/worker`], engineVersion: 'OpenSearch_2.17', instanceType: 'r6g.large.search', instanceCount: 2, volumeSizeGiB: 100, dedicatedMasters: false, logRetentionDays: 365 }),
      build: (props) => inStack((s) => new SearchDomain(s, 'search', props as never)),
    },
  ];
}
