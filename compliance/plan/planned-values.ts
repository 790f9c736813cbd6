/**
 * Turns one resource instance of a plan into the attribute values rules read:
 * what Terraform computed, with every value it could not compute yet
 * (`after_unknown`) replaced by something the rules can judge, and nulls and
 * empty block lists dropped, because they are config mode's "not written".
 */
import { isRecord, isUnknown, unknownValue } from '../values';

/** Path of an attribute inside a resource: names and list indexes. */
export type AttributePath = readonly (string | number)[];

/** Supplies the value for an attribute Terraform only knows after apply. */
export type UnknownFiller = (path: AttributePath) => unknown;

/** Deeper than any provider schema nests; a plan that goes further is not judged, it is unknown. */
const MAX_DEPTH = 64;

/**
 * Overlays `after_unknown` on the planned values. A `true` in the mask marks
 * an unknown (Terraform leaves it out of the values, or writes null inside a
 * list); objects and lists of the mask say which parts inside are unknown.
 */
export function withUnknowns(values: unknown, afterUnknown: unknown, fill: UnknownFiller): Record<string, unknown> {
  const merged = overlay(values, afterUnknown, [], fill);
  const out = withoutNulls(isRecord(merged) ? merged : {}, 0);
  return isRecord(out) ? out : {};
}

function overlay(value: unknown, mask: unknown, path: AttributePath, fill: UnknownFiller): unknown {
  if (mask === true) return fill(path);
  if (path.length > MAX_DEPTH) return unknownValue(`${pathText(path)} (nested too deeply to judge)`);
  if (Array.isArray(mask)) {
    const list = Array.isArray(value) ? value : [];
    return Array.from({ length: Math.max(list.length, mask.length) }, (_, i) => overlay(list[i], mask[i], [...path, i], fill));
  }
  if (isRecord(mask)) {
    if (!isRecord(value) && Object.keys(mask).length === 0) return value;
    const out: Record<string, unknown> = isRecord(value) ? { ...value } : {};
    for (const [k, m] of Object.entries(mask)) out[k] = overlay(out[k], m, [...path, k], fill);
    return out;
  }
  return value;
}

/**
 * Drops null attributes and empty lists from objects (nested blocks included):
 * Terraform writes an unset attribute as null and an absent nested block as
 * `[]`, and both are what config mode sees as "not written". List entries stay
 * where they are.
 */
function withoutNulls(value: unknown, depth: number): unknown {
  if (depth > MAX_DEPTH) return unknownValue('(nested too deeply to judge)');
  if (isUnknown(value)) return value;
  if (Array.isArray(value)) return value.map((v) => withoutNulls(v, depth + 1));
  if (isRecord(value)) {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) if (v !== null && v !== undefined && !(Array.isArray(v) && v.length === 0)) out[k] = withoutNulls(v, depth + 1);
    return out;
  }
  return value;
}

/** `statement[0].resources[1]`, for messages. */
export function pathText(path: AttributePath): string {
  return path.map((p, i) => (typeof p === 'number' ? `[${p}]` : i === 0 ? p : `.${p}`)).join('');
}

/**
 * The value at `path` inside config-mode attribute values. A nested block
 * that hand-written JSON gives as one object stands for a list of one.
 */
export function valueAt(values: unknown, path: AttributePath): unknown {
  let v = values;
  for (const step of path) {
    if (v === undefined || v === null || isUnknown(v)) return v === undefined || v === null ? undefined : v;
    if (typeof step === 'number') {
      if (Array.isArray(v)) v = v[step];
      else if (isRecord(v) && step === 0) continue;
      else return undefined;
    } else if (isRecord(v)) {
      v = v[step];
    } else if (Array.isArray(v) && v.length === 1 && isRecord(v[0])) {
      v = v[0][step];
    } else {
      return undefined;
    }
  }
  return v;
}
