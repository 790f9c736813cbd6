import { stackFromJson } from '../../compliance/model';
import { CheckContext, Rule, StackModel } from '../../compliance/types';

/** Terraform JSON resources: type → name → arguments. */
export type Blocks = Record<string, Record<string, Record<string, unknown>>>;

export interface FixtureOptions {
  /** Data sources: type → name → arguments. */
  readonly data?: Blocks;
  /** The provider's `environment` default tag. @default 'prod' */
  readonly environment?: string | null;
  /** Extra provider default tags. */
  readonly defaultTags?: Record<string, string>;
  readonly name?: string;
}

/**
 * A stack model built from Terraform JSON through the real model builder, so
 * references resolve (or stay unknown) exactly as they do in the gate.
 */
export function fixtureStack(resource: Blocks, options: FixtureOptions = {}): StackModel {
  const environment = options.environment === undefined ? 'prod' : options.environment;
  const tags: Record<string, string> = { ...(options.defaultTags ?? {}) };
  if (environment !== null) tags.environment = environment;
  const json = {
    provider: { aws: [{ region: 'eu-west-1', allowed_account_ids: ['111111111111'], default_tags: [{ tags }] }] },
    resource,
    ...(options.data ? { data: options.data } : {}),
  };
  return stackFromJson(json, options.name ?? 'fixture', 'fixture.tf.json');
}

/** Addresses by outcome status, sorted and de-duplicated: what checkov-style tests assert. */
export interface Verdicts {
  readonly fail: string[];
  readonly unknown: string[];
  readonly pass: string[];
}

export function verdicts(rule: Rule, stack: StackModel, context: CheckContext = { stacks: [stack] }): Verdicts {
  const by = { fail: new Set<string>(), unknown: new Set<string>(), pass: new Set<string>() };
  for (const o of rule.check(stack, context)) by[o.status].add(o.address);
  const sorted = (s: Set<string>): string[] => [...s].sort();
  return { fail: sorted(by.fail), unknown: sorted(by.unknown), pass: sorted(by.pass) };
}

/** Shorthand for a Terraform reference string. */
export function ref(expression: string): string {
  return `\${${expression}}`;
}
