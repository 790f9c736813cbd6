import { DataVolumePreventDestroy } from '../../../../compliance/rules/resilience';
import { fixtureStack, ref, verdicts } from '../../../support/rules-fixtures';

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

  it('Noncompliance: computed tags could carry the data class; a string flag and the array block form are read', () => {
    const stack = fixtureStack({
      aws_ebs_volume: {
        computed_tags: { tags: ref('var.tags') },
        computed_key: { tags: { [ref('local.class_key')]: 'customer' } },
        array_lifecycle: { tags: { 'tenantform:data-class': 'customer' }, lifecycle: [{ prevent_destroy: 'true' }] },
        string_false: { tags: { 'tenantform:data-class': 'customer' }, lifecycle: { prevent_destroy: 'false' } },
      },
    });
    expect(verdicts(DataVolumePreventDestroy, stack)).toEqual({
      fail: ['aws_ebs_volume.string_false'],
      unknown: ['aws_ebs_volume.computed_key', 'aws_ebs_volume.computed_tags'],
      pass: ['aws_ebs_volume.array_lifecycle'],
    });
  });

  it('the data class may come from provider default tags', () => {
    const stack = fixtureStack({ aws_ebs_volume: { v: {} } }, { defaultTags: { 'tenantform:data-class': 'customer' } });
    expect(verdicts(DataVolumePreventDestroy, stack)).toEqual({ fail: ['aws_ebs_volume.v'], unknown: [], pass: [] });
  });
});
