import {
  AppautoscalingPolicy,
  AppautoscalingTarget,
  CloudwatchLogGroup,
  EcsCluster,
  EcsService,
  EcsTaskDefinition,
  IamRole,
  IamRolePolicy,
  SecurityGroup,
} from '../../core/aws';
import { Construct } from '../../core/cdktf';
import { Environment } from '../../core/environment';
import { suppress } from '../../core/suppressions';
import { policyJson, serviceTrustPolicy } from '../iam/policy';
import { workloadSecurityGroup } from './workload-security-group';
import { workloadBoundaryArn } from '../identity/workload-boundary';

/** The Fargate task sizes the kit offers (cpu units, MiB): any other pair fails at apply. */
export type FargateSize = { readonly cpu: 256; readonly memoryMiB: 512 | 1024 | 2048 } | { readonly cpu: 512; readonly memoryMiB: 1024 | 2048 | 4096 } | { readonly cpu: 1024; readonly memoryMiB: 2048 | 4096 | 8192 };

/** The one container of a workload task, in the terms of an ECS container definition. */
export interface WorkloadContainer {
  readonly name: string;
  readonly image: string;
  /** `UID:GID`; never root. */
  readonly user: string;
  readonly portMappings?: readonly { readonly containerPort: number; readonly protocol: 'tcp' }[];
  readonly environment?: readonly { readonly name: string; readonly value: string }[];
  readonly command?: readonly string[];
  /** Writable scratch mounts: the root filesystem is read-only. Each names a task volume. */
  readonly mountPoints: readonly { readonly sourceVolume: string; readonly containerPath: string; readonly readOnly: false }[];
  readonly healthCheck?: { readonly command: readonly string[]; readonly interval: number; readonly timeout: number; readonly retries: number; readonly startPeriod: number };
  /** Prefix of the task's log streams. */
  readonly logStreamPrefix: string;
}

export interface FargateWorkloadOptions {
  /** Name of the cluster (when created), service, task family and roles, e.g. `tf-dev-kong`. */
  readonly name: string;
  /** What the workload is, for role and security group descriptions. */
  readonly purpose: string;
  readonly vpcId: string;
  readonly subnetIds: readonly string[];
  /** Fixed at creation: changing it replaces the security group. */
  readonly securityGroupDescription: string;
  /** What the task's HTTPS egress reaches. */
  readonly egressDescription: string;
  /** Private repository the execution role may pull the image from. */
  readonly repositoryArn: string;
  readonly container: WorkloadContainer;
  readonly volumes: readonly string[];
  readonly size: FargateSize;
  readonly logGroupName: string;
  readonly logsKmsKeyArn: string;
  readonly logRetentionDays: number;
  readonly minTasks: number;
  readonly maxTasks: number;
  readonly targetCpuPercent: number;
  /** An existing cluster; otherwise one with Container Insights is created as `cluster`. */
  readonly cluster?: { readonly arn: string; readonly name: string };
  /** A target group the service registers its tasks with. */
  readonly loadBalancer?: { readonly targetGroupArn: string; readonly containerPort: number; readonly healthCheckGracePeriodSeconds: number };
  /** Whether tasks get a role of their own for AWS calls (grant on it with the grant helpers). */
  readonly taskRole: boolean;
}

/** What a workload is made of; constructs expose these. */
export interface FargateWorkload {
  readonly cluster?: EcsCluster;
  readonly clusterArn: string;
  readonly clusterName: string;
  readonly logGroup: CloudwatchLogGroup;
  readonly executionRole: IamRole;
  readonly taskRole?: IamRole;
  readonly securityGroup: SecurityGroup;
  readonly taskDefinition: EcsTaskDefinition;
  readonly service: EcsService;
}

/**
 * The kit's one ECS Fargate workload: a task in private subnets without a
 * public IP, its one container running as a non-root user with a read-only
 * root filesystem, no privileges and every Linux capability dropped, logging
 * to a KMS-encrypted log group; an execution role that can pull only its
 * image and write only its log group; a security group with HTTPS egress and
 * no ingress (callers add it); a service spread across AZs with circuit-breaker
 * rollback and CPU target tracking.
 *
 * Resources are created directly in `scope` under fixed construct IDs
 * (`cluster`, `log-group`, `execution-role`, `execution-role-policy`,
 * `task-role`, `security-group`, `security-group-https-out`,
 * `task-definition`, `service`, `scaling-target`, `scaling-cpu`), so the
 * constructs built on it (Kong, FargateService) keep their Terraform addresses.
 */
export function fargateWorkload(scope: Construct, env: Environment, options: FargateWorkloadOptions): FargateWorkload {
  const { name } = options;
  const cluster = options.cluster ? undefined : new EcsCluster(scope, 'cluster', { name, setting: [{ name: 'containerInsights', value: 'enabled' }] });
  const clusterArn = options.cluster?.arn ?? cluster!.arn;
  const clusterName = options.cluster?.name ?? cluster!.name;

  const logGroup = new CloudwatchLogGroup(scope, 'log-group', { name: options.logGroupName, retentionInDays: options.logRetentionDays, kmsKeyId: options.logsKmsKeyArn });

  const executionRole = new IamRole(scope, 'execution-role', {
    name: `${name}-execution`,
    description: `Pulls the ${options.purpose} image and ships its logs; nothing else`,
    assumeRolePolicy: serviceTrustPolicy('ecs-tasks.amazonaws.com', env.accountId),
    permissionsBoundary: workloadBoundaryArn(env),
  });
  // The execution role's whole job is these three statements; one policy keeps it reviewable at a glance.
  const executionPolicy = new IamRolePolicy(scope, 'execution-role-policy', {
    role: executionRole.id,
    policy: policyJson([
      { Sid: 'EcrLogin', Effect: 'Allow', Action: ['ecr:GetAuthorizationToken'], Resource: '*' },
      { Sid: `Pull${sidWord(options.purpose)}Image`, Effect: 'Allow', Action: ['ecr:BatchCheckLayerAvailability', 'ecr:BatchGetImage', 'ecr:GetDownloadUrlForLayer'], Resource: options.repositoryArn },
      { Sid: 'ShipLogs', Effect: 'Allow', Action: ['logs:CreateLogStream', 'logs:PutLogEvents'], Resource: `${logGroup.arn}:log-stream:*` },
    ]),
  });
  suppress(executionPolicy, 'TF-LP-3', 'ecr:GetAuthorizationToken has no resource-level permissions; the token only opens repositories the role may pull from', { finding: 'Action::ecr:GetAuthorizationToken' });

  const taskRole = options.taskRole
    ? new IamRole(scope, 'task-role', {
        name: `${name}-task`,
        description: `AWS calls of the ${options.purpose} tasks; permissions come from grants`,
        assumeRolePolicy: serviceTrustPolicy('ecs-tasks.amazonaws.com', env.accountId),
        permissionsBoundary: workloadBoundaryArn(env),
      })
    : undefined;

  const securityGroup = workloadSecurityGroup(scope, {
    id: 'security-group',
    httpsOutId: 'security-group-https-out',
    name: `${name}-tasks`,
    description: options.securityGroupDescription,
    vpcId: options.vpcId,
    nameTag: `${scope.node.path}/tasks`,
    httpsOutDescription: options.egressDescription,
  });

  const c = options.container;
  // Key order is part of the task definition's content: a reorder is a new revision and a redeploy.
  const container = {
    name: c.name,
    image: c.image,
    essential: true,
    user: c.user,
    readonlyRootFilesystem: true,
    privileged: false,
    linuxParameters: { capabilities: { drop: ['ALL'] }, initProcessEnabled: true },
    ...(c.command ? { command: [...c.command] } : {}),
    portMappings: (c.portMappings ?? []).map((p) => ({ containerPort: p.containerPort, protocol: p.protocol })),
    environment: [...(c.environment ?? [])].sort((a, b) => a.name.localeCompare(b.name)).map((e) => ({ name: e.name, value: e.value })),
    mountPoints: c.mountPoints.map((m) => ({ sourceVolume: m.sourceVolume, containerPath: m.containerPath, readOnly: false })),
    ...(c.healthCheck ? { healthCheck: { ...c.healthCheck, command: [...c.healthCheck.command] } } : {}),
    logConfiguration: {
      logDriver: 'awslogs',
      options: { 'awslogs-group': logGroup.name, 'awslogs-region': env.region, 'awslogs-stream-prefix': c.logStreamPrefix },
    },
  };
  const taskDefinition = new EcsTaskDefinition(scope, 'task-definition', {
    family: name,
    requiresCompatibilities: ['FARGATE'],
    networkMode: 'awsvpc',
    cpu: String(options.size.cpu),
    memory: String(options.size.memoryMiB),
    executionRoleArn: executionRole.arn,
    ...(taskRole ? { taskRoleArn: taskRole.arn } : {}),
    runtimePlatform: { operatingSystemFamily: 'LINUX', cpuArchitecture: 'X86_64' },
    volume: options.volumes.map((v) => ({ name: v })),
    containerDefinitions: JSON.stringify([container]),
  });

  const lb = options.loadBalancer;
  const service = new EcsService(scope, 'service', {
    name,
    cluster: clusterArn,
    taskDefinition: taskDefinition.arn,
    launchType: 'FARGATE',
    platformVersion: '1.4.0',
    desiredCount: options.minTasks,
    // Fargate places tasks across the given subnets' AZs; rebalancing restores the spread after an AZ recovers.
    availabilityZoneRebalancing: 'ENABLED',
    networkConfiguration: { subnets: [...options.subnetIds], securityGroups: [securityGroup.id], assignPublicIp: false },
    ...(lb ? { loadBalancer: [{ targetGroupArn: lb.targetGroupArn, containerName: c.name, containerPort: lb.containerPort }], healthCheckGracePeriodSeconds: lb.healthCheckGracePeriodSeconds } : {}),
    deploymentMinimumHealthyPercent: 100,
    deploymentMaximumPercent: 200,
    deploymentCircuitBreaker: { enable: true, rollback: true },
    enableExecuteCommand: false,
    propagateTags: 'SERVICE',
    // The autoscaler owns the running count after creation.
    lifecycle: { ignoreChanges: ['desired_count'] },
  });

  const target = new AppautoscalingTarget(scope, 'scaling-target', {
    serviceNamespace: 'ecs',
    scalableDimension: 'ecs:service:DesiredCount',
    resourceId: `service/${clusterName}/${service.name}`,
    minCapacity: options.minTasks,
    maxCapacity: options.maxTasks,
  });
  new AppautoscalingPolicy(scope, 'scaling-cpu', {
    name: `${name}-cpu`,
    policyType: 'TargetTrackingScaling',
    serviceNamespace: target.serviceNamespace,
    scalableDimension: target.scalableDimension,
    resourceId: target.resourceId,
    targetTrackingScalingPolicyConfiguration: {
      targetValue: options.targetCpuPercent,
      predefinedMetricSpecification: { predefinedMetricType: 'ECSServiceAverageCPUUtilization' },
      scaleInCooldown: 300,
      scaleOutCooldown: 60,
    },
  });

  return { cluster, clusterArn, clusterName, logGroup, executionRole, taskRole, securityGroup, taskDefinition, service };
}

/** `data-tasks` → `DataTasks`: a policy statement ID may hold letters and digits only. */
function sidWord(text: string): string {
  return text
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean)
    .map((w) => w[0]!.toUpperCase() + w.slice(1))
    .join('');
}
