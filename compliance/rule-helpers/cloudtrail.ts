import { nestedBlocks } from './blocks';
import { boolOf, isUnresolved, listOf } from './values';

/** Whether a trail's selectors record every management event, read and write. */
export interface ManagementCoverage {
  readonly problems: string[];
  readonly unknowns: string[];
}

/**
 * Basic `event_selector` blocks: management events are on by default
 * (`include_management_events`), for reads and writes (`read_write_type =
 * "All"`). With no selector at all the trail records every management event.
 */
function basic(value: unknown, out: ManagementCoverage): void {
  const selectors = nestedBlocks(value);
  if (selectors === 'unknown') {
    out.unknowns.push('event_selector is unresolved');
    return;
  }
  if (selectors.length === 0) return;
  let full = false;
  let unknown = false;
  for (const s of selectors) {
    const included = boolOf(s.include_management_events, true);
    const scope = s.read_write_type ?? 'All';
    const excluded = s.exclude_management_event_sources;
    if (included === 'unknown' || isUnresolved(scope) || isUnresolved(excluded)) unknown = true;
    else if (included && scope === 'All' && listOf(excluded).length === 0) full = true;
  }
  if (full) return;
  if (unknown) out.unknowns.push('an event_selector is unresolved');
  else out.problems.push('no event_selector records all management events (include_management_events, read_write_type "All", nothing excluded)');
}

/**
 * `advanced_event_selector` blocks: management events are recorded only by a
 * selector whose field selectors say `eventCategory` equals `Management` and
 * nothing narrower. Other field selectors on it (`readOnly`, `eventSource`)
 * drop part of them.
 */
function advanced(value: unknown, out: ManagementCoverage): void {
  const selectors = nestedBlocks(value);
  if (selectors === 'unknown') {
    out.unknowns.push('advanced_event_selector is unresolved');
    return;
  }
  if (selectors.length === 0) return;
  let full = false;
  let unknown = false;
  for (const s of selectors) {
    const fields = nestedBlocks(s.field_selector);
    if (fields === 'unknown') {
      unknown = true;
      continue;
    }
    if (fields.some((f) => isUnresolved(f.field) || isUnresolved(f.equals))) {
      unknown = true;
      continue;
    }
    const category = fields.find((f) => f.field === 'eventCategory');
    const management = category !== undefined && listOf(category.equals).includes('Management') && Object.keys(category).every((k) => k === 'field' || k === 'equals');
    if (management && fields.length === 1) full = true;
  }
  if (full) return;
  if (unknown) out.unknowns.push('an advanced_event_selector is unresolved');
  else out.problems.push('no advanced_event_selector records all management events (eventCategory = Management with no narrower field selector)');
}

export function managementCoverage(trail: Readonly<Record<string, unknown>>): ManagementCoverage {
  const out: ManagementCoverage = { problems: [], unknowns: [] };
  basic(trail.event_selector, out);
  advanced(trail.advanced_event_selector, out);
  return out;
}
