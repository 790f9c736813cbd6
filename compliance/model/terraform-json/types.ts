/**
 * The canonical shape of one Terraform module's JSON configuration, after the
 * object and array forms of every block are reduced to one form and the
 * module's files (and override files) are merged. Argument values inside a
 * block body are left exactly as written: nested blocks stay objects or arrays.
 */

/** One block body: argument names and nested block types to values as written. */
export type Body = Record<string, unknown>;

export interface TerraformConfig {
  /** type → name → body. */
  resource?: Record<string, Record<string, Body>>;
  /** type → name → body (addresses `data.<type>.<name>`). */
  data?: Record<string, Record<string, Body>>;
  module?: Record<string, Body>;
  variable?: Record<string, Body>;
  output?: Record<string, Body>;
  /** Every local value of every `locals` block, by name. */
  locals?: Record<string, unknown>;
  /** provider name → its configurations (default and aliases), in file order. */
  provider?: Record<string, Body[]>;
  /** Every `terraform` block, in file order (one merged block once an override applies). */
  terraform?: Body[];
  /** Other top-level keys (`//`, `moved`, `import`, `check`, …), passed through. */
  [other: string]: unknown;
}

/** Top-level block types and how many labels each takes; the rest take none. */
export const BLOCK_LABELS: Readonly<Record<string, number>> = {
  resource: 2,
  data: 2,
  ephemeral: 2,
  module: 1,
  variable: 1,
  output: 1,
  provider: 1,
  check: 1,
};
