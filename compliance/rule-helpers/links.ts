import { ResourceModel, StackModel } from '../types';
import { bareReference } from './references';
import { isUnresolved, resourcesOf } from './values';

/**
 * Companion resources (an S3 bucket's encryption configuration, a VPC's flow
 * log, a bucket's policy) point at their subject through one attribute.
 */
export interface Companions {
  /** Companions that point at the subject. */
  readonly matches: ResourceModel[];
  /**
   * Whether some companion points at something unresolved, which could be the
   * subject: without a match, the subject's answer is then unknown, not fail.
   */
  readonly ambiguous: boolean;
}

/** Attributes of a subject that identify it when a companion references them. */
const IDENTIFIERS = ['id', 'arn', 'name'];

/**
 * Indexes the companions of every subject in one pass, so a rule stays linear
 * in the stack size. A companion matches a subject when its attribute is one
 * bare reference to the subject's identifier (`${aws_vpc.main.id}`) or a
 * literal equal to one of `literalAttributes` of the subject. Anything else
 * unresolved (a variable, a conditional between two buckets) matches nobody
 * and makes every unmatched subject ambiguous.
 */
export function companionIndex(
  stack: StackModel,
  subjectTypes: readonly string[],
  companionTypes: readonly string[],
  attribute: string,
  literalAttributes: readonly string[],
): (subject: ResourceModel) => Companions {
  const subjects = new Map<string, ResourceModel>();
  const byLiteral = new Map<string, ResourceModel[]>();
  // A subject whose own name is unresolved could be the one a literal names.
  let unnamedSubject = false;
  for (const s of resourcesOf(stack, ...subjectTypes)) {
    subjects.set(s.address, s);
    for (const attr of literalAttributes) {
      const own = s.values[attr];
      if (typeof own === 'string' && own !== '' && !isUnresolved(own)) byLiteral.set(own, [...(byLiteral.get(own) ?? []), s]);
      else if (isUnresolved(own)) unnamedSubject = true;
    }
  }
  const matches = new Map<string, ResourceModel[]>();
  let ambiguous = false;
  for (const companion of resourcesOf(stack, ...companionTypes)) {
    const value = companion.values[attribute];
    const ref = bareReference(value);
    const targets: ResourceModel[] = [];
    if (ref !== undefined && subjects.has(ref.address) && (IDENTIFIERS.includes(ref.attribute) || literalAttributes.includes(ref.attribute))) {
      targets.push(subjects.get(ref.address)!);
    } else if (typeof value === 'string' && !isUnresolved(value)) {
      targets.push(...(byLiteral.get(value) ?? []));
      if (targets.length === 0 && unnamedSubject) ambiguous = true;
    } else if (value !== undefined && value !== null) {
      ambiguous = true;
    }
    for (const t of targets) matches.set(t.address, [...(matches.get(t.address) ?? []), companion]);
  }
  return (subject) => ({ matches: matches.get(subject.address) ?? [], ambiguous });
}
