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
  /**
   * Addresses AWS itself refuses to delete, which leave state instead: an
   * organization that has member accounts, and an Object Lock bucket (its
   * locked object versions cannot be deleted before their retention ends) with
   * its lock configuration.
   */
  readonly leaveStateInstead: readonly string[];
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
  const leaveStateInstead: string[] = [];
  for (const [type, byName] of Object.entries(stack.json.resource ?? {})) {
    for (const [name, body] of Object.entries(byName)) {
      const undeletable =
        type === 'aws_organizations_organization' || type === 'aws_s3_bucket_object_lock_configuration' || (type === 'aws_s3_bucket' && body.object_lock_enabled === true);
      if (undeletable) leaveStateInstead.push(`${type}.${name}`);
      const lifted: Record<string, unknown> = {};
      for (const argument of PROTECTION_ARGUMENTS) {
        if (body[argument] === true) lifted[argument] = false;
      }
      if (Object.keys(lifted).length > 0) mustApplyFirst.push(`${type}.${name}`);
      if ((body.lifecycle as { prevent_destroy?: unknown } | undefined)?.prevent_destroy === true) lifted.lifecycle = { prevent_destroy: false };
      if (Object.keys(lifted).length > 0) (resources[type] ??= {})[name] = lifted;
    }
  }
  return {
    override: Object.keys(resources).length > 0 ? { resource: resources } : undefined,
    mustApplyFirst: mustApplyFirst.sort(),
    leaveStateInstead: leaveStateInstead.sort(),
  };
}

/** Writes the stack's teardown override (or removes a stale one) and returns the rest of its teardown. */
export function writeTeardownOverride(stack: SynthesizedStack): Teardown {
  const teardown = teardownFor(stack);
  const path = join(stack.directory, TEARDOWN_OVERRIDE_FILE);
  if (teardown.override === undefined) rmSync(path, { force: true });
  else writeFileSync(path, `${JSON.stringify(teardown.override, null, 2)}\n`);
  return teardown;
}
