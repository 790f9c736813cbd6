/**
 * Builds a StackModel from one stack's Terraform JSON: environment and accounts
 * from the AWS providers, the backend, and every resource and data source with
 * its references resolved.
 */
import { CUSTOMER_DATA_ALLOWED_TAG, ENVIRONMENT_TAG } from '../../core/tags';
import { ModuleCall, ProviderModel, ResourceModel, StackModel, SuppressionRecord } from '../types';
import { isRecord, isUnknown } from '../values';
import { RawStack, Resolver } from './resolve';
import { blockLocation, normalizeDocument } from './terraform-json';
import { readDeclaration } from './declaration';


/** Builds the model of one stack from its parsed Terraform JSON. */
export function stackFromJson(json: unknown, name: string, source: string): StackModel {
  // Every JSON form of every block comes out in one canonical shape, however the fixture or file wrote it.
  const doc = normalizeDocument(json, source) as Record<string, unknown>;
  const raw: RawStack = {
    resource: recordOf(doc.resource) as RawStack['resource'],
    data: recordOf(doc.data) as RawStack['data'],
    locals: mergedLocals(doc.locals),
  };
  const resolver = new Resolver(raw);
  const resources = blocksByAddress(raw.resource, '', resolver);
  const dataSources = blocksByAddress(raw.data, 'data.', resolver);
  const providers = providersOf(doc.provider, resolver);
  const aws = providers.filter((p) => p.name === 'aws');
  const home = aws.find((p) => p.alias === undefined) ?? aws[0];
  const customerData = home?.defaultTags[CUSTOMER_DATA_ALLOWED_TAG];
  const declared = readDeclaration(doc['//']);
  return {
    name,
    source,
    environment: home?.defaultTags[ENVIRONMENT_TAG],
    accounts: [...new Set(aws.flatMap((p) => p.allowedAccountIds))],
    customerDataAllowed: customerData === 'true' ? true : customerData === 'false' ? false : undefined,
    backend: backendOf(doc.terraform),
    providers,
    resources,
    dataSources,
    variables: recordOf(doc.variable) ?? {},
    outputs: outputsOf(doc.output, resolver),
    modules: moduleCallsOf(doc.module),
    ...(declared === undefined ? {} : 'problem' in declared ? { declarationProblem: declared.problem } : { declaration: declared.declaration }),
  };
}

/** `module "<name>" { source = ... }`, in the object or the array form. */
function moduleCallsOf(value: unknown): ModuleCall[] {
  const out: ModuleCall[] = [];
  for (const group of Array.isArray(value) ? value : [value]) {
    for (const [name, body] of Object.entries(recordOf(group) ?? {})) {
      for (const b of Array.isArray(body) ? body : [body]) {
        const source = recordOf(b)?.source;
        out.push({ name, source: typeof source === 'string' ? source : JSON.stringify(source) ?? '(no source)' });
      }
    }
  }
  return out;
}

function outputsOf(value: unknown, resolver: Resolver): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [name, block] of Object.entries(recordOf(value) ?? {})) {
    if (isRecord(block) && 'value' in block) Object.defineProperty(out, name, { value: resolver.resolveValue(block.value), enumerable: true, writable: true, configurable: true });
  }
  return out;
}

function recordOf(value: unknown): Record<string, unknown> | undefined {
  return isRecord(value) ? value : undefined;
}

/** `locals` may be one object or (hand-written JSON) a list of them. */
function mergedLocals(value: unknown): Record<string, unknown> | undefined {
  if (Array.isArray(value)) return Object.assign({}, ...value.filter(isRecord)) as Record<string, unknown>;
  return recordOf(value);
}

function blocksByAddress(groups: RawStack['resource'], prefix: string, resolver: Resolver): Map<string, ResourceModel> {
  const out = new Map<string, ResourceModel>();
  for (const [type, byName] of Object.entries(groups ?? {})) {
    if (!isRecord(byName)) continue;
    for (const [name, block] of Object.entries(byName)) {
      if (!isRecord(block)) continue;
      const address = `${prefix}${type}.${name}`;
      const meta = recordOf(block['//']);
      const constructPath = recordOf(meta?.metadata)?.path;
      const provider = block.provider;
      const values = resolver.resolveBlock(address) ?? {};
      const dynamicBlocks = resolver.dynamicBlocksOf(address);
      const location = blockLocation(block);
      out.set(address, {
        address,
        type,
        name,
        values,
        ...(dynamicBlocks.length > 0 ? { dynamicBlocks } : {}),
        ...(typeof constructPath === 'string' ? { constructPath } : {}),
        ...(location !== undefined ? { location } : {}),
        suppressions: suppressionsOf(meta),
        ...(typeof provider === 'string' ? { provider: provider.replace(/^\$\{(.*)\}$/, '$1') } : {}),
      });
    }
  }
  return out;
}

/** Reads `"//".tenantform.suppressions`; malformed entries are kept with an empty reason so the engine rejects them. */
function suppressionsOf(meta: Record<string, unknown> | undefined): SuppressionRecord[] {
  const list = recordOf(meta?.tenantform)?.suppressions;
  if (!Array.isArray(list)) return [];
  return list.filter(isRecord).map((s) => ({
    ruleId: typeof s.ruleId === 'string' ? s.ruleId : '',
    reason: typeof s.reason === 'string' ? s.reason : '',
    ...(typeof s.finding === 'string' ? { finding: s.finding } : {}),
  }));
}

function providersOf(value: unknown, resolver: Resolver): ProviderModel[] {
  const out: ProviderModel[] = [];
  for (const [name, configs] of Object.entries(recordOf(value) ?? {})) {
    for (const config of Array.isArray(configs) ? configs : [configs]) {
      if (!isRecord(config)) continue;
      const c = resolver.resolveValue(config) as Record<string, unknown>;
      const ids = c.allowed_account_ids;
      const tags: Record<string, string> = {};
      for (const block of Array.isArray(c.default_tags) ? c.default_tags : [c.default_tags]) {
        const t = recordOf(recordOf(block)?.tags);
        for (const [k, v] of Object.entries(t ?? {})) if (typeof v === 'string') tags[k] = v;
      }
      out.push({
        name,
        ...(typeof c.alias === 'string' ? { alias: c.alias } : {}),
        region: c.region,
        // Unknown IDs keep their expression so account rules can report them as unknown.
        allowedAccountIds: Array.isArray(ids) ? ids.map((id) => (isUnknown(id) ? id.$unknown : String(id))) : isUnknown(ids) ? [ids.$unknown] : [],
        defaultTags: tags,
        config: c,
      });
    }
  }
  return out;
}

function backendOf(terraform: unknown): StackModel['backend'] {
  const blocks = Array.isArray(terraform) ? terraform : [terraform];
  for (const t of blocks) {
    const backend = recordOf(recordOf(t)?.backend);
    const [type, config] = Object.entries(backend ?? {})[0] ?? [];
    if (type !== undefined) return { type, config: recordOf(Array.isArray(config) ? config[0] : config) ?? {} };
  }
  return undefined;
}
