import { RdsMasterPasswordRotated } from '../../../../compliance/rules/least-privilege';
import { fixtureStack, ref, verdicts } from '../../../support/rules-fixtures';

describe('TF-LP-41 RdsMasterPasswordRotated', () => {
  it('requires Secrets Manager to manage the master password', () => {
    const stack = fixtureStack({
      aws_db_instance: {
        managed: { engine: 'postgres', manage_master_user_password: true },
        literal: { engine: 'postgres', password: 'hunter22' },
        from_var: { engine: 'postgres', password: ref('var.password') },
        nothing: { engine: 'postgres' },
        replica: { replicate_source_db: ref('aws_db_instance.managed.identifier') },
        flag_var: { engine: 'postgres', manage_master_user_password: ref('var.m') },
        snapshot: { snapshot_identifier: 'snap-1' },
      },
      aws_rds_cluster: { managed: { engine: 'aurora-postgresql', manage_master_user_password: 'true' }, literal: { engine: 'aurora-postgresql', master_password: 'x' } },
    });
    expect(verdicts(RdsMasterPasswordRotated, stack)).toEqual({
      fail: ['aws_db_instance.from_var', 'aws_db_instance.literal', 'aws_db_instance.nothing', 'aws_rds_cluster.literal'],
      unknown: ['aws_db_instance.flag_var', 'aws_db_instance.snapshot'],
      pass: ['aws_db_instance.managed', 'aws_db_instance.replica', 'aws_rds_cluster.managed'],
    });
  });
});
