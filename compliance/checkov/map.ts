import { resolve } from 'node:path';
import { MIN_REASON_LENGTH } from '../../core/suppressions';
import { Finding, ResourceModel, StackModel } from '../types';
import { categoryOfCheck } from './category';
import { CheckovCheck, CheckovReport } from './raw';
import { matchSkip, SkipEntry } from './skip-list';

export interface MapInput {
  readonly reports: readonly CheckovReport[];
  /** Each scanned stack with the absolute paths of its files. */
  readonly stacks: ReadonlyArray<{ readonly model: StackModel; readonly files: readonly string[] }>;
  readonly skipList: readonly SkipEntry[];
}

/**
 * Turns checkov's results into tenantform findings: ruleId is the check ID,
 * the address is the Terraform address in the stack, and our suppressions
 * (`"//".tenantform.suppressions` naming the check ID) and the reviewed skip
 * list turn failures into `suppressed`.
 *
 * checkov's own skip comments do not exist in JSON, and its --skip-check is
 * global, so per-resource suppression can only be done here, on its results.
 */
export function mapCheckovResults(input: MapInput): Finding[] {
  const stackByFile = new Map<string, StackModel>();
  for (const s of input.stacks) for (const f of s.files) stackByFile.set(resolve(f), s.model);
  const findings: Finding[] = [];
  for (const report of input.reports) {
    for (const check of report.results.failed_checks ?? []) findings.push(toFinding(check, 'fail', stackByFile, input.skipList));
    for (const check of report.results.passed_checks ?? []) findings.push(toFinding(check, 'pass', stackByFile, input.skipList));
  }
  return findings.sort((a, b) => a.stack.localeCompare(b.stack) || a.ruleId.localeCompare(b.ruleId) || a.address.localeCompare(b.address));
}

function toFinding(check: CheckovCheck, status: 'fail' | 'pass', stackByFile: ReadonlyMap<string, StackModel>, skipList: readonly SkipEntry[]): Finding {
  const stack = stackByFile.get(resolve(check.file_abs_path));
  const resource = stack === undefined ? undefined : resourceOf(stack, check.resource);
  const address = resource?.address ?? check.resource;
  const base = {
    ruleId: check.check_id,
    title: check.check_name,
    category: categoryOfCheck(check.check_id, check.check_name, check.check_class),
    // checkov rates severity only through its online platform; offline every failed check counts.
    level: 'error' as const,
    stack: stack?.name ?? check.file_abs_path,
    address,
    remediation: remediationOf(check),
  };
  if (status === 'pass') return { ...base, status, message: `checkov ${check.check_id} passed on ${address}.` };
  const message = `checkov ${check.check_id} failed on ${address}: ${check.check_name}.`;
  const own = resource?.suppressions.find((s) => s.ruleId === check.check_id && s.finding === undefined);
  if (own !== undefined && own.reason.trim().length >= MIN_REASON_LENGTH) {
    return { ...base, status: 'suppressed', message, suppressionReason: own.reason };
  }
  const skip = matchSkip(skipList, check.check_id, resource?.type ?? address.split('.')[0] ?? '', base.stack);
  if (skip !== undefined) return { ...base, status: 'suppressed', message, suppressionReason: `checkov skip list: ${skip.reason}` };
  return { ...base, status: 'fail', message };
}

/**
 * The resource a checkov result names. For cdktf JSON checkov 3.x says
 * `resource.<name>` (the type is lost), so the name is looked up among the
 * stack's resources; cdktf names carry a hash and are unique in practice.
 */
export function resourceOf(stack: StackModel, checkovResource: string): ResourceModel | undefined {
  const direct = stack.resources.get(checkovResource) ?? stack.dataSources.get(checkovResource);
  if (direct !== undefined) return direct;
  const [kind, ...rest] = checkovResource.split('.');
  const name = rest.join('.');
  const pool = kind === 'data' ? stack.dataSources : stack.resources;
  const matches = [...pool.values()].filter((r) => r.name === name);
  return matches.length === 1 ? matches[0] : undefined;
}

/** checkov's guideline link when it has one; else the check class, which names the check's source file (graph checks have none worth naming). */
function remediationOf(check: CheckovCheck): string {
  if (check.guideline) return `See ${check.guideline}`;
  const named = check.check_class !== undefined && !check.check_class.endsWith('base_check');
  return `See checkov's documentation of ${check.check_id}${named ? ` (${check.check_class})` : ''}.`;
}
