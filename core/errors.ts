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
  | 'TF-SUP-001' // suppression names no known rule
  | 'TF-SUP-002' // suppression of an invariant rule
  | 'TF-SUP-003' // suppression reason too short
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
