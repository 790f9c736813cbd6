import { ref } from '../../../support/rules-fixtures';

/** RDS instances and clusters shared by the RDS resilience rules' tests: solid, flimsy, defaults, a replica, unresolved values, clusters of two and one. */
export const dbs = {
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
