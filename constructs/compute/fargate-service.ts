import { allowEgressToGroup, checkRuleLabel } from './workload-security-group';
import { CloudwatchLogGroup, EcsCluster, EcsService, EcsTaskDefinition, IamRole, SecurityGroup, VpcSecurityGroupIngressRule } from '../../core/aws';
import { Construct, Token } from '../../core/cdktf';
import { environmentOf } from '../../core/environment-context';
import { describeConstruct, TenantformError } from '../../core/errors';
import { validateProps } from '../../core/validation';
import { FargateServicePropsSchema } from './fargate-service.schema';
import { fargateWorkload, FargateSize } from './fargate-workload';
import { checkLogRetention } from './log-retention';

/** An image in a private ECR repository of the kit (see `imageRepository`). */
export interface ContainerImage {
  /** ARN of the repository: the one the execution role may pull from. */
  readonly repositoryArn: string;
  /** `<account>.dkr.ecr.<region>.amazonaws.com/<name>`. */
  readonly repositoryUrl: string;
  /** An immutable tag or an `sha256:` digest. */
  readonly tag: string;
}

export interface FargateServiceProps {
  /** Short lowercase label, part of every name, e.g. `tasks`. */
  readonly serviceName: string;
  readonly vpcId: string;
  /** Private subnets, one per AZ; tasks never get a public IP. */
  readonly subnetIds: readonly string[];
  readonly image: ContainerImage;
  /** Customer-managed key for the log group. */
  readonly logsKmsKeyArn: string;
  /**
   * Port the container listens on, when something calls it (`admitFrom`).
   * @default - none (a worker that only calls out)
   */
  readonly containerPort?: number;
  /** @default - the image's command */
  readonly command?: readonly string[];
  /** Plain environment variables (no secrets: those go through grants and an SDK call). @default - none */
  readonly environment?: Readonly<Record<string, string>>;
  /**
   * `UID:GID` the container runs as; never root.
   * @default '1000:1000'
   */
  readonly user?: string;
  /**
   * Writable scratch directories (the root filesystem is read-only).
   * @default ['/tmp']
   */
  readonly scratchPaths?: readonly string[];
  /** @default { cpu: 512, memoryMiB: 1024 } */
  readonly size?: FargateSize;
  /**
   * Fewest running tasks. One task is allowed, but one failure then stops the service (the gate reports it, TF-RES-7).
   * @default 2
   */
  readonly minTasks?: number;
  /** @default - 4 x minTasks */
  readonly maxTasks?: number;
  /** Average CPU the autoscaler aims for, in percent. @default 60 */
  readonly targetCpuPercent?: number;
  /**
   * An existing ECS cluster.
   * @default - a cluster with Container Insights
   */
  readonly cluster?: { readonly arn: string; readonly name: string };
  /**
   * A target group to register tasks with (requires `containerPort`).
   * @default - none
   */
  readonly targetGroupArn?: string;
  /** @default 365 */
  readonly logRetentionDays?: number;
}

const SERVICE_NAME = /^[a-z][a-z0-9-]{0,23}$/;
const USER = /^[1-9][0-9]{0,9}(?::[0-9]{1,10})?$/;
const SCRATCH = /^\/[A-Za-z0-9._/-]{1,200}$/;

/**
 * A generic ECS Fargate service (long-running or background tasks) on the
 * kit's workload: private subnets without public IPs, a non-root container
 * with a read-only root filesystem and no capabilities, KMS-encrypted logs,
 * an execution role that can pull only its image, and a task role with no
 * permissions until granted (`grantQueueConsume(queue, service.taskRole)`).
 * Its security group has HTTPS egress and no ingress until `admitFrom`.
 */
export class FargateService extends Construct {
  public readonly cluster?: EcsCluster;
  public readonly taskDefinition: EcsTaskDefinition;
  public readonly service: EcsService;
  public readonly securityGroup: SecurityGroup;
  public readonly logGroup: CloudwatchLogGroup;
  public readonly executionRole: IamRole;
  /** The tasks' own role; give it permissions with the grant helpers. */
  public readonly taskRole: IamRole;
  private readonly containerPort?: number;
  private readonly where: string;

  constructor(scope: Construct, id: string, props: FargateServiceProps) {
    super(scope, id);
    this.where = describeConstruct('FargateService', this.node);
    validateProps(FargateServicePropsSchema, props, this.where);
    const env = environmentOf(this, 'FargateService');
    if (!SERVICE_NAME.test(props.serviceName)) {
      throw new TenantformError({ code: 'TF-FN-010', where: this.where, problem: 'serviceName must be a lowercase label of 1-24 letters, digits and hyphens, starting with a letter.', value: props.serviceName, fix: 'use e.g. "tasks".' });
    }
    const minTasks = props.minTasks ?? 2;
    const maxTasks = props.maxTasks ?? minTasks * 4;
    const targetCpu = props.targetCpuPercent ?? 60;
    if (!Number.isInteger(minTasks) || minTasks < 1 || !Number.isInteger(maxTasks) || maxTasks < minTasks || maxTasks > 100 || !(targetCpu >= 10 && targetCpu <= 90)) {
      throw new TenantformError({ code: 'TF-FN-011', where: this.where, problem: 'task counts need 1 <= minTasks <= maxTasks <= 100 and a CPU target from 10 to 90 percent.', value: { minTasks, maxTasks, targetCpuPercent: targetCpu }, fix: 'e.g. minTasks 1, maxTasks 4, targetCpuPercent 60.' });
    }
    if (props.subnetIds.length === 0) {
      throw new TenantformError({ code: 'TF-FN-012', where: this.where, problem: 'a Fargate service needs at least one private subnet.', value: props.subnetIds, fix: 'pass the VPC\'s private subnet IDs, one per AZ.' });
    }
    const user = props.user ?? '1000:1000';
    if (!USER.test(user)) {
      throw new TenantformError({ code: 'TF-FN-013', where: this.where, problem: 'user must be a numeric non-root UID (optionally :GID); a name cannot be checked against root.', value: user, fix: 'use e.g. "1000:1000".' });
    }
    const port = props.containerPort;
    if (port !== undefined && (!Number.isInteger(port) || port < 1024 || port > 65535)) {
      throw new TenantformError({ code: 'TF-FN-014', where: this.where, problem: 'containerPort must be an unprivileged port (1024-65535): the container does not run as root.', value: port, fix: 'listen on e.g. 8080.' });
    }
    if (props.targetGroupArn !== undefined && port === undefined) {
      throw new TenantformError({ code: 'TF-FN-014', where: this.where, problem: 'a target group needs the containerPort its tasks listen on.', value: props.targetGroupArn, fix: 'set containerPort.' });
    }
    const scratch = props.scratchPaths ?? ['/tmp'];
    for (const path of scratch) {
      if (!SCRATCH.test(path) || path.split('/').includes('..')) {
        throw new TenantformError({ code: 'TF-FN-015', where: this.where, problem: 'a scratch path must be an absolute directory path without "..".', value: path, fix: 'use e.g. "/tmp".' });
      }
    }
    if (!Token.isUnresolved(props.image.tag) && !/^(?:[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}|sha256:[a-f0-9]{64})$/.test(props.image.tag)) {
      throw new TenantformError({ code: 'TF-FN-016', where: this.where, problem: 'an image tag must be an ECR tag or an sha256 digest.', value: props.image.tag, fix: 'use e.g. "1.4.2" or "sha256:<64 hex digits>".' });
    }
    const name = `tf-${env.name}-${props.serviceName}`;
    const image = props.image.tag.startsWith('sha256:') ? `${props.image.repositoryUrl}@${props.image.tag}` : `${props.image.repositoryUrl}:${props.image.tag}`;
    const volumes = scratch.map((_, i) => `scratch-${i}`);

    const workload = fargateWorkload(this, env, {
      name,
      purpose: props.serviceName,
      vpcId: props.vpcId,
      subnetIds: props.subnetIds,
      securityGroupDescription: `${name} tasks: no ingress unless admitted`,
      egressDescription: 'HTTPS to AWS APIs (ECR, CloudWatch Logs, ...) through NAT or endpoints',
      repositoryArn: props.image.repositoryArn,
      container: {
        name: props.serviceName,
        image,
        user,
        portMappings: port !== undefined ? [{ containerPort: port, protocol: 'tcp' }] : [],
        environment: Object.entries(props.environment ?? {}).map(([key, value]) => ({ name: key, value })),
        command: props.command,
        mountPoints: scratch.map((containerPath, i) => ({ sourceVolume: volumes[i]!, containerPath, readOnly: false as const })),
        logStreamPrefix: props.serviceName,
      },
      volumes,
      size: props.size ?? { cpu: 512, memoryMiB: 1024 },
      logGroupName: `/tenantform/${env.name}/${props.serviceName}`,
      logsKmsKeyArn: props.logsKmsKeyArn,
      logRetentionDays: checkLogRetention(props.logRetentionDays ?? 365, this.where),
      minTasks,
      maxTasks,
      targetCpuPercent: targetCpu,
      cluster: props.cluster,
      loadBalancer: props.targetGroupArn !== undefined ? { targetGroupArn: props.targetGroupArn, containerPort: port!, healthCheckGracePeriodSeconds: 60 } : undefined,
      taskRole: true,
    });
    this.cluster = workload.cluster;
    this.taskDefinition = workload.taskDefinition;
    this.service = workload.service;
    this.securityGroup = workload.securityGroup;
    this.logGroup = workload.logGroup;
    this.executionRole = workload.executionRole;
    this.taskRole = workload.taskRole!;
    this.containerPort = port;
  }

  /** Lets one security group (a load balancer's, say) reach the container port; the only way in. */
  public admitFrom(label: string, sourceSecurityGroupId: string): void {
    checkRuleLabel(label, this.where);
    if (this.containerPort === undefined) {
      throw new TenantformError({ code: 'TF-FN-014', where: this.where, problem: 'a service without containerPort takes no ingress.', value: label, fix: 'set containerPort first.' });
    }
    new VpcSecurityGroupIngressRule(this, `security-group-from-${label}`, {
      securityGroupId: this.securityGroup.id,
      description: `Container port from ${label}`,
      ipProtocol: 'tcp',
      fromPort: this.containerPort,
      toPort: this.containerPort,
      referencedSecurityGroupId: sourceSecurityGroupId,
    });
  }

  /** Lets the tasks reach one security group on one port (a database, say), beyond HTTPS. */
  public allowEgressTo(label: string, destinationSecurityGroupId: string, port: number): void {
    allowEgressToGroup(this, this.where, { id: `security-group-to-${label}`, securityGroupId: this.securityGroup.id, label, description: `Port ${port} to ${label}`, destinationSecurityGroupId, port });
  }
}

