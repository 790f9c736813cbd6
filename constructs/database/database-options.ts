import { Environment, isProduction } from '../../core/environment';
import { ErrorCode, TenantformError } from '../../core/errors';
import { RETENTION_LIMITS } from './engine-limits';

/** What both standalone PostgreSQL constructs take. */
export interface PostgresCommonProps {
  /** Short lowercase label; the AWS names are `<environment>-<name>`. */
  readonly name: string;
  /** VPC of the database. */
  readonly vpcId: string;
  /** Private subnets reserved for databases, in at least two AZs. */
  readonly subnetIds: readonly string[];
  /**
   * Security groups whose members may connect on the database port, by a
   * stable label (the label names the ingress rule): `{ backendPods: sg.id }`.
   */
  readonly allowedSecurityGroups: Readonly<Record<string, string>>;
  /**
   * Customer-managed key for storage, the master secret and backups.
   * @default - a key of its own, rotated yearly, usable only through RDS, Secrets Manager and Backup
   */
  readonly kmsKeyArn?: string;
  /**
   * PostgreSQL version.
   * @default '16' for RDS, '16.6' for Aurora
   */
  readonly engineVersion?: string;
  /**
   * A standby (RDS) or reader (Aurora) in a second AZ.
   * @default - true in a production environment, false elsewhere
   */
  readonly multiAz?: boolean;
  /**
   * Refuse API deletion of the database. Production databases always have it (TF-DB-002).
   * @default true
   */
  readonly deletionProtection?: boolean;
  /**
   * Days automated backups are kept (1-35).
   * @default 14
   */
  readonly backupRetentionDays?: number;
  /**
   * Port the database listens on (1024-65535).
   * @default 5432
   */
  readonly port?: number;
  /**
   * A database created at launch (a PostgreSQL identifier).
   * @default - none; only the `postgres` database
   */
  readonly databaseName?: string;
}

export interface CommonSettings {
  readonly identifier: string;
  readonly multiAz: boolean;
  readonly deletionProtection: boolean;
  readonly backupRetentionDays: number;
  readonly port: number;
}

const NAME = /^[a-z](?:[a-z0-9-]{0,28}[a-z0-9])?$/;
const DATABASE_NAME = /^[a-z][a-z0-9_]{0,62}$/;
const LABEL = /^[A-Za-z][A-Za-z0-9-]{0,62}$/;

/** Checks the props both constructs share and fills in their defaults. */
export function resolveCommon(props: PostgresCommonProps, env: Environment, where: string): CommonSettings {
  if (!NAME.test(props.name) || props.name.includes('--')) {
    throw new TenantformError({ code: 'TF-DB-001', where, problem: 'name must be 1-30 lowercase letters, digits and single hyphens, starting with a letter.', value: props.name, fix: 'use a short label such as "app" or "orders".' });
  }
  if (props.subnetIds.length < 2 || new Set(props.subnetIds).size !== props.subnetIds.length) {
    throw new TenantformError({ code: 'TF-DB-003', where, problem: 'a DB subnet group needs at least two distinct subnets, in different AZs.', value: props.subnetIds, fix: "pass the VPC's database subnets, one per AZ." });
  }
  const labels = Object.keys(props.allowedSecurityGroups);
  if (labels.length === 0) {
    throw new TenantformError({ code: 'TF-DB-003', where, problem: 'no security group may connect, so nothing could use the database.', value: props.allowedSecurityGroups, fix: 'name the client security groups, e.g. { backendPods: pods.securityGroupId }.' });
  }
  const badLabel = labels.find((l) => !LABEL.test(l));
  if (badLabel !== undefined) {
    throw new TenantformError({ code: 'TF-DB-003', where, problem: 'each allowed security group label must be a letter then up to 62 letters, digits or hyphens (it names a Terraform resource).', value: badLabel, fix: 'use a label such as "backendPods".' });
  }
  const deletionProtection = props.deletionProtection ?? true;
  if (!deletionProtection && isProduction(env)) {
    throw new TenantformError({ code: 'TF-DB-002', where, problem: `environment "${env.name}" is production, and its databases keep deletion protection.`, value: { deletionProtection: props.deletionProtection }, fix: 'leave deletionProtection unset (true); to retire a production database, turn it off in a reviewed change of its own.' });
  }
  const backupRetentionDays = props.backupRetentionDays ?? 14;
  inRange('TF-DB-004', 'backupRetentionDays', backupRetentionDays, RETENTION_LIMITS.managed.min, RETENTION_LIMITS.managed.max, where);
  const port = props.port ?? 5432;
  inRange('TF-DB-004', 'port', port, 1024, 65535, where);
  if (props.databaseName !== undefined && !DATABASE_NAME.test(props.databaseName)) {
    throw new TenantformError({ code: 'TF-DB-001', where, problem: 'databaseName must be a lowercase PostgreSQL identifier (letter, then letters, digits, underscores; at most 63).', value: props.databaseName, fix: 'use e.g. "app".' });
  }
  return { identifier: `${env.name}-${props.name}`, multiAz: props.multiAz ?? isProduction(env), deletionProtection, backupRetentionDays, port };
}

/** An integer (or, with `integer` false, a finite number) in [min, max], else a coded error. */
export function inRange(code: ErrorCode, name: string, value: number, min: number, max: number, where: string, integer = true): void {
  if (!Number.isFinite(value) || (integer && !Number.isInteger(value)) || value < min || value > max) {
    throw new TenantformError({ code, where, problem: `${name} must be ${integer ? 'an integer ' : ''}between ${min} and ${max}.`, value, fix: `pick a value in ${min}-${max}.` });
  }
}
