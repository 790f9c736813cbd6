/**
 * checkov as a second opinion: run it over the same Terraform JSON the gate
 * reads and report its results as tenantform findings, in the same formats.
 */
import { resolve } from 'node:path';
import { discoverStacks, loadStack } from '../model';
import { Finding, StackModel } from '../types';
import { findCheckov } from './locate';
import { mapCheckovResults } from './map';
import { runCheckovRaw } from './run';
import { DEFAULT_SKIP_LIST, loadSkipList, SkipEntry } from './skip-list';

export { categoryOfCheck } from './category';
export { findCheckov } from './locate';
export { mapCheckovResults, resourceOf } from './map';
export { parseCheckovOutput } from './raw';
export type { CheckovCheck, CheckovReport } from './raw';
export { runCheckovRaw } from './run';
export { checkovRules } from './rules';
export { DEFAULT_SKIP_LIST, loadSkipList, matchSkip } from './skip-list';
export type { SkipEntry } from './skip-list';

export interface CheckovOptions {
  /** Skip list file; `null` applies none. @default the reviewed list shipped with tenantform */
  readonly skipList?: string | null;
  /** checkov executable. @default see findCheckov */
  readonly binary?: string;
}

export interface CheckovResult {
  readonly findings: Finding[];
  readonly stacks: StackModel[];
  readonly checkovVersion?: string;
}

/** Scans every stack under `paths` (same inputs as `tenantform check`) with checkov. */
export async function checkWithCheckov(paths: readonly string[], options: CheckovOptions = {}): Promise<CheckovResult> {
  const sources = discoverStacks(paths);
  const stacks = sources.map((s) => ({ model: loadStack(s), files: s.files.map((f) => resolve(f)) }));
  const skipList: SkipEntry[] = options.skipList === null ? [] : loadSkipList(options.skipList ?? DEFAULT_SKIP_LIST);
  const files = stacks.flatMap((s) => s.files);
  const raw = files.length === 0 ? { reports: [] } : await runCheckovRaw(files, options.binary ?? findCheckov());
  return {
    findings: mapCheckovResults({ reports: raw.reports, stacks, skipList }),
    stacks: stacks.map((s) => s.model),
    ...(raw.version !== undefined ? { checkovVersion: raw.version } : {}),
  };
}
