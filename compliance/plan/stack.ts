/**
 * Builds the StackModel the rules judge from one plan: every resource of the
 * root module and of every child module as Terraform computed it, data
 * sources read at plan time (from `prior_state`) or deferred to apply, the
 * providers from the plan's configuration, and, when the stack's synthesized
 * JSON is given, what only that JSON holds: suppressions, construct paths,
 * `lifecycle`, the backend, and the config-mode reading of values Terraform
 * leaves unknown until apply.
 */
import { CUSTOMER_DATA_ALLOWED_TAG, ENVIRONMENT_TAG } from '../../core/tags';
import { policyDocumentFromDataSource } from '../policy';
import { ResourceModel, StackModel } from '../types';
import { isRecord } from '../values';
import { blockAddress, ConfigBlock, configBlocks, expressionAt, providersOf, referencesOf, unknownAt } from './configuration';
import { PlanDocument, PlanExpression, PlanModule, PlanResource } from './document';
import { AttributePath, pathText, valueAt, withUnknowns } from './planned-values';

export interface PlanStackOptions {
  readonly name: string;
  /** The plan file, for reports. */
  readonly source: string;
  /** The config-mode model of the stack the plan was made from, when known. */
  readonly config?: StackModel;
}

/** Meta-arguments the plan's values do not carry; rules read `lifecycle.prevent_destroy`. */
const CONFIG_ONLY_ARGUMENTS = ['lifecycle', 'depends_on'] as const;

export function stackFromPlan(plan: PlanDocument, options: PlanStackOptions): StackModel {
  const blocks = configBlocks(plan);
  const changes = afterUnknownByAddress(plan);
  const resources = new Map<string, ResourceModel>();
  const dataSources = new Map<string, ResourceModel>();
  const planned = instancesOf(plan.planned_values.root_module);
  // Data sources read while planning are in prior_state only; those deferred to apply are in planned_values.
  const readAtPlan = instancesOf(plan.prior_state?.values?.root_module).filter((r) => r.mode === 'data');
  const plannedData = new Map<string, PlanResource>();
  for (const r of planned) if (r.mode === 'data') plannedData.set(r.address, r);
  for (const r of readAtPlan) if (!plannedData.has(r.address)) plannedData.set(r.address, r);
  const build = (r: PlanResource, documents: ReadonlyMap<string, ResourceModel>): ResourceModel =>
    resourceModel(r, blocks.get(blockAddress(r.address)), blocks, changes.get(r.address), options.config, documents);
  // Data sources first, so a policy that reads a document deferred to apply can see the document's own unknowns.
  for (const r of plannedData.values()) dataSources.set(r.address, build(r, new Map()));
  for (const r of planned) if (r.mode === 'managed') resources.set(r.address, build(r, dataSources));

  const providers = providersOf(plan);
  const aws = providers.filter((p) => p.name === 'aws');
  const home = aws.find((p) => p.alias === undefined) ?? aws[0];
  const customerData = home?.defaultTags[CUSTOMER_DATA_ALLOWED_TAG];
  return {
    name: options.name,
    source: options.source,
    environment: home?.defaultTags[ENVIRONMENT_TAG],
    accounts: [...new Set(aws.flatMap((p) => p.allowedAccountIds))],
    customerDataAllowed: customerData === 'true' ? true : customerData === 'false' ? false : undefined,
    // A plan does not record the backend; only the stack's own JSON does.
    ...(options.config?.backend !== undefined ? { backend: options.config.backend } : {}),
    // Nor the environment declaration, which lives in a "//" comment the plan drops.
    ...(options.config?.declaration !== undefined ? { declaration: options.config.declaration } : {}),
    ...(options.config?.declarationProblem !== undefined ? { declarationProblem: options.config.declarationProblem } : {}),
    providers,
    resources,
    dataSources,
    variables: isRecord(plan.configuration?.root_module?.variables) ? plan.configuration.root_module.variables : {},
    outputs: outputsOf(plan, blocks),
  };
}

/** Resource instances of a module tree, root first; iterative, so nesting depth cannot exhaust the stack. */
function instancesOf(root: PlanModule | undefined): PlanResource[] {
  const out: PlanResource[] = [];
  const pending: unknown[] = [root];
  for (let next = 0; next < pending.length; next++) {
    const module = pending[next];
    if (!isRecord(module)) continue;
    for (const r of Array.isArray(module.resources) ? module.resources : []) {
      if (isRecord(r) && typeof r.address === 'string' && typeof r.type === 'string' && (r.mode === 'managed' || r.mode === 'data')) out.push(r as unknown as PlanResource);
    }
    if (Array.isArray(module.child_modules)) pending.push(...module.child_modules);
  }
  return out;
}

function afterUnknownByAddress(plan: PlanDocument): Map<string, unknown> {
  const out = new Map<string, unknown>();
  for (const rc of Array.isArray(plan.resource_changes) ? plan.resource_changes : []) {
    // A deposed object is the old half of a replacement; the planned values describe the new one.
    if (!isRecord(rc) || typeof rc.address !== 'string' || 'deposed' in rc || !isRecord(rc.change)) continue;
    out.set(rc.address, rc.change.after_unknown);
  }
  return out;
}

function resourceModel(
  r: PlanResource,
  block: ConfigBlock | undefined,
  blocks: ReadonlyMap<string, ConfigBlock>,
  afterUnknown: unknown,
  config: StackModel | undefined,
  documents: ReadonlyMap<string, ResourceModel>,
): ResourceModel {
  const prefix = block?.modulePrefix ?? '';
  // Only the root module is in the synthesized JSON; a child module's blocks have no config-mode twin.
  const twin = prefix === '' && config !== undefined ? lookup(config, blockAddress(r.address)) : undefined;
  const writtenOnly = twin !== undefined && (twin.dynamicBlocks ?? []).length === 0 && !holdsDynamicBlock(twin.values);
  const fill = (path: AttributePath): unknown => {
    const fromConfig = twin === undefined ? undefined : valueAt(twin.values, path);
    if (fromConfig !== undefined) return fromConfig;
    const expression = expressionAt(block?.resource.expressions, path);
    const document = policyDocumentReference(expression, prefix, documents);
    if (document !== undefined) return document;
    // The stack's JSON does not set it, and has no dynamic block that could: the provider computes it,
    // and config mode reads it as not set. A plan alone cannot tell this from a dynamic block over an
    // unknown collection (Terraform leaves dynamic blocks out of its configuration record), so without
    // the JSON it stays unknown.
    if (expression === undefined && writtenOnly && (path.length === 1 || isRecord(valueAt(twin.values, path.slice(0, -1))))) return undefined;
    return unknownAt(expression, prefix, `${r.address}.${pathText(path)}`, (address) => blocks.get(address)?.resource.mode === 'managed');
  };
  const values = withUnknowns(r.values, afterUnknown, fill);
  for (const arg of CONFIG_ONLY_ARGUMENTS) if (twin !== undefined && twin.values[arg] !== undefined) values[arg] = twin.values[arg];
  const providerKey = block?.resource.provider_config_key;
  const provider = typeof providerKey === 'string' ? providerKey.replace(/^.*:/, '') : undefined;
  return {
    address: r.address,
    type: r.type,
    name: typeof r.name === 'string' ? r.name : r.type,
    values,
    ...(twin?.constructPath !== undefined ? { constructPath: twin.constructPath } : {}),
    suppressions: twin?.suppressions ?? [],
    // The default configuration of a provider is `aws`, which config mode leaves unset.
    ...(provider !== undefined && provider.includes('.') ? { provider } : {}),
  };
}

/** Whether cdktf JSON holds a `dynamic` block anywhere in these arguments; bounded like every walk of input. */
function holdsDynamicBlock(values: unknown): boolean {
  const pending: { v: unknown; depth: number }[] = [{ v: values, depth: 0 }];
  while (pending.length > 0) {
    const { v, depth } = pending.pop()!;
    if (depth > 64) return true;
    if (Array.isArray(v)) for (const x of v) pending.push({ v: x, depth: depth + 1 });
    else if (isRecord(v)) {
      if ('dynamic' in v) return true;
      for (const x of Object.values(v)) pending.push({ v: x, depth: depth + 1 });
    }
  }
  return false;
}

function lookup(config: StackModel, address: string): ResourceModel | undefined {
  return config.resources.get(address) ?? config.dataSources.get(address);
}

/**
 * An attribute written in JSON as exactly `${data.aws_iam_policy_document.x.json}`
 * whose document Terraform defers to apply: the document's statements are in
 * the plan, with their own unknowns, so it is read the way config mode reads
 * it. Any other expression (an HCL `replace(...)` around it, say) stays unknown.
 */
function policyDocumentReference(expression: PlanExpression | undefined, prefix: string, documents: ReadonlyMap<string, ResourceModel>): unknown {
  const refs = referencesOf(expression, prefix);
  if (refs.length !== 1) return undefined;
  const m = /^((?:module\.[\w-]+\.)*data\.aws_iam_policy_document\.[\w-]+)\.(json|minified_json)$/.exec(refs[0]!);
  if (m === null || expression?.constant_value !== `\${${refs[0]!.slice(prefix.length)}}`) return undefined;
  const source = documents.get(m[1]!);
  return source === undefined ? undefined : policyDocumentFromDataSource(source.values);
}

function outputsOf(plan: PlanDocument, blocks: ReadonlyMap<string, ConfigBlock>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  const planned = isRecord(plan.planned_values.outputs) ? plan.planned_values.outputs : {};
  const written = plan.configuration?.root_module?.outputs ?? {};
  for (const [name, output] of Object.entries(planned)) {
    if (!isRecord(output)) continue;
    out[name] = 'value' in output ? output.value : unknownAt(isRecord(written[name]) ? written[name].expression : undefined, '', `output.${name}`, (address) => blocks.get(address)?.resource.mode === 'managed');
  }
  return out;
}
