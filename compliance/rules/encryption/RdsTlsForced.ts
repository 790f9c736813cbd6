import { blocksOf, checkEach, decide, defineRule, isSet, isUnresolved, stackIndex } from '../../rule-kit';
import { ResourceModel, StackModel } from '../../types';

/** Per engine family: the parameter that refuses plaintext connections, and the values that turn it on. */
const TLS_PARAMETER: ReadonlyArray<{ readonly engine: RegExp; readonly name: string; readonly on: readonly string[] }> = [
  { engine: /postgres/, name: 'rds.force_ssl', on: ['1'] },
  { engine: /mysql|mariadb/, name: 'require_secure_transport', on: ['1', 'ON', 'on', 'true'] },
  { engine: /sqlserver/, name: 'rds.force_ssl', on: ['1'] },
];

/** RDS for PostgreSQL 15 and later defaults `rds.force_ssl` to 1 in its default parameter group. */
const POSTGRES_FORCE_SSL_DEFAULT_MAJOR = 15;

/** TF-ENC-41: RDS instances and Aurora clusters refuse connections without TLS. */
export const RdsTlsForced = defineRule(
  {
    id: 'TF-ENC-41',
    title: 'Ensure RDS instances and Aurora clusters refuse connections without TLS (rds.force_ssl / require_secure_transport)',
    category: 'encryption',
    level: 'error',
    resourceTypes: ['aws_db_instance', 'aws_rds_cluster'],
    remediation:
      'Attach a parameter group (`aws_db_parameter_group`; for Aurora the cluster group, `aws_rds_cluster_parameter_group`) with `rds.force_ssl = 1` (PostgreSQL, SQL Server) or `require_secure_transport = ON` (MySQL, MariaDB). RDS for PostgreSQL 15+ on its default group already forces TLS; every other default does not. A group the gate cannot see in the stack is unknown.',
    references: { checkov: ['CKV2_AWS_69'], cdkNag: [] },
  },
  (stack) =>
    checkEach(stack, ['aws_db_instance', 'aws_rds_cluster'], (db) => {
      let engine = db.values.engine;
      if (db.type === 'aws_db_instance' && !isSet(engine) && isSet(db.values.replicate_source_db)) {
        // A replica runs its source's engine; a source outside the stack leaves it unknown.
        const source = stackIndex(stack).resolve(db.values.replicate_source_db, ['aws_db_instance'], ['identifier']);
        if (source === undefined || source === 'unknown') return decide(db.address, [], ['a read replica of a database outside this stack: its engine and so its TLS parameter cannot be read'], '');
        engine = source.values.engine;
      }
      if (isUnresolved(engine)) return decide(db.address, [], ['engine is unresolved'], '');
      const family = TLS_PARAMETER.find((f) => typeof engine === 'string' && f.engine.test(engine));
      if (family === undefined) return decide(db.address, [], [`engine ${JSON.stringify(engine)} has no TLS parameter this rule knows`], '');
      const groupAttribute = db.type === 'aws_rds_cluster' ? 'db_cluster_parameter_group_name' : 'parameter_group_name';
      const groupType = db.type === 'aws_rds_cluster' ? 'aws_rds_cluster_parameter_group' : 'aws_db_parameter_group';
      const written = db.values[groupAttribute];
      if (!isSet(written)) {
        if (db.type === 'aws_db_instance' && engine === 'postgres' && majorOf(db.values.engine_version) >= POSTGRES_FORCE_SSL_DEFAULT_MAJOR) return decide(db.address, [], [], 'RDS for PostgreSQL 15+ forces TLS in its default parameter group');
        return decide(db.address, [`no ${groupType} sets ${family.name}; the engine default accepts plaintext connections`], [], '');
      }
      return judgeGroup(stack, db, groupType, written, family);
    }),
);

function judgeGroup(stack: StackModel, db: ResourceModel, groupType: string, written: unknown, family: (typeof TLS_PARAMETER)[number]) {
  const group = stackIndex(stack).resolve(written, [groupType], ['name']);
  if (group === undefined || group === 'unknown') return decide(db.address, [], [`parameter group ${String(written)} is not in this stack`], '');
  if (isUnresolved(group.values.parameter)) return decide(db.address, [], [`${group.address}.parameter is unresolved`], '');
  const setting = blocksOf(group.values.parameter).filter((p) => p.name === family.name);
  if (setting.length === 0) return decide(db.address, [`${group.address} does not set ${family.name}`], [], '');
  const value = setting[setting.length - 1]!.value;
  if (isUnresolved(value)) return decide(db.address, [], [`${group.address} sets ${family.name} to an unresolved value`], '');
  const on = family.on.includes(String(value));
  return decide(db.address, on ? [] : [`${group.address} sets ${family.name} to ${JSON.stringify(value)}`], [], `${group.address} forces TLS (${family.name})`);
}

function majorOf(version: unknown): number {
  const m = typeof version === 'string' && !isUnresolved(version) ? /^(\d+)/.exec(version) : null;
  return m ? Number(m[1]) : 0;
}
