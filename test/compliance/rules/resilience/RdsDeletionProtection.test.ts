import { RdsDeletionProtection } from '../../../../compliance/rules/resilience';
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

describe('TF-RES-2 RdsDeletionProtection', () => {
  it('applies in prod, not in dev, and is unknown without an environment', () => {
    expect(verdicts(RdsDeletionProtection, fixtureStack(dbs))).toEqual({
      fail: ['aws_db_instance.defaults', 'aws_db_instance.flimsy', 'aws_rds_cluster.lone'],
      unknown: ['aws_db_instance.from_var'],
      pass: ['aws_db_instance.solid', 'aws_rds_cluster.pair'],
    });
    expect(verdicts(RdsDeletionProtection, fixtureStack(dbs, { environment: 'dev' }))).toEqual({ fail: [], unknown: [], pass: [] });
    expect(verdicts(RdsDeletionProtection, fixtureStack({ aws_db_instance: { x: { deletion_protection: true } } }, { environment: null }))).toEqual({ fail: [], unknown: ['aws_db_instance.x'], pass: [] });
  });

  it('reads string booleans', () => {
    const stack = fixtureStack({ aws_db_instance: { on: { deletion_protection: 'true' }, off: { deletion_protection: 'false' } } });
    expect(verdicts(RdsDeletionProtection, stack)).toEqual({ fail: ['aws_db_instance.off'], unknown: [], pass: ['aws_db_instance.on'] });
  });
});
