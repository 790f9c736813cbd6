import { ResourceModel, StackModel } from '../../types';
import { isUnresolved, pointsAt, resourcesOf } from './values';

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

export function companionsOf(
  stack: StackModel,
  subject: ResourceModel,
  companionTypes: readonly string[],
  attribute: string,
  literalAttributes: readonly string[],
  subjectTypes: readonly string[] = [subject.type],
): Companions {
  const subjects = resourcesOf(stack, ...subjectTypes);
  const matches: ResourceModel[] = [];
  let ambiguous = false;
  for (const companion of resourcesOf(stack, ...companionTypes)) {
    const value = companion.values[attribute];
    if (pointsAt(value, subject, literalAttributes)) {
      matches.push(companion);
    } else if (isUnresolved(value) && !subjects.some((s) => pointsAt(value, s, literalAttributes))) {
      ambiguous = true;
    }
  }
  return { matches, ambiguous };
}
