/**
 * Every error tenantform raises for bad input. Codes are stable: users grep for
 * them in CI logs and docs link to them, so a code is never reused or renamed.
 */
export type ErrorCode =
  | 'TF-ENV-001' // account ID is not 12 digits
  | 'TF-ENV-002' // unknown region
  | 'TF-ENV-003' // environment name is not a short lowercase label
  | 'TF-ENV-004' // two environments share an account
  | 'TF-ENV-005' // two environments share a state bucket
  | 'TF-ENV-006' // state backend incomplete
  | 'TF-ENV-007' // one environment name used with two different definitions
  | 'TF-ENV-008' // tag key or value invalid
  | 'TF-ENV-009' // construct outside any environment
  | 'TF-ENV-010' // posture is neither production nor non-production
  | 'TF-CHK-001' // input path does not exist
  | 'TF-CHK-002' // a file is not valid JSON (syntax error, comment or trailing comma)
  | 'TF-CHK-003' // a file or folder cannot be read
  | 'TF-CHK-004' // a named input file is not Terraform JSON (*.tf.json)
  | 'TF-CHK-005' // the input yields zero stacks (empty folder, manifest without stacks)
  | 'TF-CHK-006' // manifest.json is malformed
  | 'TF-CHK-007' // the folder holds HCL (*.tf) files, which config mode does not read
  | 'TF-CHK-008' // the root of a Terraform JSON file is not an object
  | 'TF-CHK-009' // duplicate key inside a block body or an expression
  | 'TF-CHK-010' // a block or label level has the wrong JSON type
  | 'TF-CHK-011' // one object (resource, data, module, variable, output, local, provider, backend) defined twice
  | 'TF-CHK-012' // an override file overrides an object no primary file defines
  | 'TF-CHK-013' // an override file holds what Terraform forbids there (depends_on, moved, import, ...)
  | 'TF-CHK-020' // a --plan file is not the JSON of `terraform show -json <planfile>`
  | 'TF-CHK-021' // a plan's --config stack cannot be found or does not match the plan
  | 'TF-SUP-001' // suppression names no known rule
  | 'TF-SUP-002' // suppression of an invariant rule
  | 'TF-SUP-003' // suppression reason too short
  | 'TF-BSL-001' // baseline file cannot be read
  | 'TF-BSL-002' // baseline file is not a tenantform baseline
  | 'TF-PCK-001' // unknown rule pack
  | 'TF-VPC-001' // VPC CIDR invalid
  | 'TF-VPC-002' // tier mask invalid
  | 'TF-VPC-003' // subnets do not fit
  | 'TF-VPC-004' // subnets overlap
  | 'TF-VPC-005' // availability zones invalid
  | 'TF-VPC-006' // flow log settings invalid
  | (string & { readonly __code?: never });

export interface TenantformErrorDetails {
  /** Stable error code, e.g. `TF-VPC-003`. */
  readonly code: ErrorCode;
  /** What raised it: the construct type and its path, e.g. `SharedVpc prod-network/vpc`. */
  readonly where: string;
  /** What is wrong, in one sentence, without the value. */
  readonly problem: string;
  /** The offending value, shown verbatim. */
  readonly value: unknown;
  /** How to fix it. */
  readonly fix: string;
}

/** The error type for every input tenantform rejects. */
export class TenantformError extends Error {
  public readonly code: ErrorCode;
  public readonly where: string;
  public readonly value: unknown;
  public readonly fix: string;

  constructor(details: TenantformErrorDetails) {
    super(
      `[${details.code}] ${details.where}: ${details.problem} ` +
        `Got: ${formatValue(details.value)}. Fix: ${details.fix}`,
    );
    this.name = 'TenantformError';
    this.code = details.code;
    this.where = details.where;
    this.value = details.value;
    this.fix = details.fix;
  }
}

function formatValue(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value);
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return String(value);
  }
}

/** `SharedVpc prod-network/vpc`: the construct kind plus its path, for error messages. */
export function describeConstruct(kind: string, node: { readonly path: string }): string {
  return `${kind} ${node.path || '(root)'}`;
}
