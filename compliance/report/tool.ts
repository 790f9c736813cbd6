/** The tool identity every report carries. */
export const TOOL_NAME = 'tenantform';
/** Kept in step with package.json by a test. */
export const TOOL_VERSION = '0.1.0';

export interface ReportInput {
  readonly findings: readonly import('../types').Finding[];
  readonly summary: import('../engine').Summary;
  readonly rules: readonly import('../types').Rule[];
  /** Where each stack was read from, for report locations. */
  readonly sources: Readonly<Record<string, string>>;
  /** The findings that fail the gate at the chosen threshold; default: every fail and unknown. */
  readonly gating?: readonly import('../types').Finding[];
}
