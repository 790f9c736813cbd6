import { CloudwatchLogGroup, EcrRepository, EcsCluster, EcsService, EcsTaskDefinition, LbTargetGroup, SecurityGroup, VpcSecurityGroupIngressRule } from '../../../core/aws';
import { fargateWorkload, FargateSize } from '../../compute/fargate-workload';
import { imageRepository } from '../../compute/image-repository';
import { validateProps } from '../../../core/validation';
import { KongServicePropsSchema } from './kong-service.schema';
import { Construct } from '../../../core/cdktf';
import { environmentOf } from '../../../core/environment-context';
import { describeConstruct, TenantformError } from '../../../core/errors';

/** Kong's proxy port (plain HTTP inside the VPC; TLS ends at the NLB) and its status port for health checks. */
export const KONG_PROXY_PORT = 8000;
export const KONG_STATUS_PORT = 8100;
/** UID:GID of the `kong` user in the official image. */
export const KONG_USER = '1000:1000';

export type { FargateSize };

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

    this.repository = imageRepository(this, { name: `tenantform/${env.name}/kong`, kmsKeyArn: props.imageKmsKeyArn });

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

    const workload = fargateWorkload(this, env, {
      name,
      purpose: 'Kong',
      vpcId: props.vpcId,
      subnetIds: props.subnetIds,
      securityGroupDescription: 'Kong tasks: proxy and status ports from the routing NLB only',
      egressDescription: 'HTTPS to the ALB pool and to AWS APIs (ECR, CloudWatch Logs) through NAT or endpoints',
      repositoryArn: this.repository.arn,
      container: {
        name: 'kong',
        image: `${this.repository.repositoryUrl}:${props.imageTag ?? '3.9.1'}`,
        user: KONG_USER,
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
        }).map(([key, value]) => ({ name: key, value })),
        // The root filesystem is read-only; nginx needs a writable prefix and temp directory.
        mountPoints: [
          { sourceVolume: 'kong-prefix', containerPath: '/var/run/kong', readOnly: false },
          { sourceVolume: 'tmp', containerPath: '/tmp', readOnly: false },
        ],
        healthCheck: { command: ['CMD', 'kong', 'health'], interval: 15, timeout: 5, retries: 3, startPeriod: 30 },
        logStreamPrefix: 'kong',
      },
      volumes: ['kong-prefix', 'tmp'],
      size,
      logGroupName: `/tenantform/${env.name}/kong`,
      logsKmsKeyArn: props.logsKmsKeyArn,
      logRetentionDays: props.logRetentionDays ?? 365,
      minTasks,
      maxTasks,
      targetCpuPercent: targetCpu,
      loadBalancer: { targetGroupArn: this.targetGroup.arn, containerPort: KONG_PROXY_PORT, healthCheckGracePeriodSeconds: 60 },
      taskRole: false,
    });
    this.cluster = workload.cluster!;
    this.logGroup = workload.logGroup;
    this.securityGroup = workload.securityGroup;
    this.taskDefinition = workload.taskDefinition;
    this.service = workload.service;
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
