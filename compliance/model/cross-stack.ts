/**
 * Links cdktf cross-stack references. A consumer stack reads a producer's
 * outputs through `data.terraform_remote_state`; on its own, such a value is
 * unknown (the evaluator marks it `remote`). When every stack of the run is at
 * hand, the remote state is matched to its producer by backend location, and
 * a value that is exactly one output takes what that output holds: a literal,
 * or an unknown marked with the producer's resource attribute (`origin`),
 * which rules may treat as specific. A value whose producer is not in the run
 * stays unknown, and `missingProducers` says which stack to add.
 */
import { ResourceModel, StackModel } from '../types';
import { isRecord, isUnknown, RemoteRead, UnknownValue } from '../values';
import { backendLocation } from './remote-state';

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
  const remote = value.remote;
  const producer = remote !== undefined ? producers.get(remote.dataSource) : undefined;
  if (remote === undefined || producer === undefined) return value;
  const marked: UnknownValue = { ...value, remote: { ...remote, stack: producer.name, inInput: true } };
  // Only a value that is exactly the output (not text around it) takes the output's value.
  if (value.form !== 'reference') return marked;
  const output = producer.outputs?.[remote.output];
  if (output === undefined) return marked;
  if (!isUnknown(output)) return output;
  const [ref] = output.refs;
  const address = ref?.split('.').slice(0, 2).join('.');
  // Only a single attribute of a resource the producer really declares is specific enough to vouch for.
  if (output.refs.length !== 1 || address === undefined || !producer.resources.has(address)) return marked;
  return { ...marked, origin: { stack: producer.name, ref: ref! } };
}

/**
 * The other stacks a resource's unknown values come from that are not part
 * of this check: what a finding on it should tell the user to add.
 */
export function missingProducers(resource: ResourceModel): RemoteRead[] {
  const out = new Map<string, RemoteRead>();
  const visit = (v: unknown): void => {
    if (isUnknown(v)) {
      if (v.remote !== undefined && v.remote.inInput !== true) out.set(v.remote.stack ?? v.remote.location ?? v.remote.dataSource, v.remote);
    } else if (Array.isArray(v)) {
      v.forEach(visit);
    } else if (isRecord(v)) {
      Object.values(v).forEach(visit);
    }
  };
  visit(resource.values);
  return [...out.values()];
}
