/** Logging switched off in forms Terraform accepts: provider defaults, string booleans, locals, selectors. */
import { RedTeamCase, RedTeamControl } from '../support/red-team-case';
import { mainFile, ref, skeleton } from '../support/module';

const KEY = 'arn:aws:kms:eu-west-1:222222222222:key/11111111-2222-3333-4444-555555555555';

/** An internal ALB with the given access_logs block (internal, so no exposure rule is involved). */
function alb(accessLogs: unknown): Record<string, unknown> {
  return { aws_lb: { edge: { name: 'edge', internal: true, load_balancer_type: 'application', subnets: ['subnet-0123456789abcdef0', 'subnet-0123456789abcdef1'], access_logs: accessLogs } } };
}

/** A multi-region, validated, KMS-encrypted trail with the given extra arguments. */
function trail(extra: Record<string, unknown>): Record<string, unknown> {
  return {
    aws_kms_key: { trail: { enable_key_rotation: true } },
    aws_cloudtrail: {
      audit: { name: 'audit', s3_bucket_name: 'acme-audit-logs', is_multi_region_trail: true, include_global_service_events: true, enable_log_file_validation: true, kms_key_id: ref('aws_kms_key.trail.arn'), ...extra },
    },
  };
}

export const cases: RedTeamCase[] = [
  {
    id: 'logging/alb-access-logs-bucket-without-enabled',
    why: 'access_logs names a bucket but leaves enabled unset, and the provider defaults it to false',
    files: mainFile({ resource: alb({ bucket: 'acme-alb-logs', prefix: 'edge' }) }),
    expect: { rules: ['TF-LOG-3'] },
  },
  {
    id: 'logging/alb-access-logs-enabled-string-false',
    why: 'enabled = "false" as a string, in the array form of the block',
    files: mainFile({ resource: alb([{ bucket: 'acme-alb-logs', enabled: 'false' }]) }),
    expect: { rules: ['TF-LOG-3'] },
  },
  {
    id: 'logging/alb-access-logs-enabled-through-local',
    why: 'enabled comes from a local that is false',
    files: mainFile({ locals: { logs_on: false }, resource: alb({ bucket: 'acme-alb-logs', enabled: ref('local.logs_on') }) }),
    expect: { rules: ['TF-LOG-3'] },
  },
  {
    id: 'logging/alb-access-logs-enabled-from-variable',
    why: 'enabled decided by a variable without a default: the gate cannot know it',
    files: mainFile({ variable: { logs_on: { type: 'bool' } }, resource: alb({ bucket: 'acme-alb-logs', enabled: ref('var.logs_on') }) }),
    expect: { rules: ['TF-LOG-3'] },
  },
  {
    id: 'logging/alb-in-resource-array-form-without-logs',
    why: 'an ALB without access_logs, written in the array form of the resource type',
    files: { 'main.tf.json': { ...skeleton(), resource: [{ aws_lb: [{ edge: { name: 'edge', internal: true, subnets: ['subnet-0123456789abcdef0', 'subnet-0123456789abcdef1'] } }] }] } },
    expect: { rules: ['TF-LOG-3'] },
  },
  {
    id: 'logging/cloudtrail-enable-logging-false',
    why: 'a well-configured trail that is switched off',
    files: mainFile({ resource: trail({ enable_logging: false }) }),
    expect: { rules: ['TF-LOG-6'] },
  },
  {
    id: 'logging/cloudtrail-enable-logging-string-false',
    why: 'enable_logging = "false" as a string',
    files: mainFile({ resource: trail({ enable_logging: 'false' }) }),
    expect: { rules: ['TF-LOG-6'] },
  },
  {
    id: 'logging/cloudtrail-enable-logging-through-local',
    why: 'enable_logging comes from a local that is false',
    files: mainFile({ locals: { trail_on: false }, resource: trail({ enable_logging: ref('local.trail_on') }) }),
    expect: { rules: ['TF-LOG-6'] },
  },
  {
    id: 'logging/cloudtrail-enable-logging-from-variable',
    why: 'enable_logging decided by a variable without a default',
    files: mainFile({ variable: { trail_on: { type: 'bool' } }, resource: trail({ enable_logging: ref('var.trail_on') }) }),
    expect: { rules: ['TF-LOG-6'] },
  },
  {
    id: 'logging/cloudtrail-management-events-off',
    why: 'an event selector that records S3 data events only, management events off (string boolean)',
    files: mainFile({ resource: trail({ event_selector: [{ include_management_events: 'false', read_write_type: 'All', data_resource: [{ type: 'AWS::S3::Object', values: ['arn:aws:s3'] }] }] }) }),
    expect: { rules: ['TF-LOG-6'] },
  },
  {
    id: 'logging/cloudtrail-advanced-selector-data-only',
    why: 'an advanced event selector for data events only: no management events are recorded',
    files: mainFile({
      resource: trail({ advanced_event_selector: [{ name: 'data', field_selector: [{ field: 'eventCategory', equals: ['Data'] }, { field: 'resources.type', equals: ['AWS::S3::Object'] }] }] }),
    }),
    expect: { rules: ['TF-LOG-6'] },
  },
  {
    id: 'logging/vpc-flow-log-accepted-traffic-only',
    why: 'the VPC has a flow log, but it records accepted traffic only',
    files: mainFile({
      resource: {
        aws_vpc: { main: { cidr_block: '10.0.0.0/16' } },
        aws_flow_log: { main: { vpc_id: ref('aws_vpc.main.id'), traffic_type: 'ACCEPT', log_destination_type: 's3', log_destination: 'arn:aws:s3:::acme-flow-logs' } },
      },
    }),
    expect: { rules: ['TF-LOG-1'] },
  },
  {
    id: 'logging/vpc-flow-log-for-a-conditional-vpc',
    why: 'one flow log whose vpc_id picks one of two VPCs: the other has none',
    files: mainFile({
      variable: { first: { type: 'bool' } },
      resource: {
        aws_vpc: { a: { cidr_block: '10.0.0.0/16' }, b: { cidr_block: '10.1.0.0/16' } },
        aws_flow_log: { f: { vpc_id: ref('var.first ? aws_vpc.a.id : aws_vpc.b.id'), traffic_type: 'ALL', log_destination_type: 's3', log_destination: 'arn:aws:s3:::acme-flow-logs' } },
      },
    }),
    expect: { rules: ['TF-LOG-1'] },
  },
];

export const controls: RedTeamControl[] = [
  {
    id: 'logging/cloudtrail-logging-string-true',
    why: 'a trail with enable_logging = "true" and a full management event selector',
    files: mainFile({ resource: trail({ enable_logging: 'true', event_selector: { include_management_events: true, read_write_type: 'All' } }) }),
  },
  {
    id: 'logging/cloudtrail-defaults-beside-encrypted-topic',
    why: 'a trail with the defaults (logging on, all management events)',
    files: mainFile({ resource: { ...trail({}), aws_sns_topic: { alerts: { name: 'alerts', kms_master_key_id: KEY } } } }),
  },
];
