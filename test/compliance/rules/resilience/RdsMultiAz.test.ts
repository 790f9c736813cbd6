import { RdsMultiAz } from '../../../../compliance/rules/resilience';
import { fixtureStack, ref, verdicts } from '../../../support/rules-fixtures';

import { dbs } from './rds-fixtures';

describe('TF-RES-3 RdsMultiAz', () => {
  it('needs Multi-AZ instances and two-instance clusters in prod', () => {
    expect(verdicts(RdsMultiAz, fixtureStack(dbs))).toEqual({
      fail: ['aws_db_instance.defaults', 'aws_db_instance.flimsy', 'aws_rds_cluster.lone'],
      unknown: ['aws_db_instance.from_var'],
      pass: ['aws_db_instance.solid', 'aws_rds_cluster.pair'],
    });
  });

  it('counts instances made with a literal count or for_each; a computed one is unknown', () => {
    const stack = fixtureStack({
      aws_rds_cluster: { counted: { cluster_identifier: 'counted' }, keyed: { cluster_identifier: 'keyed' }, single_count: { cluster_identifier: 'single' }, computed: { cluster_identifier: 'computed' } },
      aws_rds_cluster_instance: {
        c: { count: 2, cluster_identifier: ref('aws_rds_cluster.counted.id') },
        k: { for_each: { a: 1, b: 2 }, cluster_identifier: ref('aws_rds_cluster.keyed.id') },
        s: { count: '1', cluster_identifier: ref('aws_rds_cluster.single_count.id') },
        v: { count: ref('var.n'), cluster_identifier: ref('aws_rds_cluster.computed.id') },
      },
    });
    expect(verdicts(RdsMultiAz, stack)).toEqual({ fail: ['aws_rds_cluster.single_count'], unknown: ['aws_rds_cluster.computed'], pass: ['aws_rds_cluster.counted', 'aws_rds_cluster.keyed'] });
  });

  it('a Multi-AZ DB cluster needs no instance resources; a cluster instance with an unresolved cluster makes a lone cluster unknown', () => {
    const stack = fixtureStack({
      aws_rds_cluster: { maz: { engine: 'postgres', db_cluster_instance_class: 'db.m6gd.large' }, lone: { cluster_identifier: 'lone' } },
      aws_rds_cluster_instance: { x: { cluster_identifier: ref('var.cluster') } },
    });
    expect(verdicts(RdsMultiAz, stack)).toEqual({ fail: [], unknown: ['aws_rds_cluster.lone'], pass: ['aws_rds_cluster.maz'] });
  });
});
