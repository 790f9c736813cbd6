import { RdsStorageEncrypted } from '../../../../compliance/rules/encryption';
import { fixtureStack, ref, verdicts } from '../../../support/rules-fixtures';

describe('TF-ENC-3 RdsStorageEncrypted', () => {
  it('requires storage encryption with a customer-managed key on instances and clusters', () => {
    const stack = fixtureStack({
      aws_kms_key: { db: { enable_key_rotation: true } },
      aws_db_instance: {
        good: { engine: 'postgres', storage_encrypted: true, kms_key_id: ref('aws_kms_key.db.arn') },
        plain: { engine: 'postgres' },
        default_key: { engine: 'postgres', storage_encrypted: true },
        replica: { replicate_source_db: ref('aws_db_instance.good.identifier') },
        from_var: { engine: 'postgres', storage_encrypted: true, kms_key_id: ref('var.db_key') },
      },
      aws_rds_cluster: {
        aurora: { engine: 'aurora-postgresql', storage_encrypted: true, kms_key_id: ref('aws_kms_key.db.arn') },
        aurora_plain: { engine: 'aurora-postgresql' },
        serverless_v1: { engine: 'aurora-mysql', engine_mode: 'serverless', kms_key_id: ref('aws_kms_key.db.arn') },
      },
    });
    expect(verdicts(RdsStorageEncrypted, stack)).toEqual({
      fail: ['aws_db_instance.default_key', 'aws_db_instance.plain', 'aws_rds_cluster.aurora_plain'],
      unknown: ['aws_db_instance.from_var'],
      pass: ['aws_db_instance.good', 'aws_db_instance.replica', 'aws_rds_cluster.aurora', 'aws_rds_cluster.serverless_v1'],
    });
  });
});
