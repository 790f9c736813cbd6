import { DATA_CLASS_TAG } from '../../core/tags';
import { ResourceModel, StackModel } from '../types';
import { effectiveTags, isRecord, isUnresolved, type Tri } from './values';

/**
 * Whether a volume holds tenant data: it carries the data-class tag, from its
 * own tags or the provider's default tags. Tags written as an expression
 * (`var.tags`, `merge(...)`) or with a computed key could carry it, so they
 * are unknown rather than "not a data volume".
 */
export function isDataVolume(stack: StackModel, volume: ResourceModel): Tri {
  if (effectiveTags(stack, volume)[DATA_CLASS_TAG] !== undefined) return true;
  const own = volume.values.tags;
  if (own === undefined || own === null) return false;
  if (!isRecord(own)) return 'unknown';
  return Object.keys(own).some((k) => isUnresolved(k)) ? 'unknown' : false;
}
