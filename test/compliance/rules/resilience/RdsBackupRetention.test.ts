import { RdsBackupRetention } from '../../../../compliance/rules/resilience';
import { fixtureStack, ref, verdicts } from '../../../support/rules-fixtures';

const dbs = {
  aws_db_instance: {
    solid: { backup_retention_period: 7, deletion_protection: true, multi_az: true },
    flimsy: { backup_retention_period: 1 },
    defaults: {},
    replica: { replicate_source_db: ref('aws_db_instance.solid.identifier') },
    from_var: { backup_retention_period: ref('var.days'), deletion_protection: ref('var.p'), multi_az: ref('var.m') },
  },
  aws_rds_cluster: { pair: { cluster_identifier: 'pair', backup_retention_period: 14, deletion_protection: true }, lone: { cluster_identifier: 'lone' } },
  aws_rds_cluster_instance: {
    pair_a: { cluster_identifier: ref('aws_rds_cluster.pair.id') },
    pair_b: { cluster_identifier: ref('aws_rds_cluster.pair.cluster_identifier') },
    lone_a: { cluster_identifier: ref('aws_rds_cluster.lone.id') },
  },
};

describe('TF-RES-1 RdsBackupRetention', () => {
  it('needs 7+ days; replicas are skipped', () => {
    expect(verdicts(RdsBackupRetention, fixtureStack(dbs))).toEqual({
      fail: ['aws_db_instance.defaults', 'aws_db_instance.flimsy', 'aws_rds_cluster.lone'],
      unknown: ['aws_db_instance.from_var'],
      pass: ['aws_db_instance.solid', 'aws_rds_cluster.pair'],
    });
  });

  it('reads numeric strings; 0 disables backups', () => {
    const stack = fixtureStack({ aws_db_instance: { string_days: { backup_retention_period: '14' }, off: { backup_retention_period: 0 }, string_short: { backup_retention_period: '3' } } });
    expect(verdicts(RdsBackupRetention, stack)).toEqual({ fail: ['aws_db_instance.off', 'aws_db_instance.string_short'], unknown: [], pass: ['aws_db_instance.string_days'] });
  });
});
