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

  it('a replica of a database outside the stack inherits encryption the gate cannot see: unknown', () => {
    const stack = fixtureStack({
      aws_db_instance: {
        source: { identifier: 'src', engine: 'postgres', storage_encrypted: true, kms_key_id: 'arn:aws:kms:eu-west-1:111111111111:key/1' },
        by_literal: { replicate_source_db: 'src' },
        external: { replicate_source_db: 'arn:aws:rds:eu-west-2:111111111111:db:elsewhere' },
        from_var: { replicate_source_db: ref('var.source') },
        string_flag: { engine: 'postgres', storage_encrypted: 'false', kms_key_id: 'arn:aws:kms:eu-west-1:111111111111:key/1' },
      },
      aws_rds_cluster: { mode_var: { engine: 'aurora-mysql', engine_mode: ref('var.mode'), kms_key_id: 'arn:aws:kms:eu-west-1:111111111111:key/1' } },
    });
    expect(verdicts(RdsStorageEncrypted, stack)).toEqual({
      fail: ['aws_db_instance.string_flag', 'aws_rds_cluster.mode_var'],
      unknown: ['aws_db_instance.external', 'aws_db_instance.from_var'],
      pass: ['aws_db_instance.by_literal', 'aws_db_instance.source'],
    });
  });
});
