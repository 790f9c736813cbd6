import { DataVolumeSnapshots } from '../../../../compliance/rules/resilience';
import { fixtureStack, ref, verdicts } from '../../../support/rules-fixtures';

const volumes = {
  aws_ebs_volume: {
    tenant: { tags: { 'tenantform:data-class': 'customer', 'tenantform:tenant': 'acme' }, lifecycle: { prevent_destroy: true } },
    exposed: { tags: { 'tenantform:data-class': 'customer' } },
    scratch: {},
  },
};

const daily = { resource_types: ['VOLUME'], target_tags: { 'tenantform:tenant': 'acme' }, schedule: [{ name: 'daily' }] };

describe('TF-RES-6 DataVolumeSnapshots', () => {
  it('finds DLM policies in sibling stacks of the same environment', () => {
    const tenant = fixtureStack(volumes, { name: 'tenant' });
    const platform = fixtureStack({ aws_dlm_lifecycle_policy: { snap: { policy_details: [daily] } } }, { name: 'platform' });
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

  it('Noncompliance: disabled, computed-state and non-snapshot DLM policies do not cover a volume', () => {
    const only = (details: Record<string, unknown>, extra: Record<string, unknown> = {}) =>
      fixtureStack({ aws_ebs_volume: { v: volumes.aws_ebs_volume.tenant }, aws_dlm_lifecycle_policy: { p: { policy_details: details, ...extra } } });
    expect(verdicts(DataVolumeSnapshots, only(daily, { state: 'DISABLED' })).fail).toEqual(['aws_ebs_volume.v']);
    expect(verdicts(DataVolumeSnapshots, only(daily, { state: ref('var.state') })).unknown).toEqual(['aws_ebs_volume.v']);
    expect(verdicts(DataVolumeSnapshots, only({ ...daily, policy_type: 'IMAGE_MANAGEMENT' })).fail).toEqual(['aws_ebs_volume.v']);
    expect(verdicts(DataVolumeSnapshots, only({ ...daily, schedule: ref('var.schedules') })).unknown).toEqual(['aws_ebs_volume.v']);
    expect(verdicts(DataVolumeSnapshots, only({ ...daily, schedule: { name: 'object-form' } })).pass).toEqual(['aws_ebs_volume.v']);
  });

  it('Noncompliance: a backup selection that excludes the volume, or narrows by conditions, does not prove coverage', () => {
    const tagged = { selection_tag: [{ type: 'STRINGEQUALS', key: 'tenantform:tenant', value: 'acme' }] };
    const only = (selection: Record<string, unknown>) => fixtureStack({ aws_ebs_volume: { v: volumes.aws_ebs_volume.tenant }, aws_backup_selection: { s: selection } });
    expect(verdicts(DataVolumeSnapshots, only(tagged)).pass).toEqual(['aws_ebs_volume.v']);
    expect(verdicts(DataVolumeSnapshots, only({ ...tagged, not_resources: [ref('aws_ebs_volume.v.arn')] })).fail).toEqual(['aws_ebs_volume.v']);
    expect(verdicts(DataVolumeSnapshots, only({ ...tagged, not_resources: [ref('var.excluded')] })).unknown).toEqual(['aws_ebs_volume.v']);
    expect(verdicts(DataVolumeSnapshots, only({ ...tagged, condition: [{ string_equals: [{ key: 'aws:ResourceTag/backup', value: 'yes' }] }] })).unknown).toEqual(['aws_ebs_volume.v']);
    expect(verdicts(DataVolumeSnapshots, only({ resources: ['arn:aws:ec2:*:*:volume/*'] })).pass).toEqual(['aws_ebs_volume.v']);
  });

  it('a volume with computed tags may be a data volume: unknown', () => {
    const stack = fixtureStack({ aws_ebs_volume: { v: { tags: ref('local.tags') } } });
    expect(verdicts(DataVolumeSnapshots, stack)).toEqual({ fail: [], unknown: ['aws_ebs_volume.v'], pass: [] });
  });
});
