import { AcmCertificate, ApiGatewayAccount, ApiGatewayDeployment, ApiGatewayDomainName, ApiGatewayIntegration, ApiGatewayMethod, ApiGatewayResource, ApiGatewayRestApi, ApiGatewayStage, CloudwatchLogGroup, DbInstance, DbSubnetGroup, EcrRepository, EcsCluster, EcsService, EcsTaskDefinition, IamRole, IamRolePolicyAttachment, KmsKey, Lb, LbListener, LbListenerRule, LbTargetGroup, S3Bucket, S3BucketPolicy, S3BucketPublicAccessBlock, S3BucketServerSideEncryptionConfigurationA, SecurityGroup } from '../../core/aws';
import { suppress } from 'tenantform/compliance';
import { SharedVpc } from 'tenantform/constructs';
import { App, Environment, TenantformStack } from 'tenantform/stacks';
import { freeTierEnvironment } from '../free-tier-ids/environment';
import { AVAILABILITY_ZONES, SERVICES, ServiceSpec } from '../free-tier-ids/services';

const ANYWHERE = '0.0.0.0/0';
const VPC_CIDR = '10.0.0.0/16';
const ORIGIN_DOMAIN = 'origin.ids.example.com';
const API_DOMAIN = 'api.ids.example.com';

/** Key-management actions for the account: administering the key, never using it for data. */
const KEY_ADMIN_ACTIONS = [
  'kms:Create*', 'kms:Describe*', 'kms:Enable*', 'kms:List*', 'kms:Put*', 'kms:Update*', 'kms:Revoke*',
  'kms:Disable*', 'kms:Get*', 'kms:Delete*', 'kms:TagResource', 'kms:UntagResource', 'kms:ScheduleKeyDeletion', 'kms:CancelKeyDeletion',
];
const KEY_USE_ACTIONS = ['kms:Encrypt', 'kms:Decrypt', 'kms:ReEncrypt*', 'kms:GenerateDataKey*', 'kms:DescribeKey', 'kms:CreateGrant'];

/**
 * The free-tier system with its weaknesses fixed: private subnets behind NAT,
 * no SSH anywhere (Fargate tasks, no hosts), HTTPS end to end, the two
 * stateful APIs on Multi-AZ RDS instead of local containers, and logs,
 * encryption and deletion protection throughout.
 */
export class FreeTierHardenedStack extends TenantformStack {
  constructor(scope: App, id: string, environment: Environment) {
    super(scope, id, { environment });
    const { accountId, region } = environment;

    // Flow logs, locked default group and NACLs, NAT per AZ and SSM endpoints come with SharedVpc.
    const network = new SharedVpc(this, 'network', {
      cidrBlock: VPC_CIDR,
      availabilityZones: AVAILABILITY_ZONES,
      natGateways: 'per-az',
      extraInterfaceEndpoints: ['ecr.api', 'ecr.dkr', 'logs'],
    });
    const vpcId = network.vpc.id;
    const key = this.dataKey(accountId, region);

    const logBucket = this.accessLogBucket(accountId, region);
    const certificate = new AcmCertificate(this, 'origin-certificate', { domainName: ORIGIN_DOMAIN, validationMethod: 'DNS', lifecycle: { createBeforeDestroy: true } });
    const lbGroup = new SecurityGroup(this, 'lb-security-group', {
      name: 'lb-security-group',
      description: 'Load balancer: HTTPS from API Gateway; to the services only',
      vpcId,
      ingress: [{ fromPort: 443, toPort: 443, protocol: 'tcp', cidrBlocks: [ANYWHERE], description: 'HTTPS from API Gateway' }],
      egress: [{ fromPort: 1024, toPort: 65535, protocol: 'tcp', cidrBlocks: [VPC_CIDR], description: 'service ports inside the VPC' }],
    });
    const elb = new Lb(this, 'elb', {
      name: 'free-tier-ids',
      loadBalancerType: 'application',
      internal: false,
      securityGroups: [lbGroup.id],
      subnets: network.subnets.public.map((s) => s.id),
      enableDeletionProtection: true,
      dropInvalidHeaderFields: true,
      accessLogs: { bucket: logBucket.bucket, prefix: 'elb', enabled: true },
    });
    const listener = new LbListener(this, 'elb-https', {
      loadBalancerArn: elb.arn,
      port: 443,
      protocol: 'HTTPS',
      sslPolicy: 'ELBSecurityPolicy-TLS13-1-2-2021-06',
      certificateArn: certificate.arn,
      defaultAction: [{ type: 'fixed-response', fixedResponse: { contentType: 'text/plain', statusCode: '404', messageBody: 'no such service' } }],
    });

    const cluster = new EcsCluster(this, 'cluster', { name: 'free-tier-ids', setting: [{ name: 'containerInsights', value: 'enabled' }] });
    const executionRole = new IamRole(this, 'task-execution-role', {
      name: 'free-tier-ids-task-execution',
      assumeRolePolicy: JSON.stringify({
        Version: '2012-10-17',
        Statement: [{ Effect: 'Allow', Principal: { Service: 'ecs-tasks.amazonaws.com' }, Action: 'sts:AssumeRole', Condition: { StringEquals: { 'aws:SourceAccount': accountId } } }],
      }),
    });
    new IamRolePolicyAttachment(this, 'task-execution-role-managed', { role: executionRole.name, policyArn: 'arn:aws:iam::aws:policy/service-role/AmazonECSTaskExecutionRolePolicy' });

    const databaseSubnets = new DbSubnetGroup(this, 'database-subnets', { name: 'free-tier-ids', subnetIds: network.subnets.isolated.map((s) => s.id) });
    for (const svc of SERVICES) {
      const group = new SecurityGroup(this, `${svc.name}-security-group`, {
        name: `${svc.name}-security-group`,
        description: `${svc.name}: its service port from the load balancer only`,
        vpcId,
        ingress: [{ fromPort: svc.port, toPort: svc.port, protocol: 'tcp', securityGroups: [lbGroup.id], description: 'service traffic from the load balancer' }],
        egress: [
          { fromPort: 443, toPort: 443, protocol: 'tcp', cidrBlocks: [ANYWHERE], description: 'HTTPS to AWS APIs and the IdP' },
          ...(svc.statefulDatabase ? [{ fromPort: 5432, toPort: 5432, protocol: 'tcp', cidrBlocks: [VPC_CIDR], description: 'PostgreSQL' }] : []),
        ],
      });
      if (svc.statefulDatabase) this.database(svc, group, databaseSubnets, key, vpcId);
      this.service(svc, { cluster, group, listener, executionRole, key, vpcId, subnets: network.subnets.private.map((s) => s.id) });
    }

    this.gateway(key, accountId);
  }

  /** One customer-managed key for the system's data and logs, rotating yearly. */
  private dataKey(accountId: string, region: string): KmsKey {
    return new KmsKey(this, 'data-key', {
      description: 'free-tier-ids data, images and logs',
      enableKeyRotation: true,
      deletionWindowInDays: 30,
      policy: JSON.stringify({
        Version: '2012-10-17',
        Statement: [
          { Sid: 'AccountAdministersKey', Effect: 'Allow', Principal: { AWS: `arn:aws:iam::${accountId}:root` }, Action: KEY_ADMIN_ACTIONS, Resource: '*' },
          {
            // RDS and ECR use the key on behalf of callers in this account, and only through those services.
            Sid: 'ServicesUseKeyForAccount',
            Effect: 'Allow',
            Principal: { AWS: `arn:aws:iam::${accountId}:root` },
            Action: KEY_USE_ACTIONS,
            Resource: '*',
            Condition: { StringEquals: { 'kms:ViaService': [`rds.${region}.amazonaws.com`, `ecr.${region}.amazonaws.com`, `secretsmanager.${region}.amazonaws.com`] } },
          },
          {
            Sid: 'LogsEncryptsSystemLogGroups',
            Effect: 'Allow',
            Principal: { Service: `logs.${region}.amazonaws.com` },
            Action: ['kms:Encrypt*', 'kms:Decrypt*', 'kms:ReEncrypt*', 'kms:GenerateDataKey*', 'kms:Describe*'],
            Resource: '*',
            Condition: { ArnLike: { 'kms:EncryptionContext:aws:logs:arn': `arn:aws:logs:${region}:${accountId}:log-group:/free-tier-ids/*` } },
          },
        ],
      }),
    });
  }

  /** ALB access logs: the one bucket that cannot use SSE-KMS, so it is TLS-only and SSE-S3. */
  private accessLogBucket(accountId: string, region: string): S3Bucket {
    const bucket = new S3Bucket(this, 'elb-access-logs', { bucket: `free-tier-ids-elb-logs-${accountId}` });
    suppress(bucket, 'TF-ENC-4', 'ALB access log delivery supports only SSE-S3 (AES256); SSE-KMS would make delivery fail.');
    new S3BucketServerSideEncryptionConfigurationA(this, 'elb-access-logs-encryption', {
      bucket: bucket.id,
      rule: [{ applyServerSideEncryptionByDefault: { sseAlgorithm: 'AES256' } }],
    });
    new S3BucketPublicAccessBlock(this, 'elb-access-logs-public-access', { bucket: bucket.id, blockPublicAcls: true, blockPublicPolicy: true, ignorePublicAcls: true, restrictPublicBuckets: true });
    new S3BucketPolicy(this, 'elb-access-logs-policy', {
      bucket: bucket.id,
      policy: JSON.stringify({
        Version: '2012-10-17',
        Statement: [
          { Sid: 'DenyPlainHttp', Effect: 'Deny', Principal: '*', Action: 's3:*', Resource: [bucket.arn, `${bucket.arn}/*`], Condition: { Bool: { 'aws:SecureTransport': 'false' } } },
          {
            Sid: 'ElbDeliversLogs',
            Effect: 'Allow',
            Principal: { Service: 'logdelivery.elasticloadbalancing.amazonaws.com' },
            Action: 's3:PutObject',
            Resource: `${bucket.arn}/elb/AWSLogs/${accountId}/*`,
            Condition: { StringEquals: { 'aws:SourceAccount': accountId }, ArnLike: { 'aws:SourceArn': `arn:aws:elasticloadbalancing:${region}:${accountId}:loadbalancer/*` } },
          },
        ],
      }),
    });
    return bucket;
  }

  /** The state the local database container held, now in a Multi-AZ, encrypted, protected RDS instance. */
  private database(svc: ServiceSpec, serviceGroup: SecurityGroup, subnets: DbSubnetGroup, key: KmsKey, vpcId: string): DbInstance {
    const group = new SecurityGroup(this, `${svc.name}-database-security-group`, {
      name: `${svc.name}-database`,
      description: `${svc.name} database: PostgreSQL from the service only`,
      vpcId,
      ingress: [{ fromPort: 5432, toPort: 5432, protocol: 'tcp', securityGroups: [serviceGroup.id], description: 'PostgreSQL from the service' }],
    });
    return new DbInstance(this, `${svc.name}-database`, {
      identifier: `free-tier-ids-${svc.name}`,
      engine: 'postgres',
      engineVersion: '16',
      instanceClass: 'db.t4g.micro',
      allocatedStorage: 20,
      dbName: svc.name.replace(/-/g, '_'),
      username: 'app',
      manageMasterUserPassword: true,
      masterUserSecretKmsKeyId: key.arn,
      dbSubnetGroupName: subnets.name,
      vpcSecurityGroupIds: [group.id],
      multiAz: true,
      storageEncrypted: true,
      kmsKeyId: key.arn,
      backupRetentionPeriod: 7,
      deletionProtection: true,
      iamDatabaseAuthenticationEnabled: true,
      publiclyAccessible: false,
      finalSnapshotIdentifier: `free-tier-ids-${svc.name}-final`,
    });
  }

  private service(
    svc: ServiceSpec,
    deps: { cluster: EcsCluster; group: SecurityGroup; listener: LbListener; executionRole: IamRole; key: KmsKey; vpcId: string; subnets: string[] },
  ): void {
    const repository = new EcrRepository(this, `${svc.name}-images`, {
      name: `free-tier-ids/${svc.name}`,
      imageTagMutability: 'IMMUTABLE',
      imageScanningConfiguration: { scanOnPush: true },
      encryptionConfiguration: [{ encryptionType: 'KMS', kmsKey: deps.key.arn }],
    });
    const logs = new CloudwatchLogGroup(this, `${svc.name}-logs`, { name: `/free-tier-ids/${svc.name}`, retentionInDays: 365, kmsKeyId: deps.key.arn });
    const targets = new LbTargetGroup(this, `${svc.name}-targets`, {
      name: `ids-${svc.name}`.slice(0, 32),
      port: svc.port,
      protocol: 'HTTP',
      targetType: 'ip',
      vpcId: deps.vpcId,
      healthCheck: { path: '/health', interval: 30, healthyThreshold: 2, unhealthyThreshold: 3 },
    });
    new LbListenerRule(this, `${svc.name}-route`, {
      listenerArn: deps.listener.arn,
      priority: svc.priority,
      condition: [{ pathPattern: { values: [svc.pathPattern] } }],
      action: [{ type: 'forward', targetGroupArn: targets.arn }],
    });
    const task = new EcsTaskDefinition(this, `${svc.name}-task`, {
      family: `free-tier-ids-${svc.name}`,
      requiresCompatibilities: ['FARGATE'],
      networkMode: 'awsvpc',
      cpu: '256',
      memory: '512',
      executionRoleArn: deps.executionRole.arn,
      containerDefinitions: JSON.stringify([
        {
          name: svc.name,
          image: `${repository.repositoryUrl}:release`,
          essential: true,
          readonlyRootFilesystem: true,
          portMappings: [{ containerPort: svc.port }],
          logConfiguration: { logDriver: 'awslogs', options: { 'awslogs-group': logs.name, 'awslogs-region': this.environment.region, 'awslogs-stream-prefix': svc.name } },
        },
      ]),
    });
    new EcsService(this, `${svc.name}-service`, {
      name: svc.name,
      cluster: deps.cluster.id,
      taskDefinition: task.arn,
      launchType: 'FARGATE',
      desiredCount: 2,
      networkConfiguration: { subnets: deps.subnets, securityGroups: [deps.group.id], assignPublicIp: false },
      loadBalancer: [{ targetGroupArn: targets.arn, containerName: svc.name, containerPort: svc.port }],
    });
  }

  /** API Gateway in front of the load balancer, over HTTPS, with access logs and a TLS 1.2 custom domain. */
  private gateway(key: KmsKey, accountId: string): void {
    const pushRole = new IamRole(this, 'api-gateway-logs-role', {
      name: 'free-tier-ids-api-gateway-logs',
      assumeRolePolicy: JSON.stringify({
        Version: '2012-10-17',
        Statement: [{ Effect: 'Allow', Principal: { Service: 'apigateway.amazonaws.com' }, Action: 'sts:AssumeRole', Condition: { StringEquals: { 'aws:SourceAccount': accountId } } }],
      }),
    });
    new IamRolePolicyAttachment(this, 'api-gateway-logs-role-managed', { role: pushRole.name, policyArn: 'arn:aws:iam::aws:policy/service-role/AmazonAPIGatewayPushToCloudWatchLogs' });
    new ApiGatewayAccount(this, 'api-gateway-account', { cloudwatchRoleArn: pushRole.arn });

    const api = new ApiGatewayRestApi(this, 'gateway', { name: 'free-tier-ids', endpointConfiguration: { types: ['REGIONAL'] }, disableExecuteApiEndpoint: true });
    const proxy = new ApiGatewayResource(this, 'gateway-proxy', { restApiId: api.id, parentId: api.rootResourceId, pathPart: '{proxy+}' });
    const method = new ApiGatewayMethod(this, 'gateway-proxy-any', {
      restApiId: api.id,
      resourceId: proxy.id,
      httpMethod: 'ANY',
      authorization: 'NONE',
      apiKeyRequired: true,
      requestParameters: { 'method.request.path.proxy': true },
    });
    const integration = new ApiGatewayIntegration(this, 'gateway-proxy-elb', {
      restApiId: api.id,
      resourceId: proxy.id,
      httpMethod: method.httpMethod,
      type: 'HTTP_PROXY',
      integrationHttpMethod: 'ANY',
      uri: `https://${ORIGIN_DOMAIN}/{proxy}`,
      requestParameters: { 'integration.request.path.proxy': 'method.request.path.proxy' },
    });
    const deployment = new ApiGatewayDeployment(this, 'gateway-deployment', { restApiId: api.id, dependsOn: [integration], lifecycle: { createBeforeDestroy: true } });
    const accessLogs = new CloudwatchLogGroup(this, 'gateway-access-logs', { name: '/free-tier-ids/api-gateway', retentionInDays: 365, kmsKeyId: key.arn });
    new ApiGatewayStage(this, 'gateway-stage', {
      restApiId: api.id,
      deploymentId: deployment.id,
      stageName: 'prod',
      accessLogSettings: {
        destinationArn: accessLogs.arn,
        format: JSON.stringify({ requestId: '$context.requestId', ip: '$context.identity.sourceIp', apiKeyId: '$context.identity.apiKeyId', status: '$context.status', path: '$context.path' }),
      },
    });
    const apiCertificate = new AcmCertificate(this, 'api-certificate', { domainName: API_DOMAIN, validationMethod: 'DNS', lifecycle: { createBeforeDestroy: true } });
    new ApiGatewayDomainName(this, 'gateway-domain', {
      domainName: API_DOMAIN,
      regionalCertificateArn: apiCertificate.arn,
      securityPolicy: 'TLS_1_2',
      endpointConfiguration: { types: ['REGIONAL'] },
    });
  }
}

/** Builds the hardened system in `app`; `main.ts` only adds `app.synth()`. */
export function buildFreeTierHardened(app: App, environment: Environment = freeTierEnvironment()): FreeTierHardenedStack {
  return new FreeTierHardenedStack(app, 'free-tier-hardened', environment);
}
