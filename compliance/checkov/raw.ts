/** The parts of checkov's `-o json` report that the bridge reads. */
export interface CheckovCheck {
  readonly check_id: string;
  readonly check_name: string;
  readonly check_result: { readonly result: 'PASSED' | 'FAILED' | 'SKIPPED' | string };
  /** Absolute path of the scanned file. */
  readonly file_abs_path: string;
  /**
   * `type.name` for HCL; for cdktf's terraform_json checkov 3.x reports
   * `resource.<name>` without the type, so the bridge looks the type up.
   */
  readonly resource: string;
  readonly check_class?: string;
  readonly guideline?: string | null;
  readonly severity?: string | null;
}

export interface CheckovReport {
  readonly check_type: string;
  readonly results: {
    readonly passed_checks?: readonly CheckovCheck[];
    readonly failed_checks?: readonly CheckovCheck[];
    readonly skipped_checks?: readonly CheckovCheck[];
  };
  readonly summary: { readonly passed: number; readonly failed: number; readonly checkov_version?: string };
}

function isReport(value: unknown): value is CheckovReport {
  return typeof value === 'object' && value !== null && 'results' in value && 'check_type' in value;
}

/**
 * checkov prints one report object for one framework, a list for several,
 * and a bare summary when it found nothing to scan. Returns the reports that
 * carry results; throws on anything that is not checkov JSON.
 */
export function parseCheckovOutput(stdout: string): CheckovReport[] {
  let parsed: unknown;
  try {
    parsed = JSON.parse(stdout);
  } catch {
    throw new Error(`checkov did not print JSON: ${stdout.slice(0, 300)}`);
  }
  const list = Array.isArray(parsed) ? parsed : [parsed];
  if (list.some((r) => typeof r !== 'object' || r === null)) throw new Error('checkov printed JSON of an unexpected shape');
  return list.filter(isReport);
}
