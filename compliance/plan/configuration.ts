/**
 * Reads the plan's `configuration`: Terraform's record of the expressions as
 * written. Plan mode takes two things from it: the references an unknown value
 * makes (so a role ARN managed in the same stack can still count as specific),
 * and the provider settings (account pin, region, default tags), which the
 * plan states only as expressions.
 */
import { ProviderModel } from '../types';
import { isRecord, isResourceAttributeRef, isUnknown, UnknownValue, unknownValue } from '../values';
import { PlanConfigModule, PlanConfigResource, PlanDocument, PlanExpression } from './document';

/** A resource block of the configuration, addressed as the plan addresses its instances' block. */
export interface ConfigBlock {
  /** `module.a.module.b.`, or empty for the root module. */
  readonly modulePrefix: string;
  readonly resource: PlanConfigResource;
}

/** Every resource block of every module, by full block address (`module.a.aws_x.y`, `data.aws_x.y`). */
export function configBlocks(plan: PlanDocument): Map<string, ConfigBlock> {
  const out = new Map<string, ConfigBlock>();
  // An explicit stack, not recursion: a hostile plan may nest modules arbitrarily deep.
  const pending: { prefix: string; module: unknown }[] = [{ prefix: '', module: plan.configuration?.root_module }];
  while (pending.length > 0) {
    const { prefix, module } = pending.pop()!;
    if (!isRecord(module)) continue;
    const m = module as PlanConfigModule;
    for (const r of Array.isArray(m.resources) ? m.resources : []) {
      if (isRecord(r) && typeof r.address === 'string') out.set(`${prefix}${r.address}`, { modulePrefix: prefix, resource: r as unknown as PlanConfigResource });
    }
    for (const [name, call] of Object.entries(isRecord(m.module_calls) ? m.module_calls : {})) {
      if (isRecord(call)) pending.push({ prefix: `${prefix}module.${name}.`, module: call.module });
    }
  }
  return out;
}

/** `aws_x.y[0]` → `aws_x.y`; `module.m["k"].aws_x.y["a"]` → `module.m.aws_x.y`: the block an instance comes from. */
export function blockAddress(instanceAddress: string): string {
  return instanceAddress.replace(/\[(?:\d+|"(?:[^"\\]|\\.)*")\]/g, '');
}

/** Is this an expression object (`{constant_value}` / `{references}`) rather than a nested block map? */
function isExpression(value: unknown): value is PlanExpression {
  return isRecord(value) && ('constant_value' in value || 'references' in value || Object.keys(value).length === 0);
}

/**
 * The expression written for one attribute path (`['statement', 0, 'resources']`),
 * walking nested-block arrays; undefined when the configuration does not
 * set it (a computed attribute) or the path runs past an expression.
 */
export function expressionAt(expressions: unknown, path: readonly (string | number)[]): PlanExpression | undefined {
  let node: unknown = expressions;
  for (const step of path) {
    if (isExpression(node)) return node;
    if (typeof step === 'number') {
      if (!Array.isArray(node)) return undefined;
      node = node[step];
    } else {
      if (!isRecord(node)) return undefined;
      node = node[step];
    }
  }
  return isExpression(node) ? node : undefined;
}

/**
 * References of an expression, reduced to the most specific ones and placed
 * in the stack's address space. Terraform lists `aws_x.y.arn` together with
 * `aws_x.y` (and `aws_x.y[0]` with `aws_x.y`); the shorter ones add nothing
 * and would make the value look like a reference to a whole resource. A
 * child module's references are relative to it, so they get its prefix.
 */
export function referencesOf(expression: PlanExpression | undefined, modulePrefix: string): string[] {
  const refs = (Array.isArray(expression?.references) ? expression.references : []).filter((r): r is string => typeof r === 'string');
  const specific = refs.filter((r) => !refs.some((other) => other !== r && (other.startsWith(`${r}.`) || other.startsWith(`${r}[`))));
  return [...new Set(specific.map((r) => `${modulePrefix}${r}`))];
}

const TEMPLATE = /\$\{|%\{/;

function holdsTemplate(value: unknown): boolean {
  if (typeof value === 'string') return TEMPLATE.test(value);
  if (Array.isArray(value)) return value.some(holdsTemplate);
  if (isRecord(value)) return Object.values(value).some(holdsTemplate);
  return false;
}

/**
 * The literal value of an expression, or an UnknownValue. For JSON
 * configurations Terraform reports a template string such as `${var.region}`
 * as the "constant", with its references beside it; a value is literal only
 * when it makes no reference and holds no `${`/`%{` sequence.
 */
export function constantOf(expression: unknown, what: string): unknown {
  if (!isExpression(expression) || !('constant_value' in expression)) return unknownValue(`${what} (not a constant expression)`, referencesOf(expression as PlanExpression, ''));
  const refs = referencesOf(expression, '');
  const value = expression.constant_value;
  if (refs.length > 0 || holdsTemplate(value)) return unknownValue(typeof value === 'string' ? value : `${what} (not a constant expression)`, refs);
  return value;
}

/**
 * A value Terraform computes only at apply, as an UnknownValue with the
 * references its expression makes. It is specific (one object managed in the
 * stack, see compliance/model/identifiers.ts) only when the JSON configuration
 * shows the expression is exactly one reference to an identifier attribute of
 * a resource the plan manages. An HCL configuration's record gives the
 * references but not the expression around them (`replace(aws_iam_role.x.arn, …)`
 * lists the same reference as the bare one), so there it is never specific.
 */
export function unknownAt(expression: PlanExpression | undefined, modulePrefix: string, what: string, manages: (blockAddress: string) => boolean): UnknownValue {
  const written = expression?.constant_value;
  const refs = referencesOf(expression, modulePrefix);
  const text = typeof written === 'string' && TEMPLATE.test(written) ? written : `${what} (known after apply)`;
  const bare = refs.length === 1 && modulePrefix === '' && written === `\${${refs[0]}}`;
  const target = bare ? /^([A-Za-z][\w-]*\.[A-Za-z_][\w-]*)/.exec(refs[0]!)?.[1] : undefined;
  const specific = bare && target !== undefined && manages(target) && isResourceAttributeRef(refs[0]!);
  return {
    ...unknownValue(text, refs),
    specific,
    form: bare ? 'reference' : 'expression',
    reason: 'Terraform computes this value only when it applies the plan',
  };
}

/** The providers of the plan's configuration, in the shape config mode builds from `provider` blocks. */
export function providersOf(plan: PlanDocument): ProviderModel[] {
  const out: ProviderModel[] = [];
  const entries = Object.entries(isRecord(plan.configuration?.provider_config) ? plan.configuration.provider_config : {});
  // Root-module configurations first (keys without `module.x:`): the stack's environment is the root provider's.
  entries.sort(([a], [b]) => Number(a.includes(':')) - Number(b.includes(':')));
  for (const [key, config] of entries) {
    if (!isRecord(config)) continue;
    const expressions = isRecord(config.expressions) ? config.expressions : {};
    const name = typeof config.name === 'string' ? config.name : key.replace(/^.*:/, '').split('.')[0]!;
    const ids = constantOf(expressions.allowed_account_ids, `provider ${key} allowed_account_ids`);
    const tags: Record<string, string> = {};
    const tagBlocks = Array.isArray(expressions.default_tags) ? expressions.default_tags : [];
    for (const block of tagBlocks) {
      const t = isRecord(block) ? constantOf(block.tags, `provider ${key} default_tags`) : undefined;
      // Only literal tags count; an environment tag from a variable stays undeclared, so separation rules fail closed.
      if (isRecord(t)) for (const [k, v] of Object.entries(t)) if (typeof v === 'string') tags[k] = v;
    }
    out.push({
      name,
      ...(typeof config.alias === 'string' ? { alias: config.alias } : {}),
      region: 'region' in expressions ? constantOf(expressions.region, `provider ${key} region`) : undefined,
      // As in config mode, an account list that is not literal keeps its expression text so the account rules report it.
      allowedAccountIds: accountIds(ids),
      defaultTags: tags,
      // Every argument, in the shape config mode's provider arguments have (TF-SEP-1 reads assume_role's role_arn).
      config: argumentsOf(expressions, `provider ${key}`, 0),
    });
  }
  return out;
}

/** Every argument of a provider configuration, literal or unknown; nested blocks (`assume_role`) as lists of the same. */
function argumentsOf(expressions: Readonly<Record<string, unknown>>, what: string, depth: number): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [name, expression] of Object.entries(expressions)) {
    const label = `${what} ${name}`;
    if (Array.isArray(expression) && depth < 8) out[name] = expression.map((block) => (isRecord(block) ? argumentsOf(block, label, depth + 1) : constantOf(block, label)));
    else out[name] = constantOf(expression, label);
  }
  return out;
}

function accountIds(ids: unknown): string[] {
  if (ids === undefined || ids === null) return [];
  if (isUnknown(ids)) return [ids.$unknown];
  if (Array.isArray(ids)) return ids.map((id) => (typeof id === 'string' ? id : JSON.stringify(id)));
  return [JSON.stringify(ids)];
}
