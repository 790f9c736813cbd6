import fc from 'fast-check';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { Placement } from '../../constructs/platform-refs';
import { placeTenants } from '../../constructs/tenancy/placement';
import { commitTenantLock, planTenantLock } from '../../constructs/tenancy/lock-file';
import { needsAlbSlot, TenantIntent } from '../../constructs/tenancy/tenants-file';
import { TenantDatabaseStack, TenantDatabaseStackProps } from '../../stacks/tenant-database-stack';
import { tenantStacks } from '../../stacks/tenant-fleet';
import { DEV, newApp, PROD, resourcesOf, synthJson, TerraformJson } from '../support/synth';
import { IMAGE, PLATFORM, platformIn } from '../support/tenancy-fixtures';

type R = Record<string, unknown>;

function stack(tenant: TenantIntent, placement: Placement | undefined = needsAlbSlot(tenant) ? { id: tenant.id, alb: 1, priority: 4 } : undefined, extra: Partial<TenantDatabaseStackProps> = {}): TenantDatabaseStack {
  return new TenantDatabaseStack(newApp(), {
    environment: PROD,
    tenant,
    ...(placement !== undefined ? { placement } : {}),
    platform: PLATFORM,
    database: tenant.engine === undefined || tenant.engine === 'ec2-ebs' ? { image: IMAGE } : undefined,
    ...extra,
  });
}

function only(json: TerraformJson, type: string): R {
  const all = Object.values(resourcesOf(json, type));
  expect(all).toHaveLength(1);
  return all[0]!;
}

/** Every resource and data-source address of a stack, sorted. */
function addresses(json: TerraformJson): string[] {
  const data = (json as { data?: Record<string, Record<string, unknown>> }).data ?? {};
  return [
    ...Object.entries(json.resource ?? {}).flatMap(([type, byName]) => Object.keys(byName).map((n) => `${type}.${n}`)),
    ...Object.entries(data).flatMap(([type, byName]) => Object.keys(byName).map((n) => `data.${type}.${n}`)),
  ].sort();
}

describe('TenantDatabaseStack', () => {
  test('is named <env>-tenant-<id>', () => {
    expect(stack({ id: 'acme', tier: 'premium' }).node.id).toBe('prod-tenant-acme');
    expect(TenantDatabaseStack.stackName('dev', 'acme')).toBe('dev-tenant-acme');
  });

  test('ec2-ebs: target group with health check, host rule at the locked priority on the locked ALB, host attached', () => {
    const json = synthJson(stack({ id: 'acme', tier: 'premium' }));
    expect(only(json, 'aws_lb_target_group')).toMatchObject({
      name: 'prod-t-acme',
      port: 8080,
      protocol: 'HTTP',
      target_type: 'instance',
      vpc_id: PLATFORM.vpcId,
      health_check: { enabled: true, path: '/health', protocol: 'HTTP', matcher: '200', port: 'traffic-port' },
    });
    expect(only(json, 'aws_lb_listener_rule')).toMatchObject({
      listener_arn: PLATFORM.albs[1]!.httpsListenerArn,
      priority: 4,
      condition: [{ host_header: { values: ['acme.aito.example'] } }],
      action: [{ type: 'forward' }],
    });
    expect(only(json, 'aws_lb_target_group_attachment')).toMatchObject({ port: 8080 });
    expect(only(json, 'aws_vpc_security_group_ingress_rule').referenced_security_group_id).toBe('sg-alb-1');
  });

  test('usage plan with the tier quota and throttle on the platform stage, kept on destroy; API key bound to it', () => {
    const json = synthJson(stack({ id: 'acme', tier: 'premium' }));
    expect(only(json, 'aws_api_gateway_usage_plan')).toMatchObject({
      name: 'prod-tenant-acme',
      api_stages: [{ api_id: 'a1b2c3d4e5', stage: 'v1' }],
      quota_settings: { limit: 50_000_000, period: 'MONTH' },
      throttle_settings: { rate_limit: 500, burst_limit: 1000 },
      lifecycle: { prevent_destroy: true },
    });
    const key = only(json, 'aws_api_gateway_api_key');
    expect(key).toMatchObject({ name: 'prod-tenant-acme', enabled: true });
    expect(key.lifecycle).toBeUndefined();
    expect(only(json, 'aws_api_gateway_usage_plan_key')).toMatchObject({ key_type: 'API_KEY' });
    const free = synthJson(stack({ id: 'hooli', tier: 'free' }, undefined, { apiLimits: { quotaLimit: 20_000 } }));
    expect(only(free, 'aws_api_gateway_usage_plan')).toMatchObject({ quota_settings: { limit: 20_000, period: 'MONTH' }, throttle_settings: { rate_limit: 5, burst_limit: 10 } });
  });

  test('tenants.json settings reach the database', () => {
    const json = synthJson(stack({ id: 'initech', tier: 'standard', engine: 'rds-postgres', instanceType: 'db.m7g.large', storageGiB: 200 }));
    expect(only(json, 'aws_db_instance')).toMatchObject({ instance_class: 'db.m7g.large', allocated_storage: 200 });
  });

  test('managed engines get no ALB pieces (the routing tier reaches them directly) but do get API access', () => {
    const json = synthJson(stack({ id: 'umbrella', tier: 'premium', engine: 'aurora-postgres-serverless-v2' }));
    expect(resourcesOf(json, 'aws_lb_target_group')).toEqual({});
    expect(resourcesOf(json, 'aws_lb_listener_rule')).toEqual({});
    expect(Object.keys(resourcesOf(json, 'aws_api_gateway_api_key'))).toHaveLength(1);
  });

  test('dev tenants must be synthetic (TF-TEN-141)', () => {
    const build = (synthetic?: boolean) =>
      new TenantDatabaseStack(newApp(), { environment: DEV, tenant: { id: 'acme', tier: 'free', synthetic }, placement: { id: 'acme', alb: 0, priority: 1 }, platform: platformIn(DEV), database: { image: IMAGE } });
    expect(() => build()).toThrow(/\[TF-TEN-141\]/);
    expect(build(true).node.id).toBe('dev-tenant-acme');
  });

  test('rejects a bad tenant ID before naming the stack (TF-TEN-002)', () => {
    expect(() => stack({ id: 'Acme', tier: 'free' })).toThrow(/\[TF-TEN-002\]/);
  });

  test('rejects a bad health check path (TF-TEN-201) and API limits (TF-TEN-202)', () => {
    expect(() => stack({ id: 'acme', tier: 'free' }, undefined, { healthCheckPath: 'health' })).toThrow(/\[TF-TEN-201\]/);
    expect(() => stack({ id: 'acme', tier: 'free' }, undefined, { apiLimits: { rateLimitPerSecond: 0 } })).toThrow(/\[TF-TEN-202\].*rateLimitPerSecond/);
    expect(() => stack({ id: 'acme', tier: 'free' }, undefined, { apiLimits: { burstLimit: 2 } })).toThrow(/\[TF-TEN-202\].*burstLimit/);
  });

  test.each([0, -1, 50_001, 1.5])('rejects listener-rule priority %p in a placement passed by hand (TF-TEN-159)', (priority) => {
    expect(() => stack({ id: 'acme', tier: 'free' }, { id: 'acme', alb: 1, priority })).toThrow(priority === 1.5 ? /\[TF-PRP-004\]/ : new RegExp(`\\[TF-TEN-159\\].*1-50000.*Got: ${priority}`));
  });

  test('rejects a tenant host name longer than an ALB host-header condition takes (TF-TEN-160)', () => {
    const domain = `${'x'.repeat(63)}.${'y'.repeat(56)}.com`; // 124 characters: acme.<domain> is 129
    expect(() => stack({ id: 'acme', tier: 'free' }, undefined, { platform: { ...PLATFORM, domain } })).toThrow(/\[TF-TEN-160\].*at most 128 characters.*use a domain of at most 123 characters/);
    expect(() => stack({ id: 'acme', tier: 'free' }, undefined, { platform: { ...PLATFORM, domain: domain.slice(1) } })).not.toThrow();
  });

  test('an explicit undefined API limit keeps the tier default instead of dropping the setting', () => {
    const plan = only(synthJson(stack({ id: 'acme', tier: 'free' }, undefined, { apiLimits: { quotaPeriod: undefined } })), 'aws_api_gateway_usage_plan') as { quota_settings: { period?: string }[] | { period?: string } };
    const quota = Array.isArray(plan.quota_settings) ? plan.quota_settings[0]! : plan.quota_settings;
    expect(quota.period).toMatch(/^(DAY|WEEK|MONTH)$/);
  });

  test('decommission: no resources left; usage plan and data stores released with removed blocks, not destroyed', () => {
    const live = synthJson(stack({ id: 'acme', tier: 'premium' }));
    const gone = stack({ id: 'acme', tier: 'premium', decommission: true });
    const json = synthJson(gone) as TerraformJson & { removed?: unknown };
    expect(json.resource).toBeUndefined();
    const planAddress = `aws_api_gateway_usage_plan.${Object.keys(resourcesOf(live, 'aws_api_gateway_usage_plan'))[0]}`;
    const volumeAddress = `aws_ebs_volume.${Object.keys(resourcesOf(live, 'aws_ebs_volume'))[0]}`;
    const vaultAddress = `aws_backup_vault.${Object.keys(resourcesOf(live, 'aws_backup_vault'))[0]}`;
    expect(json.removed).toEqual([planAddress, volumeAddress, vaultAddress].map((from) => ({ from, lifecycle: { destroy: false } })));
    expect(json.provider!.aws![0]!.allowed_account_ids).toEqual(['111111111111']);
  });

  // Migration note (issue 15): rds-postgres and aurora gained their TLS parameter groups (aws_db_parameter_group /
  // aws_rds_cluster_parameter_group): new addresses only, no existing address renamed or removed.
  describe('address snapshot (change an address only with a migration note: a renamed address replaces the resource)', () => {
    test.each<[string, TenantIntent]>([
      ['ec2-ebs', { id: 'acme', tier: 'premium' }],
      ['rds-postgres', { id: 'initech', tier: 'standard', engine: 'rds-postgres' }],
      ['aurora-postgres-serverless-v2', { id: 'umbrella', tier: 'premium', engine: 'aurora-postgres-serverless-v2' }],
    ])('%s', (_engine, tenant) => {
      expect(addresses(synthJson(stack(tenant)))).toMatchSnapshot();
    });
  });
});

describe('tenant stability (property)', () => {
  const ID = fc.stringMatching(/^[a-z][a-z0-9]{0,6}$/);
  const TIER = fc.constantFrom('free', 'standard', 'premium') as fc.Arbitrary<TenantIntent['tier']>;
  const ENGINE = fc.constantFrom(undefined, undefined, 'rds-postgres', 'aurora-postgres-serverless-v2') as fc.Arbitrary<TenantIntent['engine']>;
  const TENANT = fc.record({ id: ID, tier: TIER, engine: ENGINE });
  const TENANTS = fc.uniqueArray(TENANT, { selector: (t) => t.id, minLength: 1, maxLength: 5 });

  /** Synthesizes every tenant stack of one run through the fleet's real path (lock plan and commit included). */
  function synthAll(dir: string, tenants: readonly TenantIntent[]): Map<string, string> {
    const plan = planTenantLock(tenants.map((t) => (t.engine ? t : { id: t.id, tier: t.tier })), path.join(dir, 'tenants.lock.json'), 2);
    const stacks = tenantStacks(newApp(), PROD, PLATFORM, plan, { 'ec2-ebs': { image: IMAGE } });
    commitTenantLock(plan);
    return new Map(stacks.map((s) => [s.tenantId, JSON.stringify(synthJson(s))]));
  }

  test('adding, removing or reordering tenants changes no address or attribute of any other tenant', () => {
    fc.assert(
      fc.property(TENANTS, TENANTS, fc.integer({ min: 0, max: 4 }), fc.integer(), (before, added, removeCount, seed) => {
        const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tenant-stability-'));
        const first = synthAll(dir, before);
        const kept = before.slice(0, Math.max(0, before.length - removeCount));
        const fresh = added.filter((a) => !before.some((b) => b.id === a.id));
        const after = shuffle([...kept, ...fresh], seed);
        const second = synthAll(dir, after);
        for (const tenant of kept) expect(second.get(tenant.id)).toBe(first.get(tenant.id));
        expect([...second.keys()].sort()).toEqual(after.map((t) => t.id).sort());
      }),
      { numRuns: 12 },
    );
  });

  test('placement used by the property keeps existing tenants (sanity of the fixture)', () => {
    const lock = placeTenants(['a', 'b'], [], { albCount: 2 });
    expect(placeTenants(['b', 'c', 'a'], lock, { albCount: 2 }).filter((p) => p.id !== 'c')).toEqual(lock);
  });
});

function shuffle<T>(items: T[], seed: number): T[] {
  let s = seed >>> 0 || 1;
  for (let i = items.length - 1; i > 0; i--) {
    s = Math.imul(s ^ (s >>> 15), 0x2c1b3c6d) >>> 0;
    const j = s % (i + 1);
    [items[i], items[j]] = [items[j]!, items[i]!];
  }
  return items;
}
