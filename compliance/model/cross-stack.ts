/**
 * Links cdktf cross-stack references. A consumer stack reads a producer's
 * outputs through `data.terraform_remote_state`; on its own, such a value is
 * unknown. When every stack of the run is at hand, the remote state is matched
 * to its producer by backend location, and a value that is exactly one output
 * takes what that output holds: a literal, or an unknown marked with the
 * producer's resource attribute (`origin`), which rules may treat as specific.
 */
import { ResourceModel, StackModel } from '../types';
import { isRecord, isUnknown, UnknownValue } from '../values';

const OUTPUT_REF = /^\$\{data\.terraform_remote_state\.([\w-]+)\.outputs\.([\w-]+)\}$/;

export function linkCrossStackReferences(stacks: readonly StackModel[]): StackModel[] {
  const byLocation = new Map<string, StackModel>();
  for (const stack of stacks) {
    const location = backendLocation(stack.backend?.type, stack.backend?.config);
    if (location !== undefined) byLocation.set(location, stack);
  }
  return stacks.map((stack) => {
    const producers = new Map<string, StackModel>();
    for (const data of stack.dataSources.values()) {
      if (data.type !== 'terraform_remote_state') continue;
      const producer = byLocation.get(backendLocation(data.values.backend, data.values.config) ?? '');
      if (producer !== undefined && producer !== stack) producers.set(data.name, producer);
    }
    if (producers.size === 0) return stack;
    const link = (value: unknown): unknown => {
      if (isUnknown(value)) return linked(value, producers);
      if (Array.isArray(value)) return value.map(link);
      if (isRecord(value)) return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, link(v)]));
      return value;
    };
    const resources = new Map<string, ResourceModel>();
    for (const [address, r] of stack.resources) resources.set(address, { ...r, values: link(r.values) as Record<string, unknown> });
    return { ...stack, resources };
  });
}

function linked(value: UnknownValue, producers: ReadonlyMap<string, StackModel>): unknown {
  const m = OUTPUT_REF.exec(value.$unknown);
  const producer = m ? producers.get(m[1]!) : undefined;
  if (!m || producer === undefined) return value;
  const output = producer.outputs?.[m[2]!];
  if (output === undefined) return value;
  if (!isUnknown(output)) return output;
  const [ref] = output.refs;
  const address = ref?.split('.').slice(0, 2).join('.');
  // Only a single attribute of a resource the producer really declares is specific enough to vouch for.
  if (output.refs.length !== 1 || address === undefined || !producer.resources.has(address)) return value;
  return { ...value, origin: { stack: producer.name, ref: ref! } };
}

/** Where a stack's state lives: the same string for a backend block and a remote-state data source reading it. */
function backendLocation(type: unknown, config: unknown): string | undefined {
  if (!isRecord(config)) return undefined;
  if (type === 's3' && typeof config.bucket === 'string' && typeof config.key === 'string') return `s3://${config.bucket}/${config.key}`;
  if (type === 'local' && typeof config.path === 'string') return `local://${config.path.split('/').pop()}`;
  return undefined;
}
