import { defaultPlatformJson, errorCode, platformStack, ref, resourceAt } from '../../../support/platform-fixtures';
import { resourcesOf, synthJson } from '../../../support/synth';

type Container = Record<string, unknown> & { environment: { name: string; value: string }[] };

describe('RoutingTier (kong)', () => {
  const json = defaultPlatformJson();
  const container = (): Container => JSON.parse(resourceAt(json, 'aws_ecs_task_definition', 'routing/kong/task-definition').container_definitions as string)[0];

  it('internal NLB with a TLS 1.2+ listener forwarding to Kong', () => {
    const nlb = resourceAt(json, 'aws_lb', 'routing/nlb/nlb');
    expect(nlb).toMatchObject({
      load_balancer_type: 'network',
      internal: true,
      enforce_security_group_inbound_rules_on_private_link_traffic: 'off',
      enable_cross_zone_load_balancing: true,
      enable_deletion_protection: true,
    });
    expect(nlb.access_logs).toMatchObject({ prefix: 'nlb', enabled: true });
    const tg = resourceAt(json, 'aws_lb_target_group', 'routing/kong/target-group');
    expect(resourceAt(json, 'aws_lb_listener', 'routing/nlb/tls')).toMatchObject({
      port: 443,
      protocol: 'TLS',
      ssl_policy: 'ELBSecurityPolicy-TLS13-1-2-2021-06',
      default_action: [{ type: 'forward', target_group_arn: ref('aws_lb_target_group', tg.key, 'arn') }],
    });
    expect(tg).toMatchObject({ target_type: 'ip', protocol: 'TCP', port: 8000, preserve_client_ip: 'false' });
    expect(tg.health_check).toMatchObject({ protocol: 'HTTP', port: '8100', path: '/status/ready', matcher: '200' });
  });

  it('ECR: immutable tags, scan on push, KMS with the data key', () => {
    expect(resourceAt(json, 'aws_ecr_repository', 'routing/kong/repository')).toMatchObject({
      name: 'tenantform/prod/kong',
      image_tag_mutability: 'IMMUTABLE',
      image_scanning_configuration: { scan_on_push: true },
      encryption_configuration: [{ encryption_type: 'KMS', kms_key: ref('aws_kms_key', resourceAt(json, 'aws_kms_key', 'keys/data').key, 'arn') }],
    });
  });

  it('cluster has Container Insights; log group is KMS-encrypted', () => {
    expect(resourceAt(json, 'aws_ecs_cluster', 'routing/kong/cluster').setting).toEqual([{ name: 'containerInsights', value: 'enabled' }]);
    expect(resourceAt(json, 'aws_cloudwatch_log_group', 'routing/kong/log-group')).toMatchObject({
      name: '/tenantform/prod/kong',
      retention_in_days: 365,
      kms_key_id: ref('aws_kms_key', resourceAt(json, 'aws_kms_key', 'keys/logs').key, 'arn'),
    });
  });

  it('task: read-only root, non-root user, no capabilities, awslogs, DB-less config in the environment', () => {
    const c = container();
    expect(c).toMatchObject({ user: '1000:1000', readonlyRootFilesystem: true, privileged: false, linuxParameters: { capabilities: { drop: ['ALL'] }, initProcessEnabled: true } });
    expect(c.logConfiguration).toEqual({
      logDriver: 'awslogs',
      options: { 'awslogs-group': ref('aws_cloudwatch_log_group', resourceAt(json, 'aws_cloudwatch_log_group', 'routing/kong/log-group').key, 'name'), 'awslogs-region': 'eu-west-1', 'awslogs-stream-prefix': 'kong' },
    });
    const env = Object.fromEntries(c.environment.map((e) => [e.name, e.value]));
    expect(env).toMatchObject({ KONG_DATABASE: 'off', KONG_ADMIN_LISTEN: 'off', KONG_PROXY_LISTEN: '0.0.0.0:8000', KONG_STATUS_LISTEN: '0.0.0.0:8100', KONG_PLUGINS: 'request-transformer' });
    const config = JSON.parse(env.KONG_DECLARATIVE_CONFIG_STRING!);
    expect(config._format_version).toBe('3.0');
    expect(config.services.map((s: { host: string }) => s.host)).toEqual([0, 1].map((i) => ref('aws_lb', resourceAt(json, 'aws_lb', `alb-pool/alb-${i}`).key, 'dns_name')));
    expect(resourceAt(json, 'aws_ecs_task_definition', 'routing/kong/task-definition')).toMatchObject({ requires_compatibilities: ['FARGATE'], network_mode: 'awsvpc', cpu: '512', memory: '1024' });
  });

  it('service: private subnets, no public IP, circuit breaker, AZ rebalancing; autoscaling on CPU', () => {
    const service = resourceAt(json, 'aws_ecs_service', 'routing/kong/service');
    expect(service).toMatchObject({
      launch_type: 'FARGATE',
      desired_count: 3,
      availability_zone_rebalancing: 'ENABLED',
      deployment_circuit_breaker: { enable: true, rollback: true },
      enable_execute_command: false,
      health_check_grace_period_seconds: 60,
    });
    expect((service.network_configuration as { assign_public_ip: boolean; subnets: string[] }).assign_public_ip).toBe(false);
    expect((service.network_configuration as { subnets: string[] }).subnets).toHaveLength(3);
    expect(resourceAt(json, 'aws_appautoscaling_target', 'routing/kong/scaling-target')).toMatchObject({ min_capacity: 3, max_capacity: 12, scalable_dimension: 'ecs:service:DesiredCount' });
    expect(resourceAt(json, 'aws_appautoscaling_policy', 'routing/kong/scaling-cpu').target_tracking_scaling_policy_configuration).toMatchObject({
      target_value: 60,
      predefined_metric_specification: { predefined_metric_type: 'ECSServiceAverageCPUUtilization' },
    });
  });

  it('execution role: concrete ARNs except the ECR login, which is suppressed with a reason', () => {
    const policy = resourceAt(json, 'aws_iam_role_policy', 'routing/kong/execution-role-policy');
    const statements = JSON.parse(policy.policy as string).Statement as { Sid: string; Action: string[]; Resource: string }[];
    const repo = resourceAt(json, 'aws_ecr_repository', 'routing/kong/repository');
    const logs = resourceAt(json, 'aws_cloudwatch_log_group', 'routing/kong/log-group');
    expect(statements.map((s) => [s.Sid, s.Resource])).toEqual([
      ['EcrLogin', '*'],
      ['PullKongImage', ref('aws_ecr_repository', repo.key, 'arn')],
      ['ShipLogs', `${ref('aws_cloudwatch_log_group', logs.key, 'arn')}:log-stream:*`],
    ]);
    expect((policy['//'] as { tenantform: { suppressions: unknown[] } }).tenantform.suppressions).toEqual([
      expect.objectContaining({ ruleId: 'TF-LP-3', finding: 'Action::ecr:GetAuthorizationToken' }),
    ]);
    expect(statements.flatMap((s) => s.Action).filter((a) => a.includes('*'))).toEqual([]);
  });

  it('TF-PLT-017: fewer than two Kong tasks', () => {
    expect(errorCode(() => platformStack({ kong: { minTasks: 1 } }))).toBe('TF-PLT-017');
    expect(errorCode(() => platformStack({ kong: { minTasks: 4, maxTasks: 3 } }))).toBe('TF-PLT-017');
  });

  it('TF-PLT-009: NLB client CIDRs are validated; valid ones become the only NLB ingress', () => {
    expect(errorCode(() => platformStack({ nlbClientCidrs: ['0.0.0.0/0'] }))).toBe('TF-PLT-009');
    const withPeer = synthJson(platformStack({ nlbClientCidrs: ['10.30.0.0/16'] }));
    const nlbSg = ref('aws_security_group', resourceAt(withPeer, 'aws_security_group', 'routing/nlb/security-group').key);
    const rules = Object.values(resourcesOf(withPeer, 'aws_vpc_security_group_ingress_rule')).filter((r) => r.security_group_id === nlbSg);
    expect(rules.map((r) => [r.cidr_ipv4, r.from_port, r.to_port])).toEqual([['10.30.0.0/16', 443, 443]]);
  });

  it('TF-PLT-006 / TF-PLT-005: placements are checked against the pool', () => {
    expect(errorCode(() => platformStack({ rulesPerAlb: 1 }))).toBe('TF-PLT-006');
    expect(errorCode(() => platformStack({ placements: [{ id: 'acme', alb: 5, priority: 1 }] }))).toBe('TF-PLT-005');
  });
});

describe('RoutingTier (nlb-to-alb)', () => {
  const json = synthJson(platformStack({ routingTier: 'nlb-to-alb', placements: [{ id: 'acme', alb: 0, priority: 1 }] }));

  it('registers the single ALB as the NLB target behind a suppressed TCP pass-through listener; no Kong', () => {
    expect(resourcesOf(json, 'aws_ecs_service')).toEqual({});
    const tg = resourceAt(json, 'aws_lb_target_group', 'routing/alb-target-group');
    expect(tg).toMatchObject({ target_type: 'alb', protocol: 'TCP', port: 443 });
    expect(resourceAt(json, 'aws_lb_target_group_attachment', 'routing/alb-target').target_id).toBe(ref('aws_lb', resourceAt(json, 'aws_lb', 'alb-pool/alb-0').key, 'arn'));
    const listener = resourceAt(json, 'aws_lb_listener', 'routing/nlb/tcp');
    expect(listener).toMatchObject({ protocol: 'TCP', port: 443 });
    expect((listener['//'] as { tenantform: { suppressions: { ruleId: string }[] } }).tenantform.suppressions.map((s) => s.ruleId)).toEqual(['TF-ENC-14']);
  });

  it('the ALB admits the NLB security group only', () => {
    const albSg = ref('aws_security_group', resourceAt(json, 'aws_security_group', 'alb-pool/security-group-0').key);
    const nlbSg = ref('aws_security_group', resourceAt(json, 'aws_security_group', 'routing/nlb/security-group').key);
    const rules = Object.values(resourcesOf(json, 'aws_vpc_security_group_ingress_rule')).filter((r) => r.security_group_id === albSg);
    expect(rules.map((r) => [r.referenced_security_group_id, r.from_port])).toEqual([[nlbSg, 443]]);
  });

  it('TF-PLT-013: more than one ALB', () => {
    expect(errorCode(() => platformStack({ routingTier: 'nlb-to-alb', albCount: 2, placements: [] }))).toBe('TF-PLT-013');
    expect(errorCode(() => platformStack({ routingTier: 'envoy' as never, placements: [] }))).toBe('TF-PLT-013');
  });
});
