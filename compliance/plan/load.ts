/**
 * Plan mode's input: plan JSON files, each paired with the synthesized stack
 * it was planned from when that can be found. The pairing is by place or by
 * name, never by guessing from content:
 * - with `--config <paths>`, a plan pairs with the config stack whose folder
 *   holds the plan file, or whose name is the plan file's name
 *   (`prod-network.json`, `prod-network.plan.json`); a plan that pairs with
 *   none is an error, since suppressions were asked for and cannot be found;
 * - without it, a plan file that sits in a stack folder (beside `cdk.tf.json`)
 *   pairs with that stack; any other plan is judged on its own.
 */
import { existsSync, readdirSync } from 'node:fs';
import { basename, dirname, resolve } from 'node:path';
import { TenantformError } from '../../core/errors';
import { discoverStacks, loadStack, readJson, StackSource } from '../model';
import { StackModel } from '../types';
import { blockAddress, configBlocks } from './configuration';
import { asPlanDocument, PlanDocument } from './document';
import { stackFromPlan } from './stack';

export interface PlanInput {
  readonly plans: readonly string[];
  /** Config-mode paths (cdktf.out, stack folders) the plans were made from. */
  readonly config?: readonly string[];
}

/** Reads, checks and models every plan; throws TF-CHK-002/020/021 for unreadable, foreign or unpaired input. */
export function loadPlanStacks(input: PlanInput): StackModel[] {
  const configSources = input.config !== undefined && input.config.length > 0 ? discoverStacks(input.config) : undefined;
  return input.plans.map((file) => {
    const plan = asPlanDocument(readJson(file, `tenantform check --plan ${file}`), file);
    const source = configSources !== undefined ? pairExplicitly(file, configSources) : pairByPlace(file);
    const config = source === undefined ? undefined : loadStack(source);
    if (config !== undefined) assertSameBlocks(plan, config, file);
    return stackFromPlan(plan, { name: config?.name ?? planName(file), source: file, ...(config !== undefined ? { config } : {}) });
  });
}

/** `prod-network.plan.json` → `prod-network`. */
export function planName(file: string): string {
  return basename(file).replace(/\.json$/, '').replace(/\.(tfplan|plan)$/, '');
}

function stackFolder(source: StackSource): string | undefined {
  return source.files[0] === undefined ? undefined : resolve(dirname(source.files[0]));
}

function pairExplicitly(file: string, sources: readonly StackSource[]): StackSource {
  const folder = resolve(dirname(file));
  const byPlace = sources.filter((s) => stackFolder(s) === folder);
  const byName = sources.filter((s) => s.name === planName(file));
  const match = byPlace.length === 1 ? byPlace[0] : byName.length === 1 ? byName[0] : undefined;
  if (match !== undefined) return match;
  throw new TenantformError({
    code: 'TF-CHK-021',
    where: `tenantform check --plan ${file}`,
    problem: `no --config stack pairs with this plan (${byName.length > 1 || byPlace.length > 1 ? 'several do' : 'none sits in its folder or has its name'}).`,
    value: { plan: planName(file), stacks: sources.map((s) => s.name).slice(0, 20) },
    fix: 'name the plan file after its stack (`terraform show -json plan > <stack>.json`) or keep it in the stack folder, or drop --config for this run.',
  });
}

function pairByPlace(file: string): StackSource | undefined {
  const folder = dirname(file);
  const holdsConfig = existsSync(resolve(folder, 'cdk.tf.json')) || readdirSync(folder).some((f) => f.endsWith('.tf.json'));
  if (!holdsConfig) return undefined;
  const found = discoverStacks([folder]);
  return found.length === 1 ? found[0] : undefined;
}

/**
 * A stale or foreign config would lend its suppressions to resources it never
 * described, so the root module's resource blocks must be the same set.
 */
function assertSameBlocks(plan: PlanDocument, config: StackModel, file: string): void {
  const planned = new Set([...configBlocks(plan).keys()].filter((a) => !a.startsWith('module.')).map(blockAddress));
  const written = new Set([...config.resources.keys(), ...config.dataSources.keys()]);
  const onlyPlan = [...planned].filter((a) => !written.has(a)).sort();
  const onlyConfig = [...written].filter((a) => !planned.has(a)).sort();
  if (onlyPlan.length === 0 && onlyConfig.length === 0) return;
  throw new TenantformError({
    code: 'TF-CHK-021',
    where: `tenantform check --plan ${file}`,
    problem: `the plan was not made from the stack ${config.name} (${config.source}): their resource blocks differ.`,
    value: { onlyInPlan: onlyPlan.slice(0, 10), onlyInConfig: onlyConfig.slice(0, 10) },
    fix: 'synthesize, plan and `terraform show -json` again from the same source, or pass the matching stack with --config.',
  });
}
