/**
 * Stability for real: apply three tenant stacks against moto, add a fourth
 * tenant, re-synthesize, and require `terraform plan` on the first three to
 * show no changes. Works on temp copies of the tenant files; the repo's
 * tenants.json and lock are never touched.
 */
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { App } from '../../core/cdktf';
import { prod } from '../../examples/aito/environments';
import { commitTenantLock, planTenantLock } from '../../constructs/tenancy/lock-file';
import { TenantIntent } from '../../constructs/tenancy/tenants-file';
import { NetworkStack } from '../../stacks/network-stack';
import { tenantStacks } from '../../stacks/tenant-fleet';
import { applyScope } from './support/apply-scope';
import { emulatorEnv, writeEmulatorOverride } from './support/emulator-override';
import { INTERIM_ALB_COUNT, interimPlatformRefs } from './support/interim-platform';
import { readSynthesizedStacks, SynthesizedStack } from './support/examples';
import { MotoPool, proxyThroughMoto } from './support/moto';
import { findProviderMirror, writeMirrorCliConfig } from './support/provider-mirror';
import { plannedChanges, Terraform } from './support/terraform';

/**
 * Left out of apply here, beside the moto gaps every tier leaves out
 * (support/moto-gaps.ts): the resources that attach to the shared platform.
 * The interim refs (listener ARNs, API IDs by well-known name) do not exist in
 * an empty emulator account; the examples tier applies them against a real
 * platform stack.
 */
const EXCLUDED_FROM_APPLY = new Set([
  'aws_vpc_security_group_ingress_rule',
  'aws_vpc_security_group_egress_rule',
  'aws_lb_listener_rule',
  'aws_api_gateway_usage_plan',
  'aws_api_gateway_api_key',
  'aws_api_gateway_usage_plan_key',
]);
const FIRST_THREE: TenantIntent[] = [{ id: 'acme', tier: 'premium' }, { id: 'globex', tier: 'standard' }, { id: 'hooli', tier: 'free', storageGiB: 20 }];
const FOURTH: TenantIntent = { id: 'wayne', tier: 'standard' };

const work = mkdtempSync(join(tmpdir(), 'tenantform-stability-'));
const pool = new MotoPool(join(work, 'logs'));
let cliConfig = '';

beforeAll(() => {
  cliConfig = writeMirrorCliConfig(work, findProviderMirror());
});
afterAll(async () => {
  await pool.stopAll();
  rmSync(work, { recursive: true, force: true });
});

/** Synthesizes prod's network and tenant stacks for `tenants` into `outdir` (local state, a temp lock), through the fleet's tenant step. */
function synth(tenants: readonly TenantIntent[], outdir: string): SynthesizedStack[] {
  const environment = { ...prod, state: { kind: 'local' as const, directory: join(work, 'state') } };
  const app = new App({ outdir });
  const plan = planTenantLock(tenants, join(work, 'tenants.lock.json'), INTERIM_ALB_COUNT);
  const network = new NetworkStack(app, 'prod-network', { environment, vpc: { cidrBlock: '10.10.0.0/16' } });
  const image = `${prod.accountId}.dkr.ecr.${prod.region}.amazonaws.com/aito/database:2024.06.1`;
  tenantStacks(app, environment, interimPlatformRefs(environment, network), plan, { 'ec2-ebs': { image } });
  commitTenantLock(plan);
  app.synth();
  return readSynthesizedStacks(outdir);
}

async function tf(stack: SynthesizedStack): Promise<Terraform> {
  writeEmulatorOverride(stack);
  const moto = await pool.forAccount(prod.accountId);
  return new Terraform(stack.directory, { ...emulatorEnv(moto.endpoint, cliConfig), ...proxyThroughMoto(moto.endpoint) });
}

it('adding a fourth tenant leaves the first three tenant stacks without changes', async () => {
  mkdirSync(join(work, 'state'), { recursive: true });
  const before = synth(FIRST_THREE, join(work, 'before'));
  expect(before.filter((s) => s.name.startsWith('prod-tenant-')).map((s) => s.name).sort()).toEqual(['prod-tenant-acme', 'prod-tenant-globex', 'prod-tenant-hooli']);
  for (const stack of before) {
    const t = await tf(stack);
    await t.init();
    const { targets } = applyScope(stack, EXCLUDED_FROM_APPLY);
    await t.plan(targets, 'e2e.tfplan');
    await t.applyPlan('e2e.tfplan');
  }

  const after = synth([...FIRST_THREE, FOURTH], join(work, 'after'));
  expect(after.map((s) => s.name)).toContain('prod-tenant-wayne');
  const drift: Record<string, string[]> = {};
  for (const stack of after.filter((s) => ['prod-network', 'prod-tenant-acme', 'prod-tenant-globex', 'prod-tenant-hooli'].includes(s.name))) {
    const t = await tf(stack);
    await t.init();
    const { targets } = applyScope(stack, EXCLUDED_FROM_APPLY);
    const plan = await t.plan(targets);
    drift[stack.name] = plannedChanges(plan.result.stdout);
  }
  expect(drift).toEqual({ 'prod-network': [], 'prod-tenant-acme': [], 'prod-tenant-globex': [], 'prod-tenant-hooli': [] });
});
