/**
 * Every stack of every example, against real Terraform and moto's server:
 * init from the provider mirror, validate, plan; then apply what moto
 * implements, re-plan (must be empty) and destroy. README.md, "Real verification", explains the choices.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { applyScope, ApplyScope } from './support/apply-scope';
import { emulatorEnv, writeEmulatorOverride } from './support/emulator-override';
import { exampleNames, pinnedAccount, synthesizeExample, SynthesizedStack } from './support/examples';
import { motoCannotApply } from './support/moto-gaps';
import { MotoPool } from './support/moto';
import { findProviderMirror, writeMirrorCliConfig } from './support/provider-mirror';
import { plannedChanges, Terraform } from './support/terraform';

const workRoot = mkdtempSync(join(tmpdir(), 'tenantform-e2e-'));
const pool = new MotoPool(join(workRoot, 'logs'));
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

describe.each(exampleNames())('example %s', (example) => {
  const stacks = synthesizeExample(example, join(workRoot, example));
  const scopes = new Map<string, ApplyScope>(stacks.map((s) => [s.name, applyScope(s)]));
  const applied: SynthesizedStack[] = [];

  it('synthesizes at least one stack', () => {
    expect(stacks.length).toBeGreaterThan(0);
  });

  describe.each(stacks.map((s) => [s.name, s] as const))('stack %s', (_name, stack) => {
    it('inits from the mirror, validates and plans against moto', async () => {
      writeEmulatorOverride(stack);
      const tf = await terraformFor(stack);
      await tf.init();
      await tf.validate();
      const { changes } = await tf.plan();
      // A fresh emulator account holds nothing, so a stack with resources must plan to create them.
      expect(changes).toBe(Object.keys(stack.json.resource ?? {}).length > 0);
    });
  });

  // Stacks moto cannot hold are listed, with what was seen, in support/moto-gaps.ts; only those are left out.
  const appliable = stacks.filter((s) => motoCannotApply(s.name) === undefined);
  const eachAppliable = appliable.length > 0 ? describe.each(appliable.map((s) => [s.name, s] as const)) : undefined;
  eachAppliable?.('stack %s on moto', (_name, stack) => {
    const scope = scopes.get(stack.name) as ApplyScope;

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
  });

  const itWhenApplied = appliable.length > 0 ? it : undefined;
  itWhenApplied?.('destroys every applied stack, dependents first, leaving empty state', async () => {
    expect(applied.map((s) => s.name).sort()).toEqual(appliable.map((s) => s.name).sort());
    for (const stack of [...applied].reverse()) {
      const tf = await terraformFor(stack);
      await tf.destroy(scopes.get(stack.name)?.targets ?? []);
      const state = await tf.must(['state', 'list']);
      expect(`${stack.name}: ${state.stdout.trim()}`).toBe(`${stack.name}: `);
    }
  });
});
