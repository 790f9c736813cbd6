/**
 * Walks the request path of every tenant of every engine through the
 * synthesized Terraform JSON, across stacks, the way a request travels:
 * CloudFront → API Gateway custom domain → REST API integration → VPC link →
 * internal NLB → Kong → the tenant's ALB → host-header listener rule →
 * target group → the tenant's host. Managed engines have no HTTP route by
 * design: the walk asserts that none exists and that the client security
 * group is the only way in. Any dangling hop fails.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { App } from '../../core/cdktf';
import { TenantIntent } from '../../constructs/tenancy/tenants-file';
import { TenantFleet } from '../../stacks/tenant-fleet';
import { DEV } from '../support/synth';

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

/** Each environment pulls the database image from its own account's registry. */
const imageOf = (accountId: string) => ({ 'ec2-ebs': { image: `${accountId}.dkr.ecr.eu-west-1.amazonaws.com/aito/database:1.4.2` } });

const TENANTS: TenantIntent[] = [
  { id: 'acme', tier: 'premium' },
  { id: 'globex', tier: 'standard' },
  { id: 'hooli', tier: 'free' },
  { id: 'initech', tier: 'standard', engine: 'rds-postgres' },
  { id: 'umbrella', tier: 'premium', engine: 'aurora-postgres-serverless-v2' },
];
const DOMAIN = 'dev.example.app';

/** The synthesized stacks by name, with a resolver for `${…}` references that follows cdktf's cross-stack outputs. */
class SynthesizedApp {
  constructor(private readonly stacks: ReadonlyMap<string, Json>) {}

  stack(name: string): Json {
    const s = this.stacks.get(name);
    if (s === undefined) throw new Error(`no stack ${name}`);
    return s;
  }

  /** The resource a reference names, as [stack, type, name, attribute]; cross-stack outputs are followed to their producer. */
  target(stackName: string, ref: unknown): { stack: string; type: string; name: string; attribute: string; body: Json } {
    if (typeof ref !== 'string') throw new Error(`dangling hop: ${JSON.stringify(ref)} is not a reference`);
    const m = /^\$\{([^}]+)\}$/.exec(ref);
    if (!m) throw new Error(`dangling hop: ${ref} is not a reference`);
    const parts = m[1]!.split('.');
    if (parts[0] === 'data' && parts[1] === 'terraform_remote_state') {
      const remote = this.stack(stackName).data.terraform_remote_state[parts[2]!];
      const producer = [...this.stacks.keys()].find((n) => (remote.config.path ?? remote.config.key ?? '').includes(n));
      if (producer === undefined) throw new Error(`dangling hop: remote state ${parts[2]} names no stack of the app`);
      const output = this.stack(producer).output?.[parts[4]!];
      if (output === undefined) throw new Error(`dangling hop: ${producer} has no output ${parts[4]}`);
      return this.target(producer, output.value);
    }
    const [type, name, attribute] = parts as [string, string, string];
    const body = this.stack(stackName).resource?.[type]?.[name];
    if (body === undefined) throw new Error(`dangling hop: ${stackName} has no ${type}.${name}`);
    return { stack: stackName, type, name, attribute, body };
  }
}

function synthesize(): SynthesizedApp {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tenantform-route-walk-'));
  try {
    const app = new App({ outdir: path.join(dir, 'out') });
    new TenantFleet(app, {
      tenants: TENANTS,
      lockFile: path.join(dir, 'tenants.lock.json'),
      lockMode: 'write',
      environments: [{ environment: { ...DEV, additionalRegions: ['us-east-1'] }, vpc: { cidrBlock: '10.20.0.0/16' }, domain: DOMAIN, engines: imageOf(DEV.accountId) }],
    });
    app.synth();
    const stacksDir = path.join(dir, 'out', 'stacks');
    return new SynthesizedApp(new Map(fs.readdirSync(stacksDir).map((n) => [n, JSON.parse(fs.readFileSync(path.join(stacksDir, n, 'cdk.tf.json'), 'utf8')) as Json])));
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

const synthesized = synthesize();
const platform = synthesized.stack('dev-platform');
const only = (byName: Json | undefined): [string, Json] => {
  const entries = Object.entries(byName ?? {});
  expect(entries).toHaveLength(1);
  return entries[0]!;
};

/** Kong's declarative configuration, as the task receives it. */
function kongConfig(): Json {
  const [, task] = only(platform.resource.aws_ecs_task_definition);
  const env = (JSON.parse(task.container_definitions as string) as Json[])[0]!.environment as { name: string; value: string }[];
  return JSON.parse(env.find((e) => e.name === 'KONG_DECLARATIVE_CONFIG_STRING')!.value) as Json;
}

describe('route walk: every tenant of every engine', () => {
  test('the edge reaches Kong: CloudFront → custom domain → REST API → VPC link → NLB → Kong service', () => {
    const [, distribution] = only(platform.resource.aws_cloudfront_distribution);
    expect(distribution.aliases).toContain(`*.${DOMAIN}`);
    const domain = synthesized.target('dev-platform', distribution.origin[0].domain_name);
    expect(domain.type).toBe('aws_api_gateway_domain_name');
    const [, mapping] = only(platform.resource.aws_api_gateway_base_path_mapping);
    expect(synthesized.target('dev-platform', mapping.domain_name).name).toBe(domain.name);
    const api = synthesized.target('dev-platform', mapping.api_id);
    const integrations = Object.values(platform.resource.aws_api_gateway_integration as Json);
    expect(integrations.length).toBeGreaterThan(0);
    for (const integration of integrations) {
      expect(synthesized.target('dev-platform', integration.rest_api_id).name).toBe(api.name);
      expect(integration.connection_type).toBe('VPC_LINK');
      // The client's host survives API Gateway's rewrite in the header Kong routes on.
      expect(integration.request_parameters['integration.request.header.X-Tenantform-Host']).toBe('method.request.header.Host');
      const link = synthesized.target('dev-platform', integration.connection_id);
      expect(link.type).toBe('aws_api_gateway_vpc_link');
      const nlb = synthesized.target('dev-platform', link.body.target_arns[0]);
      const listener = Object.values(platform.resource.aws_lb_listener as Json).find((l) => synthesized.target('dev-platform', l.load_balancer_arn).name === nlb.name);
      const kongTargetGroup = synthesized.target('dev-platform', listener.default_action[0].target_group_arn);
      const [, service] = only(platform.resource.aws_ecs_service);
      expect(synthesized.target('dev-platform', service.load_balancer[0].target_group_arn).name).toBe(kongTargetGroup.name);
    }
  });

  test.each(TENANTS.filter((t) => (t.engine ?? 'ec2-ebs') === 'ec2-ebs').map((t) => t.id))('%s (ec2-ebs): Kong route → its ALB → listener rule → target group → its host', (id) => {
    const host = `${id}.${DOMAIN}`;
    const services = kongConfig().services as Json[];
    const routed = services.filter((s) => (s.routes as Json[]).some((r) => (r.headers['x-tenantform-host'] as string[]).includes(host)));
    expect(routed).toHaveLength(1);
    const alb = synthesized.target('dev-platform', routed[0]!.host);
    expect(alb.type).toBe('aws_lb');

    const tenant = synthesized.stack(`dev-tenant-${id}`);
    const [, rule] = only(tenant.resource.aws_lb_listener_rule);
    expect(rule.condition[0].host_header.values).toEqual([host]);
    const listener = synthesized.target(`dev-tenant-${id}`, rule.listener_arn);
    expect(listener.stack).toBe('dev-platform');
    expect(synthesized.target('dev-platform', listener.body.load_balancer_arn).name).toBe(alb.name);
    const targetGroup = synthesized.target(`dev-tenant-${id}`, rule.action[0].target_group_arn);
    const [, attachment] = only(tenant.resource.aws_lb_target_group_attachment);
    expect(synthesized.target(`dev-tenant-${id}`, attachment.target_group_arn).name).toBe(targetGroup.name);
    expect(synthesized.target(`dev-tenant-${id}`, attachment.target_id).type).toBe('aws_instance');
  });

  test.each(TENANTS.filter((t) => t.engine !== undefined && t.engine !== 'ec2-ebs').map((t) => [t.id, t.engine]))('%s (%s): no HTTP route by design; only its client group reaches the database', (id) => {
    const host = `${id}.${DOMAIN}`;
    expect(JSON.stringify(kongConfig())).not.toContain(host);
    const tenant = synthesized.stack(`dev-tenant-${id}`);
    expect(tenant.resource.aws_lb_listener_rule).toBeUndefined();
    const [, ingress] = only(tenant.resource.aws_vpc_security_group_ingress_rule);
    const source = synthesized.target(`dev-tenant-${id}`, ingress.referenced_security_group_id);
    expect(source.name).toContain('client-security-group');
    expect(tenant.output.client_security_group_id.value).toBe(`\${aws_security_group.${source.name}.id}`);
  });
});
