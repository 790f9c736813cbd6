/**
 * Lookups over one stack, built once and shared by every network rule, so a
 * rule never scans the stack once per resource: a 5,000-group stack is
 * checked in linear time. Models are immutable, so caching by model is safe.
 */
import { ResourceModel, StackModel } from '../types';
import { isUnknown } from '../values';
import { bareReference } from './references';
import { isSet, isUnresolved, referencedAddresses } from './values';

export interface StackIndex {
  /** Managed resources of the types, in address order. */
  ofTypes(...types: string[]): readonly ResourceModel[];
  /**
   * The one resource of the given types that `value` designates: by
   * reference to its address, or by a literal equal to one of its
   * `literalAttributes`. `undefined` when the value is not set; `'unknown'`
   * when it names nothing in the stack, or more than one candidate (a
   * conditional between two groups designates neither for sure).
   */
  resolve(value: unknown, types: readonly string[], literalAttributes?: readonly string[]): ResourceModel | 'unknown' | undefined;
  /** A value derived from the stack, computed once per stack and key. */
  memo<T>(key: string, build: () => T): T;
}

const indexes = new WeakMap<StackModel, StackIndex>();

export function stackIndex(stack: StackModel): StackIndex {
  let index = indexes.get(stack);
  if (index === undefined) {
    index = buildIndex(stack);
    indexes.set(stack, index);
  }
  return index;
}

function buildIndex(stack: StackModel): StackIndex {
  const byType = new Map<string, ResourceModel[]>();
  for (const r of [...stack.resources.values()].sort((a, b) => (a.address < b.address ? -1 : a.address > b.address ? 1 : 0))) {
    let list = byType.get(r.type);
    if (list === undefined) byType.set(r.type, (list = []));
    list.push(r);
  }
  const memos = new Map<string, unknown>();
  const memo = <T>(key: string, build: () => T): T => {
    // One lookup on the hit path; `has` only for a value that is itself undefined.
    const known = memos.get(key);
    if (known !== undefined || memos.has(key)) return known as T;
    const built = build();
    memos.set(key, built);
    return built;
  };
  const ofTypes = (...types: string[]): readonly ResourceModel[] =>
    types.length === 1 ? (byType.get(types[0]!) ?? []) : memo(`types:${types.join(',')}`, () => types.flatMap((t) => byType.get(t) ?? []).sort((a, b) => (a.address < b.address ? -1 : 1)));

  /** type|attribute → literal value → the first resource (address order) holding it. */
  const literalsOf = (type: string, attribute: string): Map<string, ResourceModel> =>
    memo(`literal:${type}|${attribute}`, () => {
      const out = new Map<string, ResourceModel>();
      for (const r of byType.get(type) ?? []) {
        const own = r.values[attribute];
        if (typeof own === 'string' && own !== '' && !isUnresolved(own) && !out.has(own)) out.set(own, r);
      }
      return out;
    });

  const resolve: StackIndex['resolve'] = (value, types, literalAttributes = []) => {
    if (!isSet(value)) return undefined;
    const addresses = designatedAddresses(value);
    if (addresses === 'unknown') return 'unknown';
    const wanted = new Set(types);
    const found = addresses
      .map((a) => stack.resources.get(a))
      .filter((r): r is ResourceModel => r !== undefined && wanted.has(r.type));
    if (found.length === 1) return found[0];
    if (found.length > 1) return 'unknown';
    if (typeof value === 'string' && !isUnresolved(value)) {
      for (const type of types) {
        for (const attribute of literalAttributes) {
          const hit = literalsOf(type, attribute).get(value);
          if (hit !== undefined) return hit;
        }
      }
    }
    return 'unknown';
  };

  return { ofTypes, resolve, memo };
}

/**
 * The resource addresses a value designates, when it is one reference
 * (directly or through locals); `'unknown'` for anything that only mentions
 * references: a conditional or function call (`form: expression`), text
 * around a reference (`template`), what a dynamic block generates. Literals
 * designate no address (they may still match a literal identifier).
 */
function designatedAddresses(value: unknown): readonly string[] | 'unknown' {
  if (isUnknown(value)) {
    if (value.form === 'expression' || value.form === 'template' || value.dynamicBlock !== undefined) return 'unknown';
    if (value.form === 'reference') return referencedAddresses(value);
    const bare = bareReference(value);
    return bare === undefined ? 'unknown' : [bare.address];
  }
  if (isUnresolved(value)) {
    const bare = bareReference(value);
    return bare === undefined ? 'unknown' : [bare.address];
  }
  return [];
}
