import { AppautoscalingPolicy, AppautoscalingTarget, CloudwatchLogGroup, EcrLifecyclePolicy, EcrRepository, EcsCluster, EcsService, EcsTaskDefinition, IamRole, IamRolePolicy, LbTargetGroup, SecurityGroup, VpcSecurityGroupEgressRule, VpcSecurityGroupIngressRule } from '../../../core/aws';
import { policyJson, serviceTrustPolicy } from '../../iam/policy';
import { workloadBoundaryArn } from '../../identity/workload-boundary';
import { validateProps } from '../../../core/validation';
import { KongServicePropsSchema } from './kong-service.schema';
import { Construct } from '../../../core/cdktf';
import { environmentOf } from '../../../core/environment-context';
import { describeConstruct, TenantformError } from '../../../core/errors';
import { suppress } from '../../../core/suppressions';

/** Kong's proxy port (plain HTTP inside the VPC; TLS ends at the NLB) and its status port for health checks. */
export const KONG_PROXY_PORT = 8000;
export const KONG_STATUS_PORT = 8100;
/** UID:GID of the `kong` user in the official image. */
export const KONG_USER = '1000:1000';

export type FargateSize = { readonly cpu: 256; readonly memoryMiB: 512 | 1024 | 2048 } | { readonly cpu: 512; readonly memoryMiB: 1024 | 2048 | 4096 } | { readonly cpu: 1024; readonly memoryMiB: 2048 | 4096 | 8192 };

export interface KongServiceProps {
  readonly vpcId: string;
  /** Private subnets, one per AZ; tasks spread across them. */
  readonly subnetIds: readonly string[];
  /** Kong's declarative configuration as a JSON string (may hold cdktf tokens). */
  readonly declarativeConfig: string;
  /** Customer-managed key for the image repository. */
  readonly imageKmsKeyArn: string;
  /** Customer-managed key for the log group. */
  readonly logsKmsKeyArn: string;
  /**
   * Image tag in the platform's ECR repository (tags are immutable: push a new tag to upgrade).
   * @default '3.9.1'
   */
  readonly imageTag?: string;
  /** @default { cpu: 512, memoryMiB: 1024 } */
  readonly size?: FargateSize;
  /**
   * Fewest tasks; at least 2, so one AZ can fail.
   * @default - the number of subnets (one task per AZ)
   */
  readonly minTasks?: number;
  /** @default - 4 x minTasks */
  readonly maxTasks?: number;
  /** Average CPU the autoscaler aims for, in percent. @default 60 */
  readonly targetCpuPercent?: number;
  /** @default 365 */
  readonly logRetentionDays?: number;
}

/**
 * Kong in DB-less mode on ECS Fargate: image from a private, scanned,
 * immutable, KMS-encrypted ECR repository; a cluster with Container
 * Insights; tasks with a read-only root filesystem running as the `kong`
 * user, logging to a KMS-encrypted log group; a service spread across AZs
 * behind an NLB target group, with health checks, circuit-breaker rollback
 * and CPU target tracking.
 *
 * The declarative config reaches Kong as `KONG_DECLARATIVE_CONFIG_STRING`: a
 * tenant change makes a new task-definition revision and a rolling
 * deployment, and the tasks need no AWS permission to read their config.
 */
export class KongService extends Construct {
  public readonly repository: EcrRepository;
  public readonly cluster: EcsCluster;
  public readonly taskDefinition: EcsTaskDefinition;
  public readonly service: EcsService;
  public readonly targetGroup: LbTargetGroup;
  public readonly securityGroup: SecurityGroup;
  public readonly logGroup: CloudwatchLogGroup;

  constructor(scope: Construct, id: string, props: KongServiceProps) {
    super(scope, id);
    validateProps(KongServicePropsSchema, props, describeConstruct('KongService', this.node));
    const where = describeConstruct('KongService', this.node);
    const env = environmentOf(this, 'KongService');
    const minTasks = props.minTasks ?? Math.max(2, props.subnetIds.length);
    const maxTasks = props.maxTasks ?? minTasks * 4;
    const targetCpu = props.targetCpuPercent ?? 60;
    if (!Number.isInteger(minTasks) || minTasks < 2 || !Number.isInteger(maxTasks) || maxTasks < minTasks || maxTasks > 100 || !(targetCpu >= 10 && targetCpu <= 90)) {
      throw new TenantformError({
        code: 'TF-PLT-017',
        where,
        problem: 'Kong task counts need 2 <= minTasks <= maxTasks <= 100 and a CPU target from 10 to 90 percent.',
        value: { minTasks, maxTasks, targetCpuPercent: targetCpu },
        fix: 'keep at least two tasks so an AZ outage leaves one running; e.g. minTasks 3, maxTasks 12, targetCpuPercent 60.',
      });
    }
    const size = props.size ?? { cpu: 512, memoryMiB: 1024 };
    const name = `tf-${env.name}-kong`;

    this.repository = new EcrRepository(this, 'repository', {
      name: `tenantform/${env.name}/kong`,
      imageTagMutability: 'IMMUTABLE',
      imageScanningConfiguration: { scanOnPush: true },
      encryptionConfiguration: [{ encryptionType: 'KMS', kmsKey: props.imageKmsKeyArn }],
    });
    new EcrLifecyclePolicy(this, 'repository-lifecycle', {
      repository: this.repository.name,
      policy: JSON.stringify({
        rules: [{ rulePriority: 1, description: 'Keep the 20 newest images', selection: { tagStatus: 'any', countType: 'imageCountMoreThan', countNumber: 20 }, action: { type: 'expire' } }],
      }),
    });

    this.cluster = new EcsCluster(this, 'cluster', { name, setting: [{ name: 'containerInsights', value: 'enabled' }] });

    this.logGroup = new CloudwatchLogGroup(this, 'log-group', {
      name: `/tenantform/${env.name}/kong`,
      retentionInDays: props.logRetentionDays ?? 365,
      kmsKeyId: props.logsKmsKeyArn,
    });

    const executionRole = new IamRole(this, 'execution-role', {
      name: `${name}-execution`,
      description: 'Pulls the Kong image and ships its logs; nothing else',
      assumeRolePolicy: serviceTrustPolicy('ecs-tasks.amazonaws.com', env.accountId),
      permissionsBoundary: workloadBoundaryArn(env),
    });
    const executionPolicy = new IamRolePolicy(this, 'execution-role-policy', {
      role: executionRole.id,
      policy: policyJson([
        { Sid: 'EcrLogin', Effect: 'Allow', Action: ['ecr:GetAuthorizationToken'], Resource: '*' },
        { Sid: 'PullKongImage', Effect: 'Allow', Action: ['ecr:BatchCheckLayerAvailability', 'ecr:BatchGetImage', 'ecr:GetDownloadUrlForLayer'], Resource: this.repository.arn },
        { Sid: 'ShipLogs', Effect: 'Allow', Action: ['logs:CreateLogStream', 'logs:PutLogEvents'], Resource: `${this.logGroup.arn}:log-stream:*` },
      ]),
    });
    suppress(executionPolicy, 'TF-LP-3', 'ecr:GetAuthorizationToken has no resource-level permissions; the token only opens repositories the role may pull from', { finding: 'Action::ecr:GetAuthorizationToken' });

    this.securityGroup = new SecurityGroup(this, 'security-group', {
      name: `${name}-tasks`,
      description: 'Kong tasks: proxy and status ports from the routing NLB only',
      vpcId: props.vpcId,
      tags: { Name: `${this.node.path}/tasks` },
    });
    new VpcSecurityGroupEgressRule(this, 'security-group-https-out', {
      securityGroupId: this.securityGroup.id,
      description: 'HTTPS to the ALB pool and to AWS APIs (ECR, CloudWatch Logs) through NAT or endpoints',
      ipProtocol: 'tcp',
      fromPort: 443,
      toPort: 443,
      cidrIpv4: '0.0.0.0/0',
    });

    this.targetGroup = new LbTargetGroup(this, 'target-group', {
      name,
      targetType: 'ip',
      protocol: 'TCP',
      port: KONG_PROXY_PORT,
      vpcId: props.vpcId,
      // The Kong security group admits the NLB's security group, so the NLB must be the visible source.
      preserveClientIp: 'false',
      deregistrationDelay: '30',
      healthCheck: { enabled: true, protocol: 'HTTP', port: String(KONG_STATUS_PORT), path: '/status/ready', matcher: '200', interval: 10, healthyThreshold: 2, unhealthyThreshold: 2 },
    });

    const container = {
      name: 'kong',
      image: `${this.repository.repositoryUrl}:${props.imageTag ?? '3.9.1'}`,
      essential: true,
      user: KONG_USER,
      readonlyRootFilesystem: true,
      privileged: false,
      linuxParameters: { capabilities: { drop: ['ALL'] }, initProcessEnabled: true },
      portMappings: [
        { containerPort: KONG_PROXY_PORT, protocol: 'tcp' },
        { containerPort: KONG_STATUS_PORT, protocol: 'tcp' },
      ],
      environment: Object.entries({
        KONG_DATABASE: 'off',
        KONG_DECLARATIVE_CONFIG_STRING: props.declarativeConfig,
        KONG_PROXY_LISTEN: `0.0.0.0:${KONG_PROXY_PORT}`,
        KONG_STATUS_LISTEN: `0.0.0.0:${KONG_STATUS_PORT}`,
        KONG_ADMIN_LISTEN: 'off',
        KONG_ADMIN_GUI_LISTEN: 'off',
        KONG_PLUGINS: 'request-transformer',
        KONG_ANONYMOUS_REPORTS: 'off',
        KONG_PREFIX: '/var/run/kong',
        KONG_LUA_SSL_TRUSTED_CERTIFICATE: 'system',
        KONG_PROXY_ACCESS_LOG: '/dev/stdout',
        KONG_PROXY_ERROR_LOG: '/dev/stderr',
      })
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([key, value]) => ({ name: key, value })),
      // The root filesystem is read-only; nginx needs a writable prefix and temp directory.
      mountPoints: [
        { sourceVolume: 'kong-prefix', containerPath: '/var/run/kong', readOnly: false },
        { sourceVolume: 'tmp', containerPath: '/tmp', readOnly: false },
      ],
      healthCheck: { command: ['CMD', 'kong', 'health'], interval: 15, timeout: 5, retries: 3, startPeriod: 30 },
      logConfiguration: {
        logDriver: 'awslogs',
        options: { 'awslogs-group': this.logGroup.name, 'awslogs-region': env.region, 'awslogs-stream-prefix': 'kong' },
      },
    };
    this.taskDefinition = new EcsTaskDefinition(this, 'task-definition', {
      family: name,
      requiresCompatibilities: ['FARGATE'],
      networkMode: 'awsvpc',
      cpu: String(size.cpu),
      memory: String(size.memoryMiB),
      executionRoleArn: executionRole.arn,
      runtimePlatform: { operatingSystemFamily: 'LINUX', cpuArchitecture: 'X86_64' },
      volume: [{ name: 'kong-prefix' }, { name: 'tmp' }],
      containerDefinitions: JSON.stringify([container]),
    });

    this.service = new EcsService(this, 'service', {
      name,
      cluster: this.cluster.arn,
      taskDefinition: this.taskDefinition.arn,
      launchType: 'FARGATE',
      platformVersion: '1.4.0',
      desiredCount: minTasks,
      // Fargate places tasks across the given subnets' AZs; rebalancing restores the spread after an AZ recovers.
      availabilityZoneRebalancing: 'ENABLED',
      networkConfiguration: { subnets: [...props.subnetIds], securityGroups: [this.securityGroup.id], assignPublicIp: false },
      loadBalancer: [{ targetGroupArn: this.targetGroup.arn, containerName: 'kong', containerPort: KONG_PROXY_PORT }],
      healthCheckGracePeriodSeconds: 60,
      deploymentMinimumHealthyPercent: 100,
      deploymentMaximumPercent: 200,
      deploymentCircuitBreaker: { enable: true, rollback: true },
      enableExecuteCommand: false,
      propagateTags: 'SERVICE',
      // The autoscaler owns the running count after creation.
      lifecycle: { ignoreChanges: ['desired_count'] },
    });

    const target = new AppautoscalingTarget(this, 'scaling-target', {
      serviceNamespace: 'ecs',
      scalableDimension: 'ecs:service:DesiredCount',
      resourceId: `service/${this.cluster.name}/${this.service.name}`,
      minCapacity: minTasks,
      maxCapacity: maxTasks,
    });
    new AppautoscalingPolicy(this, 'scaling-cpu', {
      name: `${name}-cpu`,
      policyType: 'TargetTrackingScaling',
      serviceNamespace: target.serviceNamespace,
      scalableDimension: target.scalableDimension,
      resourceId: target.resourceId,
      targetTrackingScalingPolicyConfiguration: {
        targetValue: targetCpu,
        predefinedMetricSpecification: { predefinedMetricType: 'ECSServiceAverageCPUUtilization' },
        scaleInCooldown: 300,
        scaleOutCooldown: 60,
      },
    });
  }

  /** Lets the NLB reach the proxy and status ports; the only ingress Kong has. */
  public admitFrom(nlbSecurityGroupId: string): void {
    for (const [label, port] of [['proxy', KONG_PROXY_PORT], ['status', KONG_STATUS_PORT]] as const) {
      new VpcSecurityGroupIngressRule(this, `security-group-${label}-from-nlb`, {
        securityGroupId: this.securityGroup.id,
        description: `Kong ${label} port from the routing NLB`,
        ipProtocol: 'tcp',
        fromPort: port,
        toPort: port,
        referencedSecurityGroupId: nlbSecurityGroupId,
      });
    }
  }
}
