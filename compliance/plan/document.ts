/**
 * The parts of `terraform show -json <planfile>` that plan mode reads, and the
 * check that a file really is one. Terraform promises to bump the major
 * `format_version` for incompatible changes, so any major other than 1 is
 * refused rather than half-read.
 */
import { TenantformError } from '../../core/errors';
import { isRecord } from '../values';

/** One expression of the plan's `configuration`: a literal, or the references it makes. */
export interface PlanExpression {
  /** For JSON configurations this is the text as written, `${...}` templates included. */
  readonly constant_value?: unknown;
  readonly references?: readonly string[];
}

/** Attribute → expression; nested blocks are arrays of nested expression maps. */
export type PlanExpressions = Readonly<Record<string, unknown>>;

export interface PlanConfigResource {
  readonly address: string;
  readonly mode: 'managed' | 'data';
  readonly type: string;
  readonly name: string;
  readonly provider_config_key?: string;
  readonly expressions?: PlanExpressions;
}

export interface PlanConfigModule {
  readonly resources?: readonly PlanConfigResource[];
  readonly module_calls?: Readonly<Record<string, { readonly module?: PlanConfigModule }>>;
  readonly outputs?: Readonly<Record<string, { readonly expression?: PlanExpression }>>;
  readonly variables?: Readonly<Record<string, unknown>>;
}

export interface PlanProviderConfig {
  readonly name: string;
  readonly alias?: string;
  readonly module_address?: string;
  readonly expressions?: PlanExpressions;
}

export interface PlanResource {
  readonly address: string;
  readonly mode: 'managed' | 'data';
  readonly type: string;
  readonly name: string;
  readonly index?: number | string;
  readonly values?: Readonly<Record<string, unknown>>;
}

export interface PlanModule {
  readonly address?: string;
  readonly resources?: readonly PlanResource[];
  readonly child_modules?: readonly PlanModule[];
}

export interface PlanResourceChange {
  readonly address: string;
  readonly mode: 'managed' | 'data';
  readonly change?: { readonly actions?: readonly string[]; readonly after_unknown?: unknown };
}

export interface PlanDocument {
  readonly format_version: string;
  readonly terraform_version?: string;
  readonly planned_values: { readonly root_module?: PlanModule; readonly outputs?: Readonly<Record<string, { readonly value?: unknown }>> };
  readonly resource_changes?: readonly PlanResourceChange[];
  readonly output_changes?: Readonly<Record<string, { readonly after_unknown?: unknown }>>;
  readonly prior_state?: { readonly values?: { readonly root_module?: PlanModule } };
  readonly configuration?: {
    readonly provider_config?: Readonly<Record<string, PlanProviderConfig>>;
    readonly root_module?: PlanConfigModule;
  };
}

const FIX = 'pass the output of `terraform show -json <planfile>` (run `terraform plan -out=<planfile>` first); for synthesized *.tf.json pass the path without --plan.';

/**
 * Accepts the parsed JSON of a plan, or throws TF-CHK-020 naming what is
 * missing. A state file's JSON (`terraform show -json` without a plan) has no
 * `planned_values` and is refused too: it says what exists, not what a change will do.
 */
export function asPlanDocument(json: unknown, file: string): PlanDocument {
  const where = `tenantform check --plan ${file}`;
  const refuse = (problem: string, value: unknown): never => {
    throw new TenantformError({ code: 'TF-CHK-020', where, problem, value, fix: FIX });
  };
  if (!isRecord(json)) return refuse('the file is not a Terraform plan: its top level is not a JSON object.', json);
  const version = json.format_version;
  if (typeof version !== 'string') return refuse('the file is not a Terraform plan: it has no "format_version".', Object.keys(json).slice(0, 8));
  if (!/^1\.\d+$/.test(version)) return refuse('the plan\'s "format_version" is not 1.x, the only major version plan mode reads.', version);
  if (!isRecord(json.planned_values)) return refuse('the file is not a Terraform plan: it has no "planned_values" (a state file\'s JSON looks like this).', Object.keys(json).slice(0, 8));
  for (const key of ['resource_changes', 'configuration', 'prior_state', 'output_changes'] as const) {
    const v = json[key];
    if (v !== undefined && v !== null && (key === 'resource_changes' ? !Array.isArray(v) : !isRecord(v))) {
      refuse(`the plan's "${key}" has the wrong JSON type.`, typeof v);
    }
  }
  return json as unknown as PlanDocument;
}
