import { RdsBackupRetention } from '../../../../compliance/rules/resilience';
import { fixtureStack, verdicts } from '../../../support/rules-fixtures';

import { dbs } from './rds-fixtures';

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
