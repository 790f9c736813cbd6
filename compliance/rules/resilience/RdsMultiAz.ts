import { Rule, RuleOutcome } from '../../types';
import { decide } from '../_shared/outcomes';
import { boolOf, isSet, pointsAt, resourcesOf } from '../_shared/values';
import { isProd } from './_support';

/** TF-RES-3: production databases survive the loss of one AZ. */
export const RdsMultiAz: Rule = {
  meta: {
    id: 'TF-RES-3',
    title: 'Ensure production RDS instances are Multi-AZ and Aurora clusters have at least two instances',
    category: 'resilience',
    level: 'error',
    resourceTypes: ['aws_db_instance', 'aws_rds_cluster', 'aws_rds_cluster_instance'],
    remediation:
      'Set `multi_az = true` on `aws_db_instance` in prod; give an Aurora cluster a second `aws_rds_cluster_instance` (a reader in another AZ) so a failover has somewhere to go.',
    references: { cis: 'CIS AWS v5.0.0 3.2.4', checkov: ['CKV_AWS_157'], cdkNag: ['AwsSolutions-RDS3'] },
    invariant: false,
  },
  check(stack) {
    const prod = isProd(stack);
    if (prod === false) return [];
    const outcomes: RuleOutcome[] = [];
    for (const db of resourcesOf(stack, 'aws_db_instance')) {
      if (isSet(db.values.replicate_source_db)) continue;
      if (prod === 'unknown') {
        outcomes.push(decide(db.address, [], ['the stack declares no environment'], ''));
        continue;
      }
      const multiAz = boolOf(db.values.multi_az, false);
      if (multiAz === 'unknown') outcomes.push(decide(db.address, [], ['multi_az is unresolved'], ''));
      else outcomes.push(decide(db.address, multiAz ? [] : ['single-AZ database in prod'], [], 'Multi-AZ'));
    }
    const instances = resourcesOf(stack, 'aws_rds_cluster_instance');
    for (const cluster of resourcesOf(stack, 'aws_rds_cluster')) {
      if (prod === 'unknown') {
        outcomes.push(decide(cluster.address, [], ['the stack declares no environment'], ''));
        continue;
      }
      const members = instances.filter((i) => pointsAt(i.values.cluster_identifier, cluster, ['cluster_identifier']));
      // A counted instance resource stands for several instances the JSON does not enumerate.
      const counted = members.some((m) => m.values.count !== undefined || m.values.for_each !== undefined);
      if (counted) outcomes.push(decide(cluster.address, [], ['its instances are created with count/for_each'], ''));
      else outcomes.push(decide(cluster.address, members.length >= 2 ? [] : [`${members.length} instance(s); a failover needs a second one`], [], `${members.length} instances`));
    }
    return outcomes;
  },
};
