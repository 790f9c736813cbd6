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

/**
 * Shows a value as the user wrote it. JSON would print NaN and the infinities
 * as null and drop undefined, which hides exactly the mistakes worth showing,
 * so those (and functions, symbols, bigints, holes) are spelled out, also
 * inside arrays and objects. Cycles print as [Circular]; deep graphs are cut.
 */
export function formatValue(value: unknown): string {
  const seen = new WeakSet<object>();
  const show = (v: unknown, depth = 0): string => {
    if (v === undefined) return 'undefined';
    if (typeof v === 'number') return Number.isFinite(v) ? JSON.stringify(v) : String(v);
    if (typeof v === 'string') return JSON.stringify(v);
    if (typeof v === 'bigint') return `${v}n`;
    if (typeof v === 'function') return `[function ${v.name || 'anonymous'}]`;
    if (typeof v === 'symbol') return v.toString();
    if (v === null || typeof v !== 'object') return String(v);
    if (seen.has(v)) return '[Circular]';
    // A construct or other object graph passed by mistake would print its whole tree.
    if (depth >= 5) return Array.isArray(v) ? '[…]' : '{…}';
    seen.add(v);
    try {
      if (Array.isArray(v)) return `[${Array.from({ length: v.length }, (_, i) => (i in v ? show(v[i], depth + 1) : '<empty>')).join(',')}]`;
      const entries = Object.entries(v as Record<string, unknown>).map(([k, x]) => `${JSON.stringify(k)}:${show(x, depth + 1)}`);
      return `{${entries.join(',')}}`;
    } finally {
      seen.delete(v);
    }
  };
  return show(value);
}

/** `SharedVpc prod-network/vpc`: the construct kind plus its path, for error messages. */
export function describeConstruct(kind: string, node: { readonly path: string }): string {
  return `${kind} ${node.path || '(root)'}`;
}
