import { TerraformElement } from './cdktf';
import { TenantformError } from './errors';

/**
 * Suppressions live in the resource's cdktf `"//"` metadata, under
 * `"//".tenantform.suppressions`, so the CLI reading cdk.tf.json and the
 * synth-time Aspect see exactly the same thing.
 */
export interface Suppression {
  /** Rule ID, e.g. `TF-LP-3`. */
  readonly ruleId: string;
  /** Why this is acceptable; at least 10 characters. */
  readonly reason: string;
  /**
   * Limit the suppression to one granular finding (e.g. `Action::ec2:DescribeInstances`);
   * without it the whole rule is suppressed for the resource.
   */
  readonly finding?: string;
}

export const SUPPRESSIONS_METADATA_PATH = ['//', 'tenantform', 'suppressions'] as const;
export const MIN_REASON_LENGTH = 10;

/** Rules in these categories are invariants: no resource may opt out. */
export const INVARIANT_RULE_PREFIXES: readonly string[] = ['TF-MFA-', 'TF-SEP-'];

export function isInvariantRule(ruleId: string): boolean {
  return INVARIANT_RULE_PREFIXES.some((p) => ruleId.startsWith(p));
}

const suppressionsByElement = new WeakMap<TerraformElement, Suppression[]>();

/**
 * Records that `ruleId` does not apply to `element`, and why. Refuses
 * invariant rules and short reasons with a coded error.
 */
export function suppress(element: TerraformElement, ruleId: string, reason: string, options: { finding?: string } = {}): void {
  const where = `suppress ${element.node.path}`;
  if (!/^(TF-[A-Z]+-\d+|CKV2?_[A-Z0-9_]+)$/.test(ruleId)) {
    throw new TenantformError({ code: 'TF-SUP-001', where, problem: 'rule ID is not a tenantform (TF-XXX-n) or checkov (CKV_...) rule ID.', value: ruleId, fix: 'copy the ID from `tenantform rules` or the finding.' });
  }
  if (isInvariantRule(ruleId)) {
    throw new TenantformError({ code: 'TF-SUP-002', where, problem: 'MFA and account-separation rules are invariants and cannot be suppressed.', value: ruleId, fix: 'fix the resource instead of suppressing the finding.' });
  }
  if (typeof reason !== 'string' || reason.trim().length < MIN_REASON_LENGTH) {
    throw new TenantformError({ code: 'TF-SUP-003', where, problem: `a suppression needs a reason of at least ${MIN_REASON_LENGTH} characters.`, value: reason, fix: 'say why the finding is acceptable for this resource.' });
  }
  const list = suppressionsByElement.get(element) ?? [];
  list.push(options.finding === undefined ? { ruleId, reason: reason.trim() } : { ruleId, reason: reason.trim(), finding: options.finding });
  suppressionsByElement.set(element, list);
  element.addOverride(SUPPRESSIONS_METADATA_PATH.join('.'), list);
}
