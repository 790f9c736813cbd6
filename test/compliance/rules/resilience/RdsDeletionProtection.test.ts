import { RdsDeletionProtection } from '../../../../compliance/rules/resilience';
import { fixtureStack, verdicts } from '../../../support/rules-fixtures';

import { dbs } from './rds-fixtures';

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
