/**
 * Every error tenantform raises for bad input. Codes are stable: users grep for
 * them in CI logs and docs link to them, so a code is never reused or renamed.
 */
import { ERROR_CODES } from './error-codes';

/**
 * A code from the catalogue in core/error-codes.ts. New codes go there, with
 * their one-line problem; this type follows.
 */
export type ErrorCode = keyof typeof ERROR_CODES;

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
