/**
 * Fixture helpers for rule tests: build a stack model from a small Terraform
 * JSON object, run one rule through the real engine, and group the resulting
 * addresses by status, checkov style.
 */
import { checkStacks } from '../../../compliance/engine';
import { stackFromJson } from '../../../compliance/model';
import { Finding, Rule, StackModel } from '../../../compliance/types';

/** A provider block pinned to one account with an environment, as TenantformStack writes it. */
export function awsProvider(accountId = '222222222222', environment = 'dev', extraTags: Record<string, string> = {}): Record<string, unknown> {
  return {
    aws: [{ region: 'eu-west-1', allowed_account_ids: [accountId], default_tags: [{ tags: { environment, ...extraTags } }] }],
  };
}

/** A stack model from Terraform JSON; the provider defaults to a pinned dev account. */
export function fixtureStack(json: Record<string, unknown>, name = 'fixture'): StackModel {
  return stackFromJson({ provider: awsProvider(), ...json }, name, `${name}.tf.json`);
}

export interface AddressSets {
  readonly fail: string[];
  readonly unknown: string[];
  readonly suppressed: string[];
  readonly pass: string[];
}

/** Addresses by status (sorted, deduplicated); granular findings keep their key as `address#finding`. */
export function byStatus(findings: readonly Finding[], granular = false): AddressSets {
  const pick = (s: Finding['status']) =>
    [...new Set(findings.filter((f) => f.status === s).map((f) => (granular && f.finding ? `${f.address}#${f.finding}` : f.address)))].sort();
  return { fail: pick('fail'), unknown: pick('unknown'), suppressed: pick('suppressed'), pass: pick('pass') };
}

/** Runs one rule over fixture stacks through the engine. */
export function runRule(rule: Rule, ...stacks: StackModel[]): Finding[] {
  return checkStacks(stacks, [rule]);
}

/** Resource blocks keyed by type then name, for brevity in fixtures. */
export function resources(byType: Record<string, Record<string, Record<string, unknown>>>): Record<string, unknown> {
  return { resource: byType };
}
