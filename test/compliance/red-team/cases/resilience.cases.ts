/** Data loss and single points of failure, hidden in forms Terraform accepts. */
import { RedTeamCase, RedTeamControl } from '../support/red-team-case';
import { mainFile, ref } from '../support/module';

const KEY = 'arn:aws:kms:eu-west-1:222222222222:key/11111111-2222-3333-4444-555555555555';
const PROD_KEY = 'arn:aws:kms:eu-west-1:111111111111:key/11111111-2222-3333-4444-555555555555';
const DLM_ROLE = 'arn:aws:iam::222222222222:role/dlm-lifecycle';
const DATA_TAGS = { 'tenantform:data-class': 'synthetic', 'tenantform:tenant': 'acme' };

/** An encrypted tenant data volume with the given extra arguments. */
function volume(extra: Record<string, unknown>): Record<string, unknown> {
  return { availability_zone: 'eu-west-1a', size: 10, encrypted: true, kms_key_id: KEY, tags: DATA_TAGS, lifecycle: { prevent_destroy: true }, ...extra };
}

/** A DLM policy snapshotting volumes tagged with the tenant, with the given extra arguments. */
function dlm(extra: Record<string, unknown> = {}, details: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    description: 'tenant volumes',
    execution_role_arn: DLM_ROLE,
    policy_details: {
      resource_types: ['VOLUME'],
      target_tags: { 'tenantform:tenant': 'acme' },
      schedule: [{ name: 'daily', create_rule: { interval: 24, interval_unit: 'HOURS', times: ['03:00'] }, retain_rule: { count: 14 }, copy_tags: true }],
      ...details,
    },
    ...extra,
  };
}

export const cases: RedTeamCase[] = [
  {
    id: 'resilience/data-volume-prevent-destroy-false',
    why: 'a tenant data volume with lifecycle.prevent_destroy = false',
    files: mainFile({ resource: { aws_ebs_volume: { data: volume({ lifecycle: { prevent_destroy: false } }) }, aws_dlm_lifecycle_policy: { snap: dlm() } } }),
    expect: { rules: ['TF-RES-5'] },
  },
  {
    id: 'resilience/data-volume-tags-from-variable',
    why: 'the volume tags come from a variable, so the data-class tag may be there; no lifecycle protection',
    files: mainFile({
      variable: { tags: { type: 'map(string)' } },
      resource: { aws_ebs_volume: { data: volume({ tags: ref('var.tags'), lifecycle: { prevent_destroy: false } }) } },
    }),
    expect: { rules: ['TF-RES-5', 'TF-RES-6'] },
  },
  {
    id: 'resilience/data-volume-prevent-destroy-missing-array-lifecycle',
    why: 'lifecycle written as an array of blocks without prevent_destroy',
    files: mainFile({ resource: { aws_ebs_volume: { data: volume({ lifecycle: [{ create_before_destroy: false }] }) }, aws_dlm_lifecycle_policy: { snap: dlm() } } }),
    expect: { rules: ['TF-RES-5'] },
  },
  {
    id: 'resilience/prevent-destroy-lifted-in-override-file',
    why: 'an override file sets lifecycle.prevent_destroy = false on a protected tenant volume',
    files: {
      ...mainFile({ resource: { aws_ebs_volume: { data: volume({}) }, aws_dlm_lifecycle_policy: { snap: dlm() } } }),
      'volumes_override.tf.json': { resource: { aws_ebs_volume: { data: { lifecycle: { prevent_destroy: false } } } } },
    },
    expect: { rules: ['TF-RES-5'] },
  },
  {
    id: 'resilience/dlm-policy-disabled',
    why: 'the only snapshot policy covering the volume is DISABLED',
    files: mainFile({ resource: { aws_ebs_volume: { data: volume({}) }, aws_dlm_lifecycle_policy: { snap: dlm({ state: 'DISABLED' }) } } }),
    expect: { rules: ['TF-RES-6'] },
  },
  {
    id: 'resilience/dlm-policy-state-through-local',
    why: 'the policy state comes from a local that says DISABLED',
    files: mainFile({ locals: { dlm_state: 'DISABLED' }, resource: { aws_ebs_volume: { data: volume({}) }, aws_dlm_lifecycle_policy: { snap: dlm({ state: ref('local.dlm_state') }) } } }),
    expect: { rules: ['TF-RES-6'] },
  },
  {
    id: 'resilience/dlm-policy-targets-other-tags',
    why: 'the snapshot policy targets a tag the volume does not carry',
    files: mainFile({ resource: { aws_ebs_volume: { data: volume({}) }, aws_dlm_lifecycle_policy: { snap: dlm({}, { target_tags: { 'tenantform:tenant': 'globex' } }) } } }),
    expect: { rules: ['TF-RES-6'] },
  },
  {
    id: 'resilience/prod-rds-backup-retention-string',
    why: 'a prod database keeps one day of backups, written as the string "1"',
    files: mainFile(
      {
        resource: {
          aws_db_instance: {
            db: { identifier: 'tenant', engine: 'postgres', instance_class: 'db.t4g.micro', allocated_storage: 20, storage_encrypted: true, kms_key_id: PROD_KEY, multi_az: true, deletion_protection: true, backup_retention_period: '1', manage_master_user_password: true, username: 'app' },
          },
        },
      },
      { environment: 'prod' },
    ),
    expect: { rules: ['TF-RES-1'] },
  },
  {
    id: 'resilience/prod-rds-deletion-protection-string-false',
    why: 'deletion_protection = "false" as a string on a prod database',
    files: mainFile(
      {
        resource: {
          aws_db_instance: {
            db: { identifier: 'tenant', engine: 'postgres', instance_class: 'db.t4g.micro', allocated_storage: 20, storage_encrypted: true, kms_key_id: PROD_KEY, multi_az: 'true', deletion_protection: 'false', backup_retention_period: 14, manage_master_user_password: true, username: 'app' },
          },
        },
      },
      { environment: 'prod' },
    ),
    expect: { rules: ['TF-RES-2'] },
  },
  {
    id: 'resilience/prod-aurora-single-counted-instance',
    why: 'an Aurora cluster whose only instance block has count = 1',
    files: mainFile(
      {
        resource: {
          aws_rds_cluster: { c: { cluster_identifier: 'tenant', engine: 'aurora-postgresql', storage_encrypted: true, kms_key_id: PROD_KEY, deletion_protection: true, backup_retention_period: 14, manage_master_user_password: true, master_username: 'app' } },
          aws_rds_cluster_instance: { i: { count: 1, identifier: 'tenant-0', cluster_identifier: ref('aws_rds_cluster.c.id'), instance_class: 'db.r6g.large', engine: 'aurora-postgresql' } },
        },
      },
      { environment: 'prod' },
    ),
    expect: { rules: ['TF-RES-3'] },
  },
  {
    id: 'resilience/prod-lb-deletion-protection-string-false',
    why: 'a prod load balancer with enable_deletion_protection = "false"',
    files: mainFile(
      { resource: { aws_lb: { edge: { name: 'edge', internal: true, load_balancer_type: 'network', subnets: ['subnet-0123456789abcdef0'], enable_deletion_protection: 'false' } } } },
      { environment: 'prod' },
    ),
    expect: { rules: ['TF-RES-4'] },
  },
  {
    id: 'resilience/prod-ecs-desired-count-through-local',
    why: 'a prod service runs one task, the count read from a local string',
    files: mainFile({ locals: { tasks: '1' }, resource: { aws_ecs_service: { api: { name: 'api', desired_count: ref('local.tasks') } } } }, { environment: 'prod' }),
    expect: { rules: ['TF-RES-7'] },
  },
];

export const controls: RedTeamControl[] = [
  {
    id: 'resilience/data-volume-protected-and-snapshotted',
    why: 'an encrypted tenant volume with prevent_destroy and a DLM policy (object-form details) that targets its tags',
    files: mainFile({ resource: { aws_ebs_volume: { data: volume({}) }, aws_dlm_lifecycle_policy: { snap: dlm({ state: 'ENABLED' }) } } }),
  },
];
