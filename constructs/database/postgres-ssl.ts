import { DbParameterGroup, RdsClusterParameterGroup } from '../../core/aws';
import { Construct } from '../../core/cdktf';
import { TenantformError } from '../../core/errors';

/**
 * Parameters that make the server refuse unencrypted connections and TLS
 * below 1.2. `rds.force_ssl` is dynamic, so it applies without a reboot.
 * RDS for PostgreSQL 15+ already defaults to force_ssl, Aurora PostgreSQL
 * before 17 does not; the group makes it explicit for both, so the gate
 * (and a reader) sees it in the code rather than in a default.
 */
const SSL_PARAMETERS = [
  { name: 'rds.force_ssl', value: '1', applyMethod: 'immediate' },
  { name: 'ssl_min_protocol_version', value: 'TLSv1.2', applyMethod: 'immediate' },
] as const;

/** Oldest major version RDS still offers that has `ssl_min_protocol_version`. */
const OLDEST_MAJOR = 12;

/** `postgres16` / `aurora-postgresql16` from an engine version such as `16` or `16.6`. */
export function postgresFamily(engine: 'postgres' | 'aurora-postgresql', engineVersion: string, where: string): string {
  const major = /^(\d{2})(\.\d+)?$/.exec(engineVersion)?.[1];
  if (major === undefined || Number(major) < OLDEST_MAJOR) {
    throw new TenantformError({
      code: 'TF-DB-009',
      where,
      problem: `engineVersion must be a PostgreSQL major version ${OLDEST_MAJOR} or later, optionally with a minor ("16" or "16.6").`,
      value: engineVersion,
      fix: 'use a version RDS offers, e.g. "16" for RDS or "16.6" for Aurora.',
    });
  }
  return `${engine}${major}`;
}

export interface SslParameterGroupOptions {
  /** AWS name of the group. */
  readonly name: string;
  /** `postgres16` or `aurora-postgresql16`. */
  readonly family: string;
  readonly description: string;
  readonly tags: Record<string, string>;
}

/** An RDS DB parameter group that forces TLS 1.2+. */
export function sslDbParameterGroup(scope: Construct, id: string, o: SslParameterGroupOptions): DbParameterGroup {
  return new DbParameterGroup(scope, id, { name: o.name, family: o.family, description: o.description, parameter: SSL_PARAMETERS.map((p) => ({ ...p })), tags: o.tags });
}

/** An Aurora cluster parameter group that forces TLS 1.2+ (Aurora reads SSL settings from the cluster group). */
export function sslClusterParameterGroup(scope: Construct, id: string, o: SslParameterGroupOptions): RdsClusterParameterGroup {
  return new RdsClusterParameterGroup(scope, id, { name: o.name, family: o.family, description: o.description, parameter: SSL_PARAMETERS.map((p) => ({ ...p })), tags: o.tags });
}
