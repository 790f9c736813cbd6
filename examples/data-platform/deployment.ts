import { Lb, LbListener, LbListenerRule, LbTargetGroup, SecurityGroup, VpcSecurityGroupEgressRule, VpcSecurityGroupIngressRule } from '../../core/aws';
import {
  AlarmTopic,
  auroraAlarms,
  AuroraPostgresCluster,
  ContainerImage,
  CrossAccountRole,
  customerManagedKey,
  elbLogWriters,
  EncryptedQueue,
  ExternalIdSecret,
  FargateService,
  functionAlarms,
  grantImagePull,
  grantSecretRead,
  imageRepository,
  LogBucket,
  openSearchAlarms,
  PlatformDomain,
  PlatformKeys,
  PrivateRestApi,
  restApiAlarms,
  SearchDomain,
  SecureFunction,
  SharedVpc,
  StaticSite,
  UserDirectory,
} from 'tenantform/constructs';
import { App, TenantformStack } from 'tenantform/stacks';
import { BUILD_ROLE_NAME, DataPlatformConfig, DEPLOY_ROLE_NAME } from './config';
import { deployment } from './environments';

/** Where the platform's code comes from: images the tooling pipeline built and pushed. */
const IMAGE_TAG = '2.6.0';
const SITE_PORT = 8080;

/**
 * The deployment account: the platform itself. A VPC whose compute sits in
 * private subnets behind NAT; Cognito; a private REST API with WAF and a
 * Cognito authorizer in front of the API-handler Lambda; a FIFO queue to the
 * worker Lambda; long-running tasks on Fargate; OpenSearch with its handler
 * Lambda; Aurora Serverless for the metadata; alarms to an SNS topic; and the
 * frontend, on S3 behind CloudFront (internet-facing) or on ECS behind an
 * internal ALB (VPC-facing). It also holds the pivot role's external ID and
 * the role the tooling pipeline deploys with.
 */
export class DeploymentStack extends TenantformStack {
  public readonly network: SharedVpc;
  public readonly metadataDatabase: AuroraPostgresCluster;
  public readonly search: SearchDomain;
  public readonly functions: Readonly<Record<'apiHandler' | 'worker' | 'searchHandler', SecureFunction>>;
  public readonly tasks: FargateService;
  public readonly api: PrivateRestApi;
  public readonly sites: readonly (StaticSite | FargateService)[];

  constructor(scope: App, config: DataPlatformConfig) {
    super(scope, 'deployment-platform', { environment: deployment });
    const { accountId, region } = deployment;
    this.network = new SharedVpc(this, 'network', { cidrBlock: '10.40.0.0/16', azCount: 2, extraInterfaceEndpoints: ['ecr.api', 'ecr.dkr', 'logs', 'sqs'] });
    const vpcId = this.network.vpc.id;
    const privateSubnets = this.network.subnets.private.map((s) => s.id);
    const keys = new PlatformKeys(this, 'keys');
    const appKey = customerManagedKey(this, {
      keyId: 'app-key',
      aliasId: 'app-key-alias',
      description: 'data platform: queues, function environments, the search index, the external ID',
      alias: 'tenantform/deployment/app',
      partition: 'aws',
      accountId,
      // Functions and tasks use it through the grants on their roles.
      accountMayUse: true,
      statements: [],
    }).key;

    // The pipeline in the tooling account deploys with this role; only its build role may assume it.
    const deployRole = new CrossAccountRole(this, 'deploy-role', { roleName: DEPLOY_ROLE_NAME, trustedEnvironment: 'tooling', trustedRoleNames: [BUILD_ROLE_NAME], description: 'The tooling pipeline deploys the data platform' });
    // The pivot role of every linked environment requires this external ID; only the platform reads it.
    const externalId = new ExternalIdSecret(this, 'pivot-external-id', { name: 'pivot', kmsKeyArn: appKey.arn });

    const repositories = Object.fromEntries(
      (['backend', 'frontend'] as const).map((name) => {
        const repo = imageRepository(this, { id: `repository-${name}`, name: `data-platform/${name}`, kmsKeyArn: keys.data.arn });
        grantImagePull(repo, deployRole.role, { id: `pull-${name}` });
        return [name, repo];
      }),
    ) as Record<'backend' | 'frontend', ReturnType<typeof imageRepository>>;
    const image = (name: 'backend' | 'frontend'): ContainerImage => ({ repositoryArn: repositories[name].arn, repositoryUrl: repositories[name].repositoryUrl, tag: IMAGE_TAG });

    const users = new UserDirectory(this, 'users', {
      directoryName: 'data',
      domainPrefix: 'acme-data-platform',
      callbackUrls: [`https://ui.${config.domain}/`],
      groups: [{ name: 'DataPlatformAdmins', admin: true, description: 'Administrators of the data platform' }],
    });

    const fnCommon = { vpcId, subnetIds: privateSubnets, kmsKeyArn: appKey.arn, logsKmsKeyArn: keys.logs.arn };
    const tasksQueue = new EncryptedQueue(this, 'worker-queue', { queueName: 'worker-tasks', fifo: true, kmsKeyArn: appKey.arn, visibilityTimeoutSeconds: 900 });
    const apiHandler = new SecureFunction(this, 'api-handler', { ...fnCommon, functionName: 'api-handler', code: { kind: 'image', image: image('backend') }, memoryMiB: 1024, timeoutSeconds: 29, reservedConcurrency: 50, environment: { QUEUE_URL: tasksQueue.queue.url } });
    const worker = new SecureFunction(this, 'worker', { ...fnCommon, functionName: 'worker', code: { kind: 'image', image: image('backend') }, memoryMiB: 1024, timeoutSeconds: 150, reservedConcurrency: 10 });
    const searchHandler = new SecureFunction(this, 'search-handler', { ...fnCommon, functionName: 'search-handler', code: { kind: 'image', image: image('backend') }, timeoutSeconds: 60, reservedConcurrency: 10 });
    this.functions = { apiHandler, worker, searchHandler };
    tasksQueue.grantSend(apiHandler.role);
    worker.consume(tasksQueue, { batchSize: 1 });

    this.tasks = new FargateService(this, 'tasks', { serviceName: 'tasks', vpcId, subnetIds: privateSubnets, image: image('backend'), logsKmsKeyArn: keys.logs.arn, command: ['python', '-m', 'dataall.tasks'], size: { cpu: 1024, memoryMiB: 4096 } });
    // The long-running tasks deploy into linked environments with the pivot role, whose external ID they read.
    externalId.grantRead(this.tasks.taskRole);
    grantSecretRead(externalId.secret, worker.role, { id: 'read-pivot-external-id' });

    const platformCompute = { 'api-handler': apiHandler.securityGroup.id, worker: worker.securityGroup.id, 'search-handler': searchHandler.securityGroup.id, tasks: this.tasks.securityGroup.id };
    this.metadataDatabase = new AuroraPostgresCluster(this, 'metadata-db', {
      name: 'metadata',
      vpcId,
      subnetIds: this.network.subnets.isolated.map((s) => s.id),
      allowedSecurityGroups: platformCompute,
      minCapacityAcu: 0.5,
      maxCapacityAcu: 8,
      databaseName: 'dataall',
    });
    for (const c of [apiHandler, worker, searchHandler]) c.allowEgressTo('metadata-db', this.metadataDatabase.securityGroupId, this.metadataDatabase.port);
    this.tasks.allowEgressTo('metadata-db', this.metadataDatabase.securityGroupId, this.metadataDatabase.port);

    this.search = new SearchDomain(this, 'catalog', {
      domainName: 'catalog',
      vpcId,
      subnetIds: privateSubnets,
      kmsKeyArn: appKey.arn,
      logsKmsKeyArn: keys.logs.arn,
      masterUserRoleArn: searchHandler.role.arn,
      allowedRoleArns: [apiHandler.role.arn, worker.role.arn, this.tasks.taskRole.arn],
    });
    for (const [label, sg] of Object.entries(platformCompute)) this.search.admitFrom(label, sg);

    this.api = new PrivateRestApi(this, 'api', {
      apiName: 'graphql',
      // Browsers reach the private API from the corporate network (VPN / Direct Connect), and the platform's compute from inside.
      endpoint: { kind: 'create', vpcId, subnetIds: privateSubnets, allowedSecurityGroupIds: [this.tasks.securityGroup.id], allowedCidrs: config.corporateCidrs },
      userPoolArn: users.userPool.arn,
      handler: { functionName: apiHandler.function.functionName, invokeArn: apiHandler.function.invokeArn },
      logsKmsKeyArn: keys.logs.arn,
      provider: this.provider,
    });

    const alarms = new AlarmTopic(this, 'alarms', { topicName: 'data-platform', emailSubscribers: config.operatorEmails });
    for (const spec of [
      ...auroraAlarms(this.metadataDatabase.cluster.clusterIdentifier),
      ...openSearchAlarms(this.search.domainName, accountId),
      ...restApiAlarms(this.api.apiName, this.api.stage.stageName),
      ...functionAlarms(apiHandler.functionName, 'api-handler'),
      ...functionAlarms(worker.functionName, 'worker'),
      ...functionAlarms(searchHandler.functionName, 'search-handler'),
    ])
      alarms.addAlarm(spec);

    const edgeProvider = this.regionalProvider('us-east-1');
    const domain = new PlatformDomain(this, 'domain', { domain: config.domain, cloudFrontProvider: edgeProvider });
    this.sites = config.internetFacing
      ? (['ui', 'docs'] as const).map(
          (site) =>
            new StaticSite(this, `site-${site}`, {
              siteName: site,
              domain: { aliases: [`${site}.${config.domain}`], certificateArn: domain.cloudFrontCertificate.certificateArn, hostedZoneId: domain.hostedZoneId },
              cloudFrontProvider: edgeProvider,
              logsKmsKey: keys.logs,
              // The user guide is plain HTML; only the React UI routes on the client.
              singlePageApp: site === 'ui',
            }),
        )
      : this.vpcFacingSites(config, vpcId, privateSubnets, domain, keys, image('frontend'), region, accountId);
  }

  /** The VPC-facing frontend: both sites as containers behind an internal HTTPS ALB in the private subnets. */
  private vpcFacingSites(config: DataPlatformConfig, vpcId: string, subnets: readonly string[], domain: PlatformDomain, keys: PlatformKeys, frontend: ContainerImage, region: string, accountId: string): FargateService[] {
    const albSg = new SecurityGroup(this, 'sites-alb-security-group', { name: 'data-platform-sites-alb', description: 'Internal ALB of the static sites: HTTPS from inside the VPC', vpcId, tags: { Name: 'data-platform/sites-alb' } });
    new VpcSecurityGroupIngressRule(this, 'sites-alb-https-in', { securityGroupId: albSg.id, description: 'HTTPS from the VPC', ipProtocol: 'tcp', fromPort: 443, toPort: 443, cidrIpv4: '10.40.0.0/16' });
    const logs = new LogBucket(this, 'sites-alb-logs', {
      purpose: 'sites-alb-logs',
      // ELB access logs support SSE-S3 only.
      encryption: { kind: 's3-managed', reason: 'Elastic Load Balancing writes access logs with SSE-S3 only; it cannot use a customer-managed key' },
      writers: elbLogWriters(region, accountId, 'sites/', 'unused-nlb/'),
    });
    const alb = new Lb(this, 'sites-alb', {
      name: 'data-platform-sites',
      loadBalancerType: 'application',
      internal: true,
      subnets: [...subnets],
      securityGroups: [albSg.id],
      dropInvalidHeaderFields: true,
      enableDeletionProtection: true,
      desyncMitigationMode: 'strictest',
      accessLogs: { bucket: logs.bucket.id, prefix: 'sites', enabled: true },
    });
    const listener = new LbListener(this, 'sites-https', {
      loadBalancerArn: alb.arn,
      port: 443,
      protocol: 'HTTPS',
      sslPolicy: 'ELBSecurityPolicy-TLS13-1-2-2021-06',
      certificateArn: domain.regionalCertificate.certificateArn,
      defaultAction: [{ type: 'fixed-response', fixedResponse: { contentType: 'text/plain', statusCode: '404', messageBody: 'Not found' } }],
    });
    return (['ui', 'docs'] as const).map((site, i) => {
      const targetGroup = new LbTargetGroup(this, `site-${site}-targets`, { name: `data-platform-${site}`, targetType: 'ip', protocol: 'HTTP', port: SITE_PORT, vpcId, healthCheck: { enabled: true, path: '/', matcher: '200' } });
      new LbListenerRule(this, `site-${site}-rule`, { listenerArn: listener.arn, priority: 10 + i, condition: [{ hostHeader: { values: [`${site}.${config.domain}`] } }], action: [{ type: 'forward', targetGroupArn: targetGroup.arn }] });
      const service = new FargateService(this, `site-${site}`, { serviceName: `site-${site}`, vpcId, subnetIds: subnets, image: { ...frontend, tag: `${IMAGE_TAG}-${site}` }, logsKmsKeyArn: keys.logs.arn, containerPort: SITE_PORT, targetGroupArn: targetGroup.arn, minTasks: 2, scratchPaths: ['/tmp', '/var/cache/nginx', '/var/run'] });
      service.admitFrom('sites-alb', albSg.id);
      new VpcSecurityGroupEgressRule(this, `sites-alb-to-${site}`, { securityGroupId: albSg.id, description: `HTTP to the ${site} tasks`, ipProtocol: 'tcp', fromPort: SITE_PORT, toPort: SITE_PORT, referencedSecurityGroupId: service.securityGroup.id });
      return service;
    });
  }
}
