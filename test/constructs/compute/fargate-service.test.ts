import { FargateService, FargateServiceProps } from '../../../constructs/compute/fargate-service';
import { imageRepository } from '../../../constructs/compute/image-repository';
import { grantQueueConsume } from '../../../constructs/iam/grants';
import { SqsQueue } from '../../../core/aws';
import { buildIn, gateProblemsOf } from '../../support/construct-fixtures';
import { errorCode, ref, resourceAt } from '../../support/platform-fixtures';

const KEY = 'arn:aws:kms:eu-west-1:222222222222:key/logs';

function service(overrides: Partial<FargateServiceProps> = {}, more?: (s: FargateService) => void) {
  return buildIn((stack) => {
    const repo = imageRepository(stack, { name: 'data/tasks', kmsKeyArn: KEY });
    const s = new FargateService(stack, 'tasks', {
      serviceName: 'tasks',
      vpcId: 'vpc-1',
      subnetIds: ['subnet-a', 'subnet-b'],
      image: { repositoryArn: repo.arn, repositoryUrl: repo.repositoryUrl, tag: '1.0.0' },
      logsKmsKeyArn: KEY,
      environment: { MODE: 'worker' },
      ...overrides,
    });
    more?.(s);
    return s;
  });
}

describe('FargateService', () => {
  const { json, stack } = service({}, (s) => {
    const queue = new SqsQueue(s, 'queue', { name: 'q', kmsMasterKeyId: KEY });
    grantQueueConsume(queue, s.taskRole);
  });
  const containers = JSON.parse(resourceAt(json, 'aws_ecs_task_definition', 'tasks/task-definition').container_definitions as string);

  it('runs in private subnets without a public IP, behind a circuit breaker', () => {
    expect(resourceAt(json, 'aws_ecs_service', 'tasks/service')).toMatchObject({
      launch_type: 'FARGATE',
      network_configuration: { subnets: ['subnet-a', 'subnet-b'], assign_public_ip: false },
      deployment_circuit_breaker: { enable: true, rollback: true },
      enable_execute_command: false,
    });
  });

  it('one non-root container, read-only root filesystem, no capabilities, scratch /tmp, logs under KMS', () => {
    expect(containers).toHaveLength(1);
    expect(containers[0]).toMatchObject({ user: '1000:1000', readonlyRootFilesystem: true, privileged: false, linuxParameters: { capabilities: { drop: ['ALL'] } }, mountPoints: [{ sourceVolume: 'scratch-0', containerPath: '/tmp', readOnly: false }], environment: [{ name: 'MODE', value: 'worker' }] });
    expect(containers[0].logConfiguration.logDriver).toBe('awslogs');
    expect(resourceAt(json, 'aws_cloudwatch_log_group', 'tasks/log-group')).toMatchObject({ kms_key_id: KEY, retention_in_days: 365 });
  });

  it('execution role pulls only its image; the task role holds only what was granted', () => {
    const exec = JSON.parse(resourceAt(json, 'aws_iam_role_policy', 'tasks/execution-role-policy').policy as string);
    expect(exec.Statement[1]).toMatchObject({ Sid: 'PullTasksImage', Resource: ref('aws_ecr_repository', resourceAt(json, 'aws_ecr_repository', 'repository').key, 'arn') });
    const task = resourceAt(json, 'aws_iam_role', 'tasks/task-role');
    expect(resourceAt(json, 'aws_ecs_task_definition', 'tasks/task-definition').task_role_arn).toBe(ref('aws_iam_role', task.key, 'arn'));
    expect(JSON.parse(resourceAt(json, 'aws_iam_role_policy', 'tasks/task-role/grant-sqs-consume-queue').policy as string).Statement[0].Action).toContain('sqs:ReceiveMessage');
  });

  it('has no ingress until admitted, and then only from the named security group on its port', () => {
    expect(json.resource?.aws_vpc_security_group_ingress_rule).toBeUndefined();
    const admitted = service({ containerPort: 8080 }, (s) => {
      s.admitFrom('alb', 'sg-alb');
      s.allowEgressTo('metadata-db', 'sg-db', 5432);
    }).json;
    expect(resourceAt(admitted, 'aws_vpc_security_group_ingress_rule', 'tasks/security-group-from-alb')).toMatchObject({ from_port: 8080, to_port: 8080, referenced_security_group_id: 'sg-alb' });
    expect(resourceAt(admitted, 'aws_vpc_security_group_egress_rule', 'tasks/security-group-to-metadata-db')).toMatchObject({ from_port: 5432, referenced_security_group_id: 'sg-db' });
  });

  it('passes the gate', () => {
    expect(gateProblemsOf(stack)).toEqual([]);
  });

  it('rejects bad names, counts, users, ports, paths and tags with their codes', () => {
    expect(errorCode(() => service({ serviceName: 'Tasks' }))).toBe('TF-FN-010');
    expect(errorCode(() => service({ minTasks: 3, maxTasks: 2 }))).toBe('TF-FN-011');
    expect(errorCode(() => service({ subnetIds: [] }))).toBe('TF-FN-012');
    expect(errorCode(() => service({ user: '0' }))).toBe('TF-FN-013');
    expect(errorCode(() => service({ user: 'root' }))).toBe('TF-FN-013');
    expect(errorCode(() => service({ containerPort: 80 }))).toBe('TF-FN-014');
    expect(errorCode(() => service({ targetGroupArn: 'arn:aws:elasticloadbalancing:eu-west-1:222222222222:targetgroup/x/1' }))).toBe('TF-FN-014');
    expect(errorCode(() => service({ scratchPaths: ['tmp'] }))).toBe('TF-FN-015');
    expect(errorCode(() => service({ image: { repositoryArn: 'arn:aws:ecr:eu-west-1:222222222222:repository/x', repositoryUrl: 'x', tag: 'a b' } }))).toBe('TF-FN-016');
    expect(errorCode(() => service({}, (s) => s.allowEgressTo('Bad Label', 'sg-1', 5432)))).toBe('TF-FN-017');
    expect(errorCode(() => service({}, (s) => s.allowEgressTo('db', 'sg-1', 0)))).toBe('TF-FN-017');
  });
});
