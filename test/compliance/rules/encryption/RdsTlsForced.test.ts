import { RdsTlsForced } from '../../../../compliance/rules/encryption';
import { fixtureStack, ref, verdicts } from '../../../support/rules-fixtures';

const ssl = (value: unknown) => ({ family: 'postgres16', parameter: [{ name: 'rds.force_ssl', value }] });

describe('TF-ENC-41 RdsTlsForced', () => {
  it('reads the parameter group the database uses, and the PostgreSQL 15+ default', () => {
    const stack = fixtureStack({
      aws_db_parameter_group: { on: ssl('1'), off: ssl('0'), silent: { family: 'postgres16', parameter: { name: 'log_connections', value: '1' } }, mysql_on: { family: 'mysql8.0', parameter: { name: 'require_secure_transport', value: 'ON' } }, var_value: ssl(ref('var.v')) },
      aws_rds_cluster_parameter_group: { aurora_on: { family: 'aurora-postgresql16', parameter: [{ name: 'rds.force_ssl', value: 1 }] } },
      aws_db_instance: {
        forced: { engine: 'postgres', engine_version: '14', parameter_group_name: ref('aws_db_parameter_group.on.name') },
        off: { engine: 'postgres', parameter_group_name: ref('aws_db_parameter_group.off.name') },
        silent: { engine: 'postgres', engine_version: '14', parameter_group_name: ref('aws_db_parameter_group.silent.name') },
        default_16: { engine: 'postgres', engine_version: '16.3' },
        default_14: { engine: 'postgres', engine_version: '14.9' },
        mysql: { engine: 'mysql', parameter_group_name: ref('aws_db_parameter_group.mysql_on.id') },
        outside: { engine: 'postgres', parameter_group_name: 'shared-group' },
        var_value: { engine: 'postgres', parameter_group_name: ref('aws_db_parameter_group.var_value.name') },
        replica: { replicate_source_db: ref('aws_db_instance.forced.identifier'), parameter_group_name: ref('aws_db_parameter_group.on.name') },
        replica_default: { replicate_source_db: ref('aws_db_instance.forced.identifier') },
        replica_outside: { replicate_source_db: 'arn:aws:rds:eu-west-1:111111111111:db:elsewhere', parameter_group_name: ref('aws_db_parameter_group.on.name') },
      },
      aws_rds_cluster: {
        aurora: { engine: 'aurora-postgresql', db_cluster_parameter_group_name: ref('aws_rds_cluster_parameter_group.aurora_on.name') },
        aurora_default: { engine: 'aurora-postgresql', engine_version: '16.6' },
      },
    });
    expect(verdicts(RdsTlsForced, stack)).toEqual({
      fail: ['aws_db_instance.default_14', 'aws_db_instance.off', 'aws_db_instance.replica_default', 'aws_db_instance.silent', 'aws_rds_cluster.aurora_default'],
      unknown: ['aws_db_instance.outside', 'aws_db_instance.replica_outside', 'aws_db_instance.var_value'],
      pass: ['aws_db_instance.default_16', 'aws_db_instance.forced', 'aws_db_instance.mysql', 'aws_db_instance.replica', 'aws_rds_cluster.aurora'],
    });
  });
});
