import { DataVolumePreventDestroy, DataVolumeSnapshots, EcsServiceRedundancy, LoadBalancerDeletionProtection, RdsBackupRetention, RdsDeletionProtection, RdsMultiAz } from '../../../../compliance/rules/resilience';
import { fixtureStack, ref, verdicts } from '../../../support/rules-fixtures';

const dbs = {
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

describe('TF-RES-1 RdsBackupRetention', () => {
  it('needs 7+ days; replicas are skipped', () => {
    expect(verdicts(RdsBackupRetention, fixtureStack(dbs))).toEqual({
      fail: ['aws_db_instance.defaults', 'aws_db_instance.flimsy', 'aws_rds_cluster.lone'],
      unknown: ['aws_db_instance.from_var'],
      pass: ['aws_db_instance.solid', 'aws_rds_cluster.pair'],
    });
  });
});

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
});

describe('TF-RES-3 RdsMultiAz', () => {
  it('needs Multi-AZ instances and two-instance clusters in prod', () => {
    expect(verdicts(RdsMultiAz, fixtureStack(dbs))).toEqual({
      fail: ['aws_db_instance.defaults', 'aws_db_instance.flimsy', 'aws_rds_cluster.lone'],
      unknown: ['aws_db_instance.from_var'],
      pass: ['aws_db_instance.solid', 'aws_rds_cluster.pair'],
    });
  });
});

describe('TF-RES-4 LoadBalancerDeletionProtection', () => {
  it('needs deletion protection on prod load balancers', () => {
    const stack = fixtureStack({ aws_lb: { on: { enable_deletion_protection: true }, off: {} }, aws_alb: { var: { enable_deletion_protection: ref('var.p') } } });
    expect(verdicts(LoadBalancerDeletionProtection, stack)).toEqual({ fail: ['aws_lb.off'], unknown: ['aws_alb.var'], pass: ['aws_lb.on'] });
  });
});

const volumes = {
  aws_ebs_volume: {
    tenant: { tags: { 'tenantform:data-class': 'customer', 'tenantform:tenant': 'acme' }, lifecycle: { prevent_destroy: true } },
    exposed: { tags: { 'tenantform:data-class': 'customer' } },
    scratch: {},
  },
};

describe('TF-RES-5 DataVolumePreventDestroy', () => {
  it('checks data-class volumes only', () => {
    expect(verdicts(DataVolumePreventDestroy, fixtureStack(volumes))).toEqual({ fail: ['aws_ebs_volume.exposed'], unknown: [], pass: ['aws_ebs_volume.tenant'] });
  });
});

describe('TF-RES-6 DataVolumeSnapshots', () => {
  it('finds DLM policies in sibling stacks of the same environment', () => {
    const tenant = fixtureStack(volumes, { name: 'tenant' });
    const platform = fixtureStack(
      { aws_dlm_lifecycle_policy: { snap: { policy_details: [{ resource_types: ['VOLUME'], target_tags: { 'tenantform:tenant': 'acme' }, schedule: [{ name: 'daily' }] }] } } },
      { name: 'platform' },
    );
    const otherEnv = fixtureStack(
      { aws_dlm_lifecycle_policy: { snap: { policy_details: [{ resource_types: ['VOLUME'], target_tags: { 'tenantform:data-class': 'customer' }, schedule: [{ name: 'daily' }] }] } } },
      { name: 'dev-platform', environment: 'dev' },
    );
    expect(verdicts(DataVolumeSnapshots, tenant, { stacks: [tenant, platform, otherEnv] })).toEqual({ fail: ['aws_ebs_volume.exposed'], unknown: [], pass: ['aws_ebs_volume.tenant'] });
  });

  it('accepts an AWS Backup selection by ARN in the same stack', () => {
    const stack = fixtureStack({ ...volumes, aws_backup_selection: { s: { resources: [ref('aws_ebs_volume.exposed.arn')] } } });
    expect(verdicts(DataVolumeSnapshots, stack)).toEqual({ fail: ['aws_ebs_volume.tenant'], unknown: [], pass: ['aws_ebs_volume.exposed'] });
  });
});

describe('TF-RES-7 EcsServiceRedundancy', () => {
  it('needs two tasks in prod; daemons are skipped', () => {
    const stack = fixtureStack({ aws_ecs_service: { pair: { desired_count: 2 }, single: { desired_count: 1 }, unset: {}, daemon: { scheduling_strategy: 'DAEMON' }, var: { desired_count: ref('var.n') } } });
    expect(verdicts(EcsServiceRedundancy, stack)).toEqual({ fail: ['aws_ecs_service.single', 'aws_ecs_service.unset'], unknown: ['aws_ecs_service.var'], pass: ['aws_ecs_service.pair'] });
  });
});
