import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { SynthesizedStack } from './examples';

/** Merged over the stack by Terraform like the emulator override; written only for teardown. */
export const TEARDOWN_OVERRIDE_FILE = 'teardown_override.tf.json';

/** Arguments that make AWS (and moto, which enforces them as AWS does) refuse a delete. */
const PROTECTION_ARGUMENTS = ['deletion_protection', 'enable_deletion_protection'] as const;

export interface Teardown {
  /** The override lifting every protection the stack declares, or undefined when it declares none. */
  readonly override: Record<string, unknown> | undefined;
  /** Addresses whose protection lives in the cloud, not only in Terraform: an apply must lift it before destroy. */
  readonly mustApplyFirst: readonly string[];
}

/**
 * What a test must change to destroy a stack that protects tenant data:
 * `prevent_destroy` is Terraform's own refusal (an override is enough), while
 * deletion protection is held by the service, so it is switched off with an
 * apply first. The stacks keep both on; only the e2e teardown lifts them.
 */
export function teardownFor(stack: SynthesizedStack): Teardown {
  const resources: Record<string, Record<string, Record<string, unknown>>> = {};
  const mustApplyFirst: string[] = [];
  for (const [type, byName] of Object.entries(stack.json.resource ?? {})) {
    for (const [name, body] of Object.entries(byName)) {
      const lifted: Record<string, unknown> = {};
      for (const argument of PROTECTION_ARGUMENTS) {
        if (body[argument] === true) lifted[argument] = false;
      }
      if (Object.keys(lifted).length > 0) mustApplyFirst.push(`${type}.${name}`);
      if ((body.lifecycle as { prevent_destroy?: unknown } | undefined)?.prevent_destroy === true) lifted.lifecycle = { prevent_destroy: false };
      if (Object.keys(lifted).length > 0) (resources[type] ??= {})[name] = lifted;
    }
  }
  return { override: Object.keys(resources).length > 0 ? { resource: resources } : undefined, mustApplyFirst: mustApplyFirst.sort() };
}

/** Writes the stack's teardown override (or removes a stale one) and returns what must be applied before destroy. */
export function writeTeardownOverride(stack: SynthesizedStack): readonly string[] {
  const { override, mustApplyFirst } = teardownFor(stack);
  const path = join(stack.directory, TEARDOWN_OVERRIDE_FILE);
  if (override === undefined) rmSync(path, { force: true });
  else writeFileSync(path, `${JSON.stringify(override, null, 2)}\n`);
  return mustApplyFirst;
}
