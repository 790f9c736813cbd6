import { AuroraPostgresCluster, AuroraPostgresClusterProps } from '../../../constructs/database/aurora-postgres-cluster';
import { DEV, PROD, resourcesOf, synthJson, TerraformJson } from '../../support/synth';
import { hostStack } from '../../support/tenancy-fixtures';

type R = Record<string, unknown>;
const BASE: AuroraPostgresClusterProps = { name: 'app', vpcId: 'vpc-1', subnetIds: ['subnet-db-a', 'subnet-db-b'], allowedSecurityGroups: { backendPods: 'sg-pods' } };

function build(props: Partial<AuroraPostgresClusterProps> = {}, env = PROD): { db: AuroraPostgresCluster; json: TerraformJson } {
  const stack = hostStack(env);
  const db = new AuroraPostgresCluster(stack, 'db', { ...BASE, ...props });
  return { db, json: synthJson(stack) };
}
const only = (json: TerraformJson, type: string): R => {
  const all = Object.values(resourcesOf(json, type));
  expect(all).toHaveLength(1);
  return all[0]!;
};

describe('AuroraPostgresCluster', () => {
  test('GIVEN no key WHEN built THEN it brings its own rotating key and encrypts storage and the master secret with it', () => {
    const { json } = build();
    const [keyName, key] = Object.entries(resourcesOf(json, 'aws_kms_key'))[0]!;
    expect(key).toMatchObject({ enable_key_rotation: true });
    expect(only(json, 'aws_rds_cluster')).toMatchObject({
      cluster_identifier: 'prod-app',
      storage_encrypted: true,
      kms_key_id: `\${aws_kms_key.${keyName}.arn}`,
      master_user_secret_kms_key_id: `\${aws_kms_key.${keyName}.arn}`,
      manage_master_user_password: true,
      deletion_protection: true,
      lifecycle: { prevent_destroy: true },
    });
  });

  test('a given key is used and no key is created', () => {
    const arn = `arn:aws:kms:eu-west-1:${PROD.accountId}:key/abc`;
    const { json } = build({ kmsKeyArn: arn });
    expect(resourcesOf(json, 'aws_kms_key')).toEqual({});
    expect(only(json, 'aws_rds_cluster').kms_key_id).toBe(arn);
  });

  test('its security group admits each named source on the port, and nothing else', () => {
    const { json } = build({ allowedSecurityGroups: { backendPods: 'sg-pods', migrations: 'sg-jobs' }, port: 6432 });
    const rules = Object.entries(resourcesOf(json, 'aws_vpc_security_group_ingress_rule'));
    expect(rules.map(([n, r]) => [n.replace(/_[A-F0-9]+$/, ''), r.referenced_security_group_id, r.from_port, r.to_port])).toEqual([
      ['db_ingress-from-backendPods', 'sg-pods', 6432, 6432],
      ['db_ingress-from-migrations', 'sg-jobs', 6432, 6432],
    ]);
    expect(resourcesOf(json, 'aws_vpc_security_group_egress_rule')).toEqual({});
    expect(only(json, 'aws_security_group').ingress).toBeUndefined();
  });

  test('TLS is forced by a cluster parameter group', () => {
    const { json } = build();
    expect(only(json, 'aws_rds_cluster_parameter_group')).toMatchObject({ family: 'aurora-postgresql16', parameter: expect.arrayContaining([expect.objectContaining({ name: 'rds.force_ssl', value: '1' })]) });
  });

  test('production gets a reader in a second AZ; dev one writer', () => {
    expect(Object.keys(resourcesOf(build().json, 'aws_rds_cluster_instance'))).toHaveLength(2);
    expect(Object.keys(resourcesOf(build({}, DEV).json, 'aws_rds_cluster_instance'))).toHaveLength(1);
  });

  test.each([
    ['deletion protection off in production', { deletionProtection: false }, PROD, /\[TF-DB-002\]/],
    ['one subnet', { subnetIds: ['subnet-a'] }, PROD, /\[TF-DB-003\].*two distinct subnets/],
    ['no sources', { allowedSecurityGroups: {} }, PROD, /\[TF-DB-003\].*no security group may connect/],
    ['bad name', { name: 'App_1' }, PROD, /\[TF-DB-001\]/],
    ['ACU half step', { minCapacityAcu: 0.7 }, PROD, /\[TF-DB-004\].*multiple of 0.5/],
    ['ACU min above max', { minCapacityAcu: 8, maxCapacityAcu: 4 }, PROD, /\[TF-DB-004\]/],
    ['retention 40', { backupRetentionDays: 40 }, PROD, /\[TF-DB-004\].*between 1 and 35/],
    ['bad version', { engineVersion: '9.6' }, PROD, /\[TF-DB-009\]/],
    ['unknown key', { extra: 1 } as never, PROD, /\[TF-PRP-001\]/],
  ])('%s is refused', (_, props, env, error) => {
    expect(() => build(props as Partial<AuroraPostgresClusterProps>, env)).toThrow(error);
  });

  test('deletion protection may be turned off outside production', () => {
    expect(only(build({ deletionProtection: false }, DEV).json, 'aws_rds_cluster').deletion_protection).toBe(false);
  });
});
