import { boolOf, checkEach, decide, defineRule, isRecord, isSet, isUnresolved, numberOf } from '../../rule-kit';
import { ResourceModel } from '../../types';
import { companionIndex } from '../../rule-helpers/links';
import { isProd } from '../../rule-helpers/posture';

/** How many instances one `aws_rds_cluster_instance` block creates; `'unknown'` when count/for_each is computed. */
function instancesOf(member: ResourceModel): number | 'unknown' {
  const { count, for_each: forEach } = member.values;
  if (count !== undefined) {
    const n = numberOf(count);
    return typeof n === 'number' ? n : 'unknown';
  }
  if (forEach !== undefined) {
    if (isUnresolved(forEach)) return 'unknown';
    if (Array.isArray(forEach)) return new Set(forEach).size;
    return isRecord(forEach) ? Object.keys(forEach).length : 'unknown';
  }
  return 1;
}

/** TF-RES-3: production databases survive the loss of one AZ. */
export const RdsMultiAz = defineRule(
  {
    id: 'TF-RES-3',
    title: 'Ensure production RDS instances are Multi-AZ and Aurora clusters have at least two instances',
    category: 'resilience',
    level: 'error',
    resourceTypes: ['aws_db_instance', 'aws_rds_cluster', 'aws_rds_cluster_instance'],
    remediation:
      'Set `multi_az = true` on `aws_db_instance` in prod; give an Aurora cluster a second `aws_rds_cluster_instance` (a reader in another AZ) so a failover has somewhere to go. A Multi-AZ DB cluster (`db_cluster_instance_class` on a MySQL or PostgreSQL `aws_rds_cluster`) always runs three instances.',
    references: { cis: 'CIS AWS v5.0.0 2.2.4', checkov: ['CKV_AWS_157'], cdkNag: ['AwsSolutions-RDS3'] },
  },
  (stack) => {
    const prod = isProd(stack);
    if (prod === false) return [];
    const membersOf = companionIndex(stack, ['aws_rds_cluster'], ['aws_rds_cluster_instance'], 'cluster_identifier', ['cluster_identifier']);
    return checkEach(stack, ['aws_db_instance', 'aws_rds_cluster'], (db) => {
      if (db.type === 'aws_db_instance' && isSet(db.values.replicate_source_db)) return [];
      if (prod === 'unknown') return decide(db.address, [], ['the stack declares no environment'], '');
      if (db.type === 'aws_db_instance') {
        const multiAz = boolOf(db.values.multi_az, false);
        if (multiAz === 'unknown') return decide(db.address, [], ['multi_az is unresolved'], '');
        return decide(db.address, multiAz ? [] : ['single-AZ database in prod'], [], 'Multi-AZ');
      }
      if (isSet(db.values.db_cluster_instance_class)) {
        const engine = db.values.engine;
        if (isUnresolved(engine)) return decide(db.address, [], ['engine is unresolved'], '');
        if (engine === 'mysql' || engine === 'postgres') return decide(db.address, [], [], 'Multi-AZ DB cluster');
      }
      const { matches, ambiguous } = membersOf(db);
      let total = 0;
      for (const member of matches) {
        const n = instancesOf(member);
        if (n === 'unknown') return decide(db.address, [], [`${member.address} is created with a computed count/for_each`], '');
        total += n;
      }
      if (total >= 2) return decide(db.address, [], [], `${total} instances`);
      if (ambiguous) return decide(db.address, [], ['a cluster instance names a cluster that cannot be resolved'], '');
      return decide(db.address, [`${total} instance(s); a failover needs a second one`], [], '');
    });
  },
);
