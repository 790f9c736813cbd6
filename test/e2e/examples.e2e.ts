/**
 * Every stack of every example, against real Terraform and moto's server:
 * init from the provider mirror, validate, plan; then apply what moto
 * implements, re-plan (must be empty) and destroy. README.md, "Real verification", explains the choices.
 * Each stack's first plan is also written as `terraform show -json` (to
 * TENANTFORM_E2E_PLANS, else a temp folder) and checked in plan mode, which
 * must agree with config mode on the same stacks (support/verdicts.ts).
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { applyScope, ApplyScope } from './support/apply-scope';
import { emulatorEnv, writeEmulatorOverride } from './support/emulator-override';
import { exampleNames, pinnedAccount, synthesizeExample, SynthesizedStack } from './support/examples';
import { motoCannotApply } from './support/moto-gaps';
import { MotoPool } from './support/moto';
import { findProviderMirror, writeMirrorCliConfig } from './support/provider-mirror';
import { plannedChanges, Terraform } from './support/terraform';
import { compareModes } from './support/verdicts';
import { checkStacks } from '../../compliance/engine';
import { loadStacks } from '../../compliance/model';
import { loadPlanStacks } from '../../compliance/plan';
import { allRules } from '../../compliance/rules';

const workRoot = mkdtempSync(join(tmpdir(), 'tenantform-e2e-'));
const pool = new MotoPool(join(workRoot, 'logs'));
/** Where the plan JSON of every stack goes, one folder per example: kept when named (CI can upload it). */
const plansRoot = process.env.TENANTFORM_E2E_PLANS || join(workRoot, 'plans');
/** The example whose weaknesses the gate must find in both modes. */
const WEAK_EXAMPLE = 'free-tier-ids';
let cliConfig = '';

beforeAll(() => {
  cliConfig = writeMirrorCliConfig(workRoot, findProviderMirror());
});

afterAll(async () => {
  await pool.stopAll();
  if (process.env.TENANTFORM_E2E_KEEP !== '1') rmSync(workRoot, { recursive: true, force: true });
});

async function terraformFor(stack: SynthesizedStack): Promise<Terraform> {
  const moto = await pool.forAccount(pinnedAccount(stack));
  return new Terraform(stack.directory, emulatorEnv(moto.endpoint, cliConfig));
}

/** Output names each stack's outputs are read by, through other stacks' terraform_remote_state (cdktf cross-stack references). */
function outputsReadFrom(stacks: readonly SynthesizedStack[]): Map<string, Set<string>> {
  const read = new Map<string, Set<string>>();
  for (const consumer of stacks) {
    const remotes = (consumer.json.data?.terraform_remote_state ?? {}) as Record<string, { config?: { path?: string } }>;
    const text = JSON.stringify(consumer.json);
    for (const [name, remote] of Object.entries(remotes)) {
      // Local state files are named after their stack: `<state folder>/<stack>.tfstate` (see TenantformStack),
      // or `terraform.<stack>.tfstate` where the emulator override sets the backend.
      const producer = /(?:^|\/)(?:terraform\.)?([^/]+)\.tfstate$/.exec(remote.config?.path ?? '')?.[1];
      if (producer === undefined) continue;
      const outputs = read.get(producer) ?? new Set<string>();
      for (const m of text.matchAll(new RegExp(`data\\.terraform_remote_state\\.${name}\\.outputs\\.([\\w-]+)`, 'g'))) outputs.add(m[1]!);
      read.set(producer, outputs);
    }
  }
  return read;
}

/** Writes `terraform show -json` of the stack's plan file as `<dir>/<stack>.json`, the name plan mode pairs by. */
async function writePlanJson(tf: Terraform, stack: string, dir: string): Promise<string> {
  const shown = await tf.must(['show', '-json', '-no-color', 'full.tfplan']);
  mkdirSync(dir, { recursive: true });
  const path = join(dir, `${stack}.json`);
  writeFileSync(path, shown.stdout);
  return path;
}

test('the weak example the plan-mode check relies on exists', () => {
  expect(exampleNames()).toContain(WEAK_EXAMPLE);
});

describe.each(exampleNames())('example %s', (example) => {
  // Synthesis order is dependency order here: `<env>-network` < `<env>-platform` < `<env>-tenant-*`.
  const stacks = synthesizeExample(example, join(workRoot, example));
  const scopes = new Map<string, ApplyScope>(stacks.map((s) => [s.name, applyScope(s)]));
  const readBy = outputsReadFrom(stacks);
  const applied: SynthesizedStack[] = [];
  const partlyApplied: SynthesizedStack[] = [];
  // `terraform show -json` runs beside the next stack's work instead of in line; the plan-mode test awaits it.
  const planJson = new Map<string, Promise<string>>();
  const plansDir = join(plansRoot, example);

  it('synthesizes at least one stack', () => {
    expect(stacks.length).toBeGreaterThan(0);
  });

  describe.each(stacks.map((s) => [s.name, s] as const))('stack %s', (_name, stack) => {
    const scope = scopes.get(stack.name) as ApplyScope;
    const cannotApply = motoCannotApply(stack.name);
    const publishes = readBy.get(stack.name);

    it('inits from the mirror, validates and plans against moto', async () => {
      writeEmulatorOverride(stack);
      const tf = await terraformFor(stack);
      await tf.init();
      await tf.validate();
      const { changes } = await tf.plan([], 'full.tfplan');
      const written = writePlanJson(tf, stack.name, plansDir);
      // Awaited by the plan-mode test; until then a failure must not surface as an unhandled rejection.
      written.catch(() => undefined);
      planJson.set(stack.name, written);
      // A fresh emulator account holds nothing, so a stack with resources must plan to create them.
      expect(changes).toBe(Object.keys(stack.json.resource ?? {}).length > 0);
    });

    if (cannotApply === undefined) {
      it('applies what moto implements, then re-plans with no changes', async () => {
        const tf = await terraformFor(stack);
        expect(scope.complete || scope.targets.length > 0).toBe(true);
        await tf.plan(scope.targets, 'e2e.tfplan');
        applied.push(stack);
        await tf.applyPlan('e2e.tfplan');
        const second = await tf.plan(scope.targets);
        expect(plannedChanges(second.result.stdout)).toEqual([]);
        expect(second.changes).toBe(false);
      });
    } else if (publishes !== undefined) {
      // Moto cannot hold all of this stack (see moto-gaps.ts), but later stacks plan against its outputs,
      // so it is applied as far as moto goes and must at least publish every output they read.
      it('applies far enough to publish every output other stacks read', async () => {
        const tf = await terraformFor(stack);
        await tf.plan(scope.targets, 'e2e.tfplan');
        partlyApplied.push(stack);
        await tf.run(['apply', '-input=false', '-no-color', '-auto-approve', 'e2e.tfplan']);
        const outputs = JSON.parse((await tf.must(['output', '-json'])).stdout) as Record<string, unknown>;
        expect([...publishes].filter((o) => !(o in outputs))).toEqual([]);
      });
    }
  });

  it('plan mode, on the plans terraform made, gives the same verdicts as config mode', async () => {
    const plans = await Promise.all(stacks.map((s) => planJson.get(s.name) ?? Promise.reject(new Error(`stack ${s.name} was never planned`))));
    const outdir = join(workRoot, example);
    // Config mode on the folders terraform planned, override file included, so both modes judge the same input.
    const comparison = compareModes(checkStacks(loadStacks([outdir]), allRules), checkStacks(loadPlanStacks({ plans, config: [outdir] }), allRules));
    process.stdout.write(`${example}: plan mode resolved ${comparison.resolved.length} config-mode unknown(s), ${comparison.planFails.length} fail(s) in both modes\n`);
    expect(comparison.disagreements).toEqual([]);
    if (example === WEAK_EXAMPLE) {
      expect(comparison.configGateFails && comparison.planGateFails).toBe(true);
      expect(comparison.planFails.length).toBeGreaterThan(0);
    }
  });

  const strict = stacks.filter((s) => motoCannotApply(s.name) === undefined);
  const itWhenApplied = strict.length > 0 ? it : undefined;
  itWhenApplied?.('destroys every applied stack, dependents first, leaving empty state', async () => {
    expect(applied.map((s) => s.name).sort()).toEqual(strict.map((s) => s.name).sort());
    // Partly applied stacks sit on top of the fully applied ones; clear them first, as far as moto lets us.
    for (const stack of [...partlyApplied].reverse()) await (await terraformFor(stack)).run(['destroy', '-input=false', '-no-color', '-auto-approve']);
    for (const stack of [...applied].reverse()) {
      const tf = await terraformFor(stack);
      await tf.destroy(scopes.get(stack.name)?.targets ?? []);
      const state = await tf.must(['state', 'list']);
      expect(`${stack.name}: ${state.stdout.trim()}`).toBe(`${stack.name}: `);
    }
  });
});
