import { PostgresInstance, PostgresInstanceProps } from '../../../constructs/database/postgres-instance';
import { DEV, PROD, resourcesOf, synthJson, TerraformJson } from '../../support/synth';
import { hostStack } from '../../support/tenancy-fixtures';

type R = Record<string, unknown>;
const BASE: PostgresInstanceProps = { name: 'app', vpcId: 'vpc-1', subnetIds: ['subnet-db-a', 'subnet-db-b', 'subnet-db-c'], allowedSecurityGroups: { backendPods: 'sg-pods' } };
const PROD_WITH_DR = { ...PROD, additionalRegions: ['eu-central-1'] };

function build(props: Partial<PostgresInstanceProps> = {}, env = PROD): { db: PostgresInstance; json: TerraformJson } {
  const stack = hostStack(env);
  const db = new PostgresInstance(stack, 'db', { ...BASE, ...props });
  return { db, json: synthJson(stack) };
}
const only = (json: TerraformJson, type: string): R => {
  const all = Object.values(resourcesOf(json, type));
  expect(all).toHaveLength(1);
  return all[0]!;
};
const nameOf = (json: TerraformJson, type: string) => Object.keys(resourcesOf(json, type))[0]!;

describe('PostgresInstance', () => {
  const { db, json } = build();

  test('Multi-AZ in production, encrypted with its own rotating key, managed password, IAM auth, gp3 with autoscaling, protected', () => {
    const key = nameOf(json, 'aws_kms_key');
    expect(only(json, 'aws_kms_key').enable_key_rotation).toBe(true);
    expect(only(json, 'aws_db_instance')).toMatchObject({
      identifier: 'prod-app',
      engine: 'postgres',
      engine_version: '16',
      multi_az: true,
      storage_encrypted: true,
      kms_key_id: `\${aws_kms_key.${key}.arn}`,
      manage_master_user_password: true,
      iam_database_authentication_enabled: true,
      allocated_storage: 100,
      max_allocated_storage: 200,
      publicly_accessible: false,
      deletion_protection: true,
      backup_retention_period: 14,
      lifecycle: { prevent_destroy: true },
    });
  });

  test('the master password is rotated every 30 days by Secrets Manager', () => {
    expect(only(json, 'aws_secretsmanager_secret_rotation')).toMatchObject({
      secret_id: `\${aws_db_instance.${nameOf(json, 'aws_db_instance')}.master_user_secret[0].secret_arn}`,
      rotation_rules: { automatically_after_days: 30 },
      rotate_immediately: false,
    });
    expect(db.masterUserSecretArn).toBeDefined();
  });

  test('TLS is forced by a parameter group', () => {
    expect(only(json, 'aws_db_parameter_group')).toMatchObject({ family: 'postgres16', parameter: expect.arrayContaining([expect.objectContaining({ name: 'rds.force_ssl', value: '1' })]) });
    expect(only(json, 'aws_db_instance').parameter_group_name).toBe(`\${aws_db_parameter_group.${nameOf(json, 'aws_db_parameter_group')}.name}`);
  });

  test('AWS Backup: a vault under the key, a daily plan kept a year, a selection of the database by a backup-only role', () => {
    const key = nameOf(json, 'aws_kms_key');
    expect(only(json, 'aws_backup_vault').kms_key_arn).toBe(`\${aws_kms_key.${key}.arn}`);
    const plan = only(json, 'aws_backup_plan');
    expect(plan.rule).toMatchObject([{ schedule: 'cron(0 3 * * ? *)', lifecycle: { delete_after: 365 } }]);
    expect((plan.rule as R[])[0]!.copy_action).toBeUndefined();
    expect(only(json, 'aws_backup_selection').resources).toEqual([`\${aws_db_instance.${nameOf(json, 'aws_db_instance')}.arn}`]);
    expect(JSON.parse(only(json, 'aws_iam_role').assume_role_policy as string).Statement[0].Principal).toEqual({ Service: 'backup.amazonaws.com' });
  });

  test('a cross-region copy goes to the named vault, kept as long as asked', () => {
    const vault = 'arn:aws:backup:eu-central-1:111111111111:backup-vault:dr';
    const rule = (only(build({ backup: { copyTo: { destinationVaultArn: vault, retentionDays: 90 } } }, PROD_WITH_DR).json, 'aws_backup_plan').rule as R[])[0]!;
    expect(rule.copy_action).toEqual([{ destination_vault_arn: vault, lifecycle: { delete_after: 90 } }]);
  });

  test('backup: false leaves only automated backups', () => {
    const { json: j } = build({ backup: false });
    expect(resourcesOf(j, 'aws_backup_plan')).toEqual({});
    expect(resourcesOf(j, 'aws_backup_vault')).toEqual({});
  });

  test('read replicas replicate the primary, encrypted, TLS-forced, private, in its security group', () => {
    const { db: d, json: j } = build({ readReplicas: 2, replicaInstanceClass: 'db.r7g.large' });
    const replicas = Object.entries(resourcesOf(j, 'aws_db_instance')).filter(([, r]) => r.replicate_source_db !== undefined);
    expect(replicas).toHaveLength(2);
    expect(d.replicaEndpoints).toHaveLength(2);
    for (const [, r] of replicas) {
      expect(r).toMatchObject({ instance_class: 'db.r7g.large', storage_encrypted: true, publicly_accessible: false, parameter_group_name: expect.stringContaining('aws_db_parameter_group'), skip_final_snapshot: true });
      expect(r.manage_master_user_password).toBeUndefined();
    }
  });

  test('dev defaults to a single AZ', () => {
    expect(only(build({}, DEV).json, 'aws_db_instance').multi_az).toBe(false);
  });

  test.each([
    ['rotation 0 days', { passwordRotationDays: 0 }, /\[TF-DB-005\]/],
    ['6 replicas', { readReplicas: 6 }, /\[TF-DB-007\]/],
    ['bad class', { instanceClass: 'db.x9.huge' }, /\[TF-DB-004\].*instanceClass/],
    ['storage 10', { storageGiB: 10 }, /\[TF-DB-004\].*storageGiB/],
    ['max storage below storage', { storageGiB: 100, maxStorageGiB: 50 }, /\[TF-DB-004\].*maxStorageGiB/],
    ['schedule not cron', { backup: { schedule: 'daily' } }, /\[TF-DB-006\]/],
    ['copy to the same region', { backup: { copyTo: { destinationVaultArn: 'arn:aws:backup:eu-west-1:111111111111:backup-vault:dr' } } }, /\[TF-DB-008\]/],
    ['deletion protection off in production', { deletionProtection: false }, /\[TF-DB-002\]/],
    ['backup true', { backup: true as never }, /\[TF-PRP-/],
  ])('%s is refused', (_, props, error) => {
    expect(() => build(props as Partial<PostgresInstanceProps>, PROD_WITH_DR)).toThrow(error);
  });
});
