import { TenantDatabase } from '../../../constructs/database/tenant-database';
import { TenantDatabaseProps } from '../../../constructs/database/tenant-database-props';
import { DEV, PROD, resourcesOf, synthJson, TerraformJson } from '../../support/synth';
import { hostStack, IMAGE, placementOf, PLATFORM, platformIn } from '../../support/tenancy-fixtures';

type R = Record<string, unknown>;
/** Any engine's props, loosely: the cases below also pass settings to engines they do not apply to. */
type AnyKey = TenantDatabaseProps extends infer U ? (U extends unknown ? keyof U : never) : never;
type LooseProps = { [K in AnyKey]?: unknown };

function build(props: LooseProps = {}, env = PROD): { db: TenantDatabase; json: TerraformJson } {
  const stack = hostStack(env);
  const merged: Record<string, unknown> = { tenantId: 'acme', engine: 'ec2-ebs', platform: platformIn(env), placement: placementOf('acme', 1, 7), image: IMAGE, ...props };
  // Managed engines take no ALB slot: only an explicit placement reaches them.
  if (merged.engine !== 'ec2-ebs' && !('placement' in props)) delete merged.placement;
  // An unset setting is left out, as a caller would: strict props refuse even an undefined key of another engine.
  for (const key of Object.keys(merged)) if (merged[key] === undefined && key !== 'placement') delete merged[key];
  const db = new TenantDatabase(stack, 'acme', merged as unknown as TenantDatabaseProps);
  return { db, json: synthJson(stack) };
}

function only(json: TerraformJson, type: string): R {
  const all = Object.values(resourcesOf(json, type));
  expect(all).toHaveLength(1);
  return all[0]!;
}

const managed = (engine: 'rds-postgres' | 'aurora-postgres-serverless-v2', props: LooseProps = {}, env = PROD) =>
  build({ engine, image: undefined, ...props }, env);

describe('TenantDatabase ec2-ebs', () => {
  const { db, json } = build();

  test('a gp3 data volume encrypted with the data key, protected from destroy, tagged with tenant and data class', () => {
    const volume = only(json, 'aws_ebs_volume');
    expect(volume).toMatchObject({
      type: 'gp3',
      size: 100,
      iops: 3000,
      throughput: 125,
      encrypted: true,
      kms_key_id: PLATFORM.dataKmsKeyArn,
      final_snapshot: true,
      lifecycle: { prevent_destroy: true },
      tags: { 'tenantform:tenant': 'acme', 'tenantform:data-class': 'customer', Name: 'prod-tenant-acme-data' },
    });
    expect(volume.availability_zone).toMatch(/^\$\{data\.aws_subnet\.acme_host-subnet_[A-F0-9]+\.availability_zone\}$/);
  });

  test('an immutable host: private subnet, no key pair or public IP, IMDSv2 hop 1, encrypted root, detailed monitoring', () => {
    const host = only(json, 'aws_instance');
    expect(host).toMatchObject({
      instance_type: 't4g.medium',
      associate_public_ip_address: false,
      monitoring: true,
      ebs_optimized: true,
      metadata_options: { http_endpoint: 'enabled', http_tokens: 'required', http_put_response_hop_limit: 1, instance_metadata_tags: 'disabled' },
      root_block_device: { encrypted: true, kms_key_id: PLATFORM.dataKmsKeyArn, volume_type: 'gp3', volume_size: 20, delete_on_termination: true },
      user_data_replace_on_change: true,
      lifecycle: { ignore_changes: ['ami'] },
    });
    expect(host.key_name).toBeUndefined();
    expect(PLATFORM.privateSubnetIds).toContain(host.subnet_id);
    expect(host.ami).toMatch(/^\$\{data\.aws_ssm_parameter\.acme_host-ami_[A-F0-9]+\.insecure_value\}$/);
    expect(Object.values(resourcesOf(json, 'aws_ssm_parameter'))).toHaveLength(0);
    const amis = Object.values((json as { data: Record<string, Record<string, R>> }).data.aws_ssm_parameter!);
    expect(amis).toEqual([expect.objectContaining({ name: '/aws/service/ami-amazon-linux-latest/al2023-ami-kernel-default-arm64' })]);
  });

  test('user data mounts the volume by its ID and runs the ECR image; it has no Terraform template markers of its own', () => {
    const userData = only(json, 'aws_instance').user_data as string;
    expect(userData).toMatch(/^VOLUME_ID="\$\{aws_ebs_volume\.acme_data-volume_[A-F0-9]+\.id\}"$/m);
    expect(userData).toContain('mount -a');
    expect(userData).toContain('docker login --username AWS --password-stdin 111111111111.dkr.ecr.eu-west-1.amazonaws.com');
    expect(userData).toContain(`-p 8080:8080 -v /data:/data -e TENANT_ID=acme -e PORT=8080 ${IMAGE}`);
    expect(userData.replace(/\$\{aws_ebs_volume[^}]+\}/, '')).not.toMatch(/[$%]\{/);
  });

  test('a pinned AMI is used as is and replaces the host when changed (no ignore_changes)', () => {
    const host = only(build({ amiId: 'ami-0abc' }).json, 'aws_instance');
    expect(host.ami).toBe('ami-0abc');
    expect(host.lifecycle).toBeUndefined();
  });

  test('x86 families pick the x86_64 image', () => {
    const data = (build({ instanceType: 'm7i.large' }).json as { data: Record<string, Record<string, R>> }).data.aws_ssm_parameter!;
    expect(Object.values(data)[0]!.name).toBe('/aws/service/ami-amazon-linux-latest/al2023-ami-kernel-default-x86_64');
  });

  test('the volume is attached to the host and stops it before detaching', () => {
    expect(only(json, 'aws_volume_attachment')).toMatchObject({ device_name: '/dev/sdf', stop_instance_before_detaching: true });
  });

  test('security group: database port from the tenant ALB SG only; egress HTTPS to endpoints and through the NAT', () => {
    expect(only(json, 'aws_security_group')).toMatchObject({ name: 'prod-tenant-acme', vpc_id: PLATFORM.vpcId });
    expect(only(json, 'aws_security_group').ingress).toBeUndefined();
    expect(only(json, 'aws_vpc_security_group_ingress_rule')).toMatchObject({ ip_protocol: 'tcp', from_port: 8080, to_port: 8080, referenced_security_group_id: 'sg-alb-1' });
    const egress = Object.values(resourcesOf(json, 'aws_vpc_security_group_egress_rule'));
    expect(egress.map((e) => [e.from_port, e.to_port, e.referenced_security_group_id ?? e.cidr_ipv4])).toEqual([
      [443, 443, 'sg-endpoints'],
      [443, 443, '0.0.0.0/0'],
    ]);
    const sealed = build({ registryEgress: 'endpoints-only' }).json;
    expect(Object.values(resourcesOf(sealed, 'aws_vpc_security_group_egress_rule')).map((e) => e.referenced_security_group_id)).toEqual(['sg-endpoints']);
  });

  test('host role: SSM core plus pulling from the one image repository; trust limited to EC2 in this account', () => {
    const roles = Object.values(resourcesOf(json, 'aws_iam_role'));
    const hostRole = roles.find((r) => r.name === 'prod-tenant-acme-host')!;
    expect(JSON.parse(hostRole.assume_role_policy as string)).toEqual({
      Version: '2012-10-17',
      Statement: [{ Effect: 'Allow', Principal: { Service: 'ec2.amazonaws.com' }, Action: 'sts:AssumeRole', Condition: { StringEquals: { 'aws:SourceAccount': '111111111111' } } }],
    });
    const attachments = Object.values(resourcesOf(json, 'aws_iam_role_policy_attachment')).map((a) => a.policy_arn);
    expect(attachments).toEqual([
      'arn:aws:iam::aws:policy/AmazonSSMManagedInstanceCore',
      'arn:aws:iam::aws:policy/service-role/AWSBackupServiceRolePolicyForBackup',
    ]);
    const policy = JSON.parse(only(json, 'aws_iam_role_policy').policy as string);
    expect(policy.Statement).toEqual([
      { Sid: 'PullDatabaseImage', Effect: 'Allow', Action: ['ecr:BatchCheckLayerAvailability', 'ecr:BatchGetImage', 'ecr:GetDownloadUrlForLayer'], Resource: 'arn:aws:ecr:eu-west-1:111111111111:repository/aito/database' },
      { Sid: 'RegistryLogin', Effect: 'Allow', Action: ['ecr:GetAuthorizationToken'], Resource: '*' },
    ]);
    const actions = policy.Statement.flatMap((s: { Action: string[] }) => s.Action);
    expect(actions.some((a: string) => a.includes('*'))).toBe(false);
  });

  test('snapshots: an AWS Backup vault with the data key, a daily plan with the retention, selecting the volume', () => {
    expect(only(json, 'aws_backup_vault')).toMatchObject({ name: 'prod-tenant-acme', kms_key_arn: PLATFORM.dataKmsKeyArn, tags: { 'tenantform:data-class': 'customer' } });
    const rule = (only(json, 'aws_backup_plan').rule as R[])[0]!;
    expect(rule).toMatchObject({ schedule: 'cron(0 3 * * ? *)', lifecycle: { delete_after: 14 } });
    expect(only(json, 'aws_backup_selection').resources).toEqual([expect.stringMatching(/^\$\{aws_ebs_volume\.acme_data-volume_[A-F0-9]+\.arn\}$/)]);
    expect(only(build({ backupRetentionDays: 90 }).json, 'aws_backup_plan').rule).toMatchObject([{ lifecycle: { delete_after: 90 } }]);
  });

  test('exposes what routing needs and the data stores to keep', () => {
    expect(db.port).toBe(8080);
    expect(db.instanceId).toBeDefined();
    expect(db.dataStores.map((r) => r.terraformResourceType)).toEqual(['aws_ebs_volume', 'aws_backup_vault']);
  });

  test('the host subnet depends on the tenant ID only, and can be pinned', () => {
    const a = only(build().json, 'aws_instance').subnet_id;
    expect(only(build().json, 'aws_instance').subnet_id).toBe(a);
    expect(only(build({ subnetIndex: 2 }).json, 'aws_instance').subnet_id).toBe('subnet-private-c');
  });
});

describe('TenantDatabase rds-postgres', () => {
  test('encrypted PostgreSQL in isolated subnets, managed master password, IAM auth, Multi-AZ in prod, protected', () => {
    const { db, json } = managed('rds-postgres');
    expect(only(json, 'aws_db_instance')).toMatchObject({
      identifier: 'prod-tenant-acme',
      engine: 'postgres',
      engine_version: '16',
      instance_class: 'db.t4g.medium',
      allocated_storage: 100,
      storage_type: 'gp3',
      storage_encrypted: true,
      kms_key_id: PLATFORM.dataKmsKeyArn,
      manage_master_user_password: true,
      master_user_secret_kms_key_id: PLATFORM.dataKmsKeyArn,
      iam_database_authentication_enabled: true,
      backup_retention_period: 14,
      deletion_protection: true,
      multi_az: true,
      publicly_accessible: false,
      skip_final_snapshot: false,
      final_snapshot_identifier: 'prod-tenant-acme-final',
      port: 5432,
      lifecycle: { prevent_destroy: true },
      tags: { 'tenantform:tenant': 'acme', 'tenantform:data-class': 'customer' },
    });
    expect(only(json, 'aws_db_subnet_group').subnet_ids).toEqual(PLATFORM.isolatedSubnetIds);
    // No HTTP route reaches PostgreSQL: only members of the tenant's client group may connect, and the database itself opens nothing.
    const groups = resourcesOf(json, 'aws_security_group');
    const clientGroup = Object.keys(groups).find((k) => k.includes('client-security-group'))!;
    const databaseGroup = Object.keys(groups).find((k) => !k.includes('client-security-group'))!;
    expect(only(json, 'aws_vpc_security_group_ingress_rule')).toMatchObject({ from_port: 5432, to_port: 5432, referenced_security_group_id: `\${aws_security_group.${clientGroup}.id}`, security_group_id: `\${aws_security_group.${databaseGroup}.id}` });
    expect(only(json, 'aws_vpc_security_group_egress_rule')).toMatchObject({ from_port: 5432, to_port: 5432, security_group_id: `\${aws_security_group.${clientGroup}.id}`, referenced_security_group_id: `\${aws_security_group.${databaseGroup}.id}` });
    expect(JSON.stringify(json)).not.toContain('sg-routing');
    expect(db.clientSecurityGroupId).toBeDefined();
    expect(resourcesOf(json, 'aws_instance')).toEqual({});
    expect(db.dataStores.map((r) => r.terraformResourceType)).toEqual(['aws_db_instance', 'aws_db_parameter_group', 'aws_security_group', 'aws_db_subnet_group']);
  });

  test('single-AZ and synthetic in dev; settings pass through', () => {
    const { json } = managed('rds-postgres', { synthetic: true, instanceType: 'db.r7g.xlarge', storageGiB: 500, backupRetentionDays: 35, deletionProtection: false }, DEV);
    expect(only(json, 'aws_db_instance')).toMatchObject({
      identifier: 'dev-tenant-acme',
      instance_class: 'db.r7g.xlarge',
      allocated_storage: 500,
      backup_retention_period: 35,
      deletion_protection: false,
      multi_az: false,
      tags: { 'tenantform:data-class': 'synthetic' },
    });
  });
});

describe('TenantDatabase aurora-postgres-serverless-v2', () => {
  test('an encrypted serverless v2 cluster with a writer and, in prod, a reader in another AZ', () => {
    const { db, json } = managed('aurora-postgres-serverless-v2');
    expect(only(json, 'aws_rds_cluster')).toMatchObject({
      cluster_identifier: 'prod-tenant-acme',
      engine: 'aurora-postgresql',
      engine_mode: 'provisioned',
      engine_version: '16.6',
      storage_encrypted: true,
      kms_key_id: PLATFORM.dataKmsKeyArn,
      manage_master_user_password: true,
      master_user_secret_kms_key_id: PLATFORM.dataKmsKeyArn,
      iam_database_authentication_enabled: true,
      serverlessv2_scaling_configuration: { min_capacity: 0.5, max_capacity: 8 },
      deletion_protection: true,
      lifecycle: { prevent_destroy: true },
    });
    const instances = Object.values(resourcesOf(json, 'aws_rds_cluster_instance'));
    expect(instances.map((i) => [i.identifier, i.instance_class])).toEqual([
      ['prod-tenant-acme-writer', 'db.serverless'],
      ['prod-tenant-acme-reader', 'db.serverless'],
    ]);
    expect(db.dataStores).toHaveLength(6);
  });

  test('one writer without Multi-AZ; capacity passes through', () => {
    const { json } = managed('aurora-postgres-serverless-v2', { multiAz: false, minCapacityAcu: 0, maxCapacityAcu: 16 });
    expect(Object.keys(resourcesOf(json, 'aws_rds_cluster_instance'))).toHaveLength(1);
    expect(only(json, 'aws_rds_cluster').serverlessv2_scaling_configuration).toEqual({ min_capacity: 0, max_capacity: 16 });
  });
});

describe('TenantDatabase managed engines force TLS', () => {
  const ssl = [
    { name: 'rds.force_ssl', value: '1', apply_method: 'immediate' },
    { name: 'ssl_min_protocol_version', value: 'TLSv1.2', apply_method: 'immediate' },
  ];

  test('rds-postgres: a postgres16 parameter group with rds.force_ssl, attached to the instance', () => {
    const { json } = managed('rds-postgres');
    const [name, group] = Object.entries(resourcesOf(json, 'aws_db_parameter_group'))[0]!;
    expect(group).toMatchObject({ family: 'postgres16', parameter: ssl });
    expect(only(json, 'aws_db_instance').parameter_group_name).toBe(`\${aws_db_parameter_group.${name}.name}`);
  });

  test('aurora: an aurora-postgresql16 cluster parameter group with rds.force_ssl, attached to the cluster', () => {
    const { json } = managed('aurora-postgres-serverless-v2');
    const [name, group] = Object.entries(resourcesOf(json, 'aws_rds_cluster_parameter_group'))[0]!;
    expect(group).toMatchObject({ family: 'aurora-postgresql16', parameter: ssl });
    expect(only(json, 'aws_rds_cluster').db_cluster_parameter_group_name).toBe(`\${aws_rds_cluster_parameter_group.${name}.name}`);
  });

  test('an engine version without a derivable family is TF-DB-009', () => {
    expect(() => managed('rds-postgres', { engineVersion: 'latest' })).toThrow(/\[TF-DB-009\].*"latest"/);
  });
});

describe('TenantDatabase customer-data guard', () => {
  test('GIVEN an environment without customer data WHEN the tenant is not declared synthetic THEN TF-TEN-141', () => {
    expect(() => build({}, DEV)).toThrow(/\[TF-TEN-141\] TenantDatabase test\/acme: environment "dev" does not hold customer data/);
    expect(() => build({ synthetic: false }, DEV)).toThrow(/\[TF-TEN-141\]/);
  });

  test('GIVEN an environment without customer data WHEN declared synthetic THEN data stores are tagged synthetic', () => {
    const { db, json } = build({ synthetic: true }, DEV);
    expect(db.dataClass).toBe('synthetic');
    expect((only(json, 'aws_ebs_volume').tags as R)['tenantform:data-class']).toBe('synthetic');
  });

  test('in a customer-data environment data is always classed customer', () => {
    expect(build({ synthetic: true }, PROD).db.dataClass).toBe('customer');
  });
});

describe('TenantDatabase validation', () => {
  test.each<[string, LooseProps, RegExp]>([
    ['tenant ID not a DNS label', { tenantId: 'Acme', placement: placementOf('Acme') }, /\[TF-TEN-002\]/],
    ['gp3 volume too small', { storageGiB: 0 }, /\[TF-TEN-101\].*storageGiB \(gp3 data volume\) must be an integer between 1 and 65536/],
    ['gp3 volume too large', { storageGiB: 65_537 }, /\[TF-TEN-101\]/],
    ['RDS storage below 20 GiB', { engine: 'rds-postgres', image: undefined, storageGiB: 10 }, /\[TF-TEN-101\].*RDS gp3 storage.*between 20 and 65536/],
    ['IOPS below gp3 baseline', { iops: 2000 }, /\[TF-TEN-102\].*iops \(gp3\)/],
    ['IOPS over 500 per GiB', { storageGiB: 10, iops: 6000 }, /\[TF-TEN-102\].*500 IOPS per GiB/],
    ['throughput above 2000', { storageGiB: 1000, iops: 16000, throughputMiBps: 2500 }, /\[TF-TEN-103\]/],
    ['throughput over 0.25 per IOPS', { throughputMiBps: 1000 }, /\[TF-TEN-103\].*0.25 MiB\/s per provisioned IOPS/],
    ['ACU above 256', { engine: 'aurora-postgres-serverless-v2', image: undefined, maxCapacityAcu: 300 }, /\[TF-TEN-104\].*maxCapacityAcu/],
    ['ACU not a half step', { engine: 'aurora-postgres-serverless-v2', image: undefined, minCapacityAcu: 0.7 }, /\[TF-TEN-104\].*multiple of 0.5/],
    ['ACU min above max', { engine: 'aurora-postgres-serverless-v2', image: undefined, minCapacityAcu: 8, maxCapacityAcu: 4 }, /\[TF-TEN-104\].*minCapacityAcu <= maxCapacityAcu/],
    ['root volume too small', { rootVolumeSizeGiB: 4 }, /\[TF-TEN-105\]/],
    ['snapshot retention 0', { backupRetentionDays: 0 }, /\[TF-TEN-111\].*between 1 and 3650/],
    ['RDS retention 36', { engine: 'rds-postgres', image: undefined, backupRetentionDays: 36 }, /\[TF-TEN-111\].*between 1 and 35/],
    ['schedule not cron', { backupSchedule: 'daily' }, /\[TF-TEN-112\]/],
    ['instance type malformed', { instanceType: 'large' }, /\[TF-TEN-121\].*<family>\.<size>/],
    ['unknown EC2 family', { instanceType: 'x9z.large' }, /\[TF-TEN-121\].*instance family is not one offered/],
    ['size not in EC2 family', { instanceType: 'm7g.nano' }, /\[TF-TEN-122\].*family m7g has no such size.*m7g.medium/],
    ['EC2 type given to RDS', { engine: 'rds-postgres', image: undefined, instanceType: 'm7g.large' }, /\[TF-TEN-121\].*db\.m7g\.large/],
    ['unknown DB family', { engine: 'rds-postgres', image: undefined, instanceType: 'db.x9.large' }, /\[TF-TEN-121\]/],
    ['size not in DB family', { engine: 'rds-postgres', image: undefined, instanceType: 'db.t4g.8xlarge' }, /\[TF-TEN-122\]/],
    ['IOPS on RDS', { engine: 'rds-postgres', image: undefined, iops: 4000 }, /\[TF-TEN-131\].*iops does not apply to engine rds-postgres/],
    ['instance type on Aurora', { engine: 'aurora-postgres-serverless-v2', image: undefined, instanceType: 'db.r7g.large' }, /\[TF-TEN-131\]/],
    ['multiAz on ec2-ebs', { multiAz: true }, /\[TF-TEN-131\].*multiAz/],
    ['no image', { image: undefined }, /\[TF-TEN-151\]/],
    ['image not in ECR', { image: 'docker.io/library/postgres:16' }, /\[TF-TEN-151\]/],
    ['image without tag', { image: '111111111111.dkr.ecr.eu-west-1.amazonaws.com/aito/database' }, /\[TF-TEN-151\]/],
    ['privileged port', { port: 80 }, /\[TF-TEN-152\]/],
    ['placement of another tenant', { placement: placementOf('beta') }, /\[TF-TEN-153\].*another tenant/],
    ['no placement for an ec2-ebs tenant', { placement: undefined }, /\[TF-TEN-158\].*needs its placement.*Got: undefined/],
    ['a placement for a managed engine', { engine: 'rds-postgres', image: undefined, placement: placementOf('acme') }, /\[TF-TEN-157\].*rds-postgres has no ALB route/],
    ['placement on an ALB not in the pool', { placement: placementOf('acme', 5) }, /\[TF-TEN-153\].*ALB 5/],
    ['subnet index out of range', { subnetIndex: 3 }, /\[TF-TEN-154\]/],
    ['no private subnets', { platform: { ...PLATFORM, privateSubnetIds: [] } }, /\[TF-TEN-154\].*private subnets/],
    ['one isolated subnet', { engine: 'rds-postgres', image: undefined, platform: { ...PLATFORM, isolatedSubnetIds: ['subnet-x'] } }, /\[TF-TEN-154\].*at least two AZs/],
    ['unknown engine', { engine: 'mysql' as never, image: undefined }, /\[TF-TEN-156\]/],
  ])('%s', (_name, props, error) => {
    expect(() => build(props)).toThrow(error);
  });
});
