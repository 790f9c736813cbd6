/**
 * Reads the blocks of one Terraform JSON document in every form Terraform's
 * JSON syntax allows: at each label level an object whose keys are labels or
 * an array of such objects, and for each body an object or an array of
 * objects (one block each). The result lists every block in file order,
 * duplicates included: whether a repeat is an error depends on whether the
 * file is a primary or an override file, which the merge decides.
 */
import { TenantformError } from '../../../core/errors';
import { Body } from './types';
import { isObject } from './own';

export interface LabeledBlock {
  readonly labels: readonly string[];
  readonly body: Body;
}

export interface DocumentBlocks {
  /** `[type, name]` labels. */
  readonly resource: LabeledBlock[];
  readonly data: LabeledBlock[];
  /** `[name]` labels. */
  readonly module: LabeledBlock[];
  readonly variable: LabeledBlock[];
  readonly output: LabeledBlock[];
  readonly provider: LabeledBlock[];
  /** Every local value, `[name, expression]`, in order. */
  readonly locals: Array<readonly [string, unknown]>;
  readonly terraform: Body[];
  /** Other top-level keys (`//`, `moved`, `check`, …) with their values as written. */
  readonly other: Array<readonly [string, unknown]>;
  /** Which of the known top-level keys the document wrote (so an empty `resource: {}` survives a round trip). */
  readonly present: ReadonlySet<string>;
}

const LABELED: Readonly<Record<string, number>> = { resource: 2, data: 2, module: 1, variable: 1, output: 1, provider: 1 };

/** Every block of one document. Throws TF-CHK-008 for a root that is not an object and TF-CHK-010 for a level of the wrong JSON type. */
export function collectBlocks(json: unknown, where: string): DocumentBlocks {
  if (!isObject(json)) {
    throw new TenantformError({
      code: 'TF-CHK-008',
      where,
      problem: `the root of a Terraform JSON file must be an object, not ${describeType(json)}.`,
      value: json,
      fix: 'write the configuration as one JSON object whose keys are block types (`resource`, `provider`, …).',
    });
  }
  const out: DocumentBlocks = { resource: [], data: [], module: [], variable: [], output: [], provider: [], locals: [], terraform: [], other: [], present: new Set() };
  const present = out.present as Set<string>;
  for (const [key, value] of Object.entries(json)) {
    if (Object.prototype.hasOwnProperty.call(LABELED, key)) {
      present.add(key);
      unpack(value, LABELED[key]!, [], key, where, out[key as 'resource']);
    } else if (key === 'locals') {
      present.add(key);
      for (const body of bodiesOf(value, 'locals', where)) {
        for (const [name, expr] of Object.entries(body)) if (name !== '//') out.locals.push([name, expr]);
      }
    } else if (key === 'terraform') {
      present.add(key);
      out.terraform.push(...bodiesOf(value, 'terraform', where));
    } else {
      out.other.push([key, value]);
    }
  }
  return out;
}

/** Peels `left` label levels off `value`, then reads the bodies. */
function unpack(value: unknown, left: number, labels: readonly string[], type: string, where: string, into: LabeledBlock[]): void {
  if (left === 0) {
    for (const body of bodiesOfBlock(value, type, labels, where)) into.push({ labels, body });
    return;
  }
  // Most levels are one object: read it in place rather than through a list of entries.
  if (isObject(value)) {
    for (const label in value) if (Object.prototype.hasOwnProperty.call(value, label)) unpack(value[label], left - 1, [...labels, label], type, where, into);
    return;
  }
  for (const [label, inner] of labelEntries(value, type, labels, where)) unpack(inner, left - 1, [...labels, label], type, where, into);
}

/** The label → value pairs of one label level: an object, an array of objects, or null (none). */
function labelEntries(value: unknown, type: string, labels: readonly string[], where: string): Array<readonly [string, unknown]> {
  if (value === null) return [];
  if (isObject(value)) return Object.entries(value);
  if (Array.isArray(value)) {
    return value.flatMap((element) => {
      if (!isObject(element)) throw wrongType(blockName(type, labels), 'an object whose keys are labels', element, where);
      return Object.entries(element);
    });
  }
  throw wrongType(blockName(type, labels), 'an object whose keys are labels, or an array of such objects', value, where);
}

/** bodiesOf for a labeled block, naming it only when the message needs the name. */
function bodiesOfBlock(value: unknown, type: string, labels: readonly string[], where: string): Body[] {
  if (isObject(value)) return [value];
  return bodiesOf(value, blockName(type, labels), where);
}

/** The bodies of one block position: an object is one block, an array is one block per element, null is none. */
export function bodiesOf(value: unknown, what: string, where: string): Body[] {
  if (value === null) return [];
  if (isObject(value)) return [value];
  if (Array.isArray(value)) {
    // A null element is still a block, with an empty body (HCL reads no arguments from it); `value: null` is none.
    return value.map((element) => {
      if (element === null) return {};
      if (!isObject(element)) throw wrongType(what, 'an object (the block body)', element, where);
      return element;
    });
  }
  throw wrongType(what, 'an object (the block body) or an array of objects', value, where);
}

function blockName(type: string, labels: readonly string[]): string {
  return [type, ...labels].join('.');
}

function wrongType(what: string, expected: string, value: unknown, where: string): TenantformError {
  return new TenantformError({
    code: 'TF-CHK-010',
    where,
    problem: `\`${what}\` must be ${expected}, not ${describeType(value)}.`,
    value,
    fix: 'write each block level as a JSON object (or an array of objects), as Terraform\'s JSON syntax requires.',
  });
}

export function describeType(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  return typeof value === 'object' ? 'an object' : `a ${typeof value}`;
}
