/**
 * The e2e suite of one example, against real Terraform and moto's server
 * (with test/e2e/emulator-fixes loaded): every stack is initialized from the
 * provider mirror and planned (which validates it first); then everything except the resource
 * types moto cannot hold (moto-gaps.ts, left out with -target) is applied and
 * re-planned, which must show no changes; at the end every applied stack is
 * destroyed, dependents first. test/e2e/README.md gives the per-stack
 * coverage; the suite prints it as it goes.
 * Each stack's first plan is also written as `terraform show -json` (to
 * TENANTFORM_E2E_PLANS, else a temp folder) and checked in plan mode, which
 * must agree with config mode on the same stacks (verdicts.ts).
 *
 * An apply against moto spends much of its time in the provider's waits,
 * idle on both cores, so work overlaps at two levels: each example has its
 * own test file under test/e2e/examples/, which jest runs beside another, and
 * within an example the stacks that do not read from each other plan, apply
 * and destroy side by side (side-by-side.ts); each test awaits its stack's
 * part of that work.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { applyDepths, kindOf, NOT_YET_APPLIED } from './apply-depth';
import { applyScope, ApplyScope } from './apply-scope';
import { coverageLine } from './coverage';
import { emulatorEnv, writeEmulatorOverride } from './emulator-override';
import { pinnedAccount, selectStacks, synthesizeExample, SynthesizedStack } from './examples';
import { MotoPool, proxyThroughMoto } from './moto';
import { findProviderMirror, writeMirrorCliConfig } from './provider-mirror';
import { writeTeardownOverride } from './teardown';
import { byDependents, SideBySide, stacksAtOnce } from './side-by-side';
import { plannedChanges, Terraform, TerraformResult } from './terraform';
import { compareModes } from './verdicts';
import { checkStacks } from '../../../compliance/engine';
import { loadStacks } from '../../../compliance/model';
import { loadPlanStacks } from '../../../compliance/plan';
import { allRules } from '../../../compliance/rules';

/** The example whose weaknesses the gate must find in both modes. */
export const WEAK_EXAMPLE = 'free-tier-ids';

/**
 * Stack tasks of one example at once, unless TENANTFORM_E2E_STACKS_AT_ONCE
 * says otherwise: jest runs two example files side by side, so this many per
 * file keeps both cores busy through the provider's waits without starting
 * a provider per tenant at once.
 */
const STACKS_AT_ONCE = 3;

interface Planned {
  /** The first plan wants changes. */
  readonly changes: boolean;
  /** Where its `terraform show -json` was written. */
  readonly planJson: string;
}

/** Writes `terraform show -json` of the stack's plan file as `<dir>/<stack>.json`, the name plan mode pairs by. */
async function writePlanJson(tf: Terraform, stack: string, dir: string): Promise<string> {
  const shown = await tf.must(['show', '-json', '-no-color', 'full.tfplan']);
  mkdirSync(dir, { recursive: true });
  const path = join(dir, `${stack}.json`);
  writeFileSync(path, shown.stdout);
  return path;
}

/** Defines the whole suite of `example` in the calling test file. */
export function describeExample(example: string): void {
  const workRoot = mkdtempSync(join(tmpdir(), 'tenantform-e2e-'));
  /** Every account an example pins: an organization created on the emulator starts with them as members. */
  const accounts: string[] = [];
  const pool = new MotoPool(join(workRoot, 'logs'), accounts);
  /** Where the plan JSON of every stack goes, one folder per example: kept when named (CI can upload it). */
  const plansRoot = process.env.TENANTFORM_E2E_PLANS || join(workRoot, 'plans');
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
    return new Terraform(stack.directory, { ...emulatorEnv(moto.endpoint, cliConfig), ...proxyThroughMoto(moto.endpoint) });
  }

  describe(`example ${example}`, () => {
    // Synthesis order is dependency order here: `<env>-network` < `<env>-platform` < `<env>-tenant-*`.
    const stacks = selectStacks(synthesizeExample(example, join(workRoot, example)), process.env.TENANTFORM_E2E_STACKS);
    for (const account of stacks.map(pinnedAccount)) if (!accounts.includes(account)) accounts.push(account);
    const scopes = new Map<string, ApplyScope>(stacks.map((s) => [s.name, applyScope(s)]));
    const depths = applyDepths(stacks);
    const toApply = stacks.filter((s) => depths.get(s.name)?.apply === true);
    const plansDir = join(plansRoot, example);
    const work = new SideBySide(stacksAtOnce(process.env, STACKS_AT_ONCE));
    const planned = new Map<string, Promise<Planned>>();
    const applied = new Map<string, Promise<TerraformResult>>();
    /** Stacks whose apply began, so the teardown destroys whatever part of them exists. */
    const applyStarted = new Set<string>();

    /** What a stack needs in place before its first plan: the stacks it reads outputs from, applied (or planned, if not applied). */
    const readsFrom = (stack: SynthesizedStack): Map<string, Promise<unknown>> =>
      new Map(stack.dependencies.flatMap((d) => {
        const apply = applied.get(d);
        const ready = apply ?? planned.get(d);
        return ready === undefined ? [] : [[`${d}'s ${apply === undefined ? 'plan' : 'apply'}`, ready] as const];
      }));

    // Every stack's work is queued here in dependency order, so each test below only awaits its stack's
    // part: a stack plans once what it reads from is applied, and applies once it has planned.
    beforeAll(() => {
      for (const stack of byDependents(stacks)) {
        planned.set(stack.name, work.after(readsFrom(stack), () => planStack(stack, plansDir)));
        if (depths.get(stack.name)?.apply === true) {
          applied.set(stack.name, work.after(new Map([[`${stack.name}'s plan`, planned.get(stack.name)!]]), () => applyStack(stack, scopes.get(stack.name)!)));
        }
      }
    });

    /**
     * Init from the mirror, plan to full.tfplan and write its `terraform show -json`. No separate
     * `terraform validate`: plan validates the configuration first and fails on the same errors, and
     * every extra command starts the provider again, which is most of a small stack's CPU.
     */
    async function planStack(stack: SynthesizedStack, dir: string): Promise<Planned> {
      const moto = await pool.forAccount(pinnedAccount(stack));
      writeEmulatorOverride(stack, moto.endpoint);
      const tf = await terraformFor(stack);
      await tf.init();
      const { changes } = await tf.plan([], 'full.tfplan');
      return { changes, planJson: await writePlanJson(tf, stack.name, dir) };
    }

    /** Applies everything moto holds (the full plan when nothing is left out), then plans again. */
    async function applyStack(stack: SynthesizedStack, scope: ApplyScope): Promise<TerraformResult> {
      if (!scope.complete && scope.targets.length === 0) throw new Error(`${stack.name}: every resource is a moto gap, so nothing can be applied`);
      const tf = await terraformFor(stack);
      applyStarted.add(stack.name);
      if (scope.complete) {
        // Nothing it reads from changed since the full plan (those stacks applied first), so it is applied as it is.
        await tf.applyPlan('full.tfplan');
      } else {
        await tf.plan(scope.targets, 'e2e.tfplan');
        await tf.applyPlan('e2e.tfplan');
      }
      return (await tf.plan(scope.targets)).result;
    }

    it('synthesizes at least one stack', () => {
      expect(stacks.length).toBeGreaterThan(0);
    });

    describe.each(stacks.map((s) => [s.name, s] as const))('stack %s', (_name, stack) => {
      const scope = scopes.get(stack.name) as ApplyScope;
      it('inits from the mirror, validates and plans against moto', async () => {
        const { changes } = await planned.get(stack.name)!;
        // A fresh emulator account holds nothing, so a stack with resources must plan to create them.
        expect(changes).toBe(Object.keys(stack.json.resource ?? {}).length > 0);
      });

      const depth = depths.get(stack.name)!;
      if (!depth.apply) {
        it(`is planned only: ${depth.why}`, () => {
          process.stdout.write(`coverage ${stack.name}: planned only (${depth.why})\n`);
          // Planned only because its kind is applied elsewhere, or because NOT_YET_APPLIED says what blocks it.
          const pending = NOT_YET_APPLIED[stack.name] !== undefined;
          expect(pending || stacks.some((s) => s.name !== stack.name && kindOf(s) === kindOf(stack) && depths.get(s.name)?.apply === true)).toBe(true);
        });
        return;
      }
      it('applies everything moto holds, then re-plans with no changes', async () => {
        const second = await applied.get(stack.name)!;
        process.stdout.write(`${coverageLine(stack, scope)}\n`);
        expect(plannedChanges(second.stdout)).toEqual([]);
        expect(second.code).toBe(0);
      });
    });

    it('plan mode, on the plans terraform made, gives the same verdicts as config mode', async () => {
      const plans = await Promise.all(stacks.map(async (s) => (await planned.get(s.name)!).planJson));
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

    it('destroys every applied stack, dependents first, leaving empty state', async () => {
      await Promise.allSettled(applied.values());
      expect([...applyStarted].sort()).toEqual(toApply.map((s) => s.name).sort());
      // A stack is destroyed once every applied stack that reads from it is gone; unrelated stacks side by side.
      const destroyed = new Map<string, Promise<string>>();
      for (const stack of [...stacks].reverse().filter((s) => applyStarted.has(s.name))) {
        const dependents = stacks.filter((d) => d.dependencies.includes(stack.name) && destroyed.has(d.name));
        destroyed.set(stack.name, work.after(new Map(dependents.map((d) => [`${d.name}'s destroy`, destroyed.get(d.name)!])), () => destroyStack(stack)));
      }
      const left = await Promise.allSettled(destroyed.values());
      expect(left.map((r) => (r.status === 'fulfilled' ? r.value : String(r.reason)))).toEqual([...destroyed.keys()].map((name) => `${name}: `));
    });

    /** Lifts protections, drops what AWS will not delete from state, destroys; returns `<stack>: <what state still lists>`. */
    async function destroyStack(stack: SynthesizedStack): Promise<string> {
      const tf = await terraformFor(stack);
      // Deletion protection lives in the service: lift it with an apply; prevent_destroy only needs the override.
      const held = new Set((await tf.must(['state', 'list'])).stdout.split('\n'));
      const teardown = writeTeardownOverride(stack);
      const protectedAddresses = teardown.mustApplyFirst.filter((a) => held.has(a));
      if (protectedAddresses.length > 0) {
        await tf.plan(protectedAddresses, 'teardown.tfplan');
        await tf.applyPlan('teardown.tfplan');
      }
      // What AWS itself refuses to delete (support/teardown.ts) leaves state instead.
      const undeletable = teardown.leaveStateInstead.filter((a) => held.has(a));
      if (undeletable.length > 0) await tf.must(['state', 'rm', ...undeletable]);
      // Untargeted: destroy acts on state, so this also clears the data sources a targeted destroy leaves behind.
      // No refresh: the no-change re-plan (and the teardown apply) just read every resource back.
      await tf.destroy({ refresh: false });
      const state = await tf.must(['state', 'list']);
      return `${stack.name}: ${state.stdout.trim()}`;
    }
  });
}
