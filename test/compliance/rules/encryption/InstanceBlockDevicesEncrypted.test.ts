import { InstanceBlockDevicesEncrypted } from '../../../../compliance/rules/encryption';
import { fixtureStack, ref, verdicts } from '../../../support/rules-fixtures';

describe('TF-ENC-2 InstanceBlockDevicesEncrypted', () => {
  it('flags instances and launch templates with unencrypted or undeclared devices', () => {
    const stack = fixtureStack({
      aws_instance: {
        good: { ami: 'ami-1', instance_type: 't3.micro', root_block_device: [{ encrypted: true }], ebs_block_device: [{ device_name: '/dev/sdf', encrypted: true }] },
        no_root: { ami: 'ami-1', instance_type: 't3.micro' },
        plain_root: { ami: 'ami-1', instance_type: 't3.micro', root_block_device: { encrypted: false } },
        plain_extra: { ami: 'ami-1', instance_type: 't3.micro', root_block_device: [{ encrypted: true }], ebs_block_device: [{ device_name: '/dev/sdf' }] },
        from_var: { ami: 'ami-1', instance_type: 't3.micro', root_block_device: [{ encrypted: ref('var.enc') }] },
      },
      aws_launch_template: {
        good: { block_device_mappings: [{ device_name: '/dev/xvda', ebs: [{ encrypted: 'true' }] }, { device_name: '/dev/sdb', virtual_name: 'ephemeral0' }] },
        bare: {},
        plain: { block_device_mappings: [{ device_name: '/dev/xvda', ebs: { volume_size: 30 } }] },
      },
    });
    expect(verdicts(InstanceBlockDevicesEncrypted, stack)).toEqual({
      fail: ['aws_instance.no_root', 'aws_instance.plain_extra', 'aws_instance.plain_root', 'aws_launch_template.bare', 'aws_launch_template.plain'],
      unknown: ['aws_instance.from_var'],
      pass: ['aws_instance.good', 'aws_launch_template.good'],
    });
  });

  it('Noncompliance: launch configurations with unencrypted, unset or computed devices', () => {
    const lc = { image_id: 'ami-1', instance_type: 't3.micro' };
    const stack = fixtureStack({
      aws_launch_configuration: {
        good: { ...lc, root_block_device: { encrypted: true }, ebs_block_device: [{ device_name: '/dev/sdf', encrypted: 'true' }, { device_name: '/dev/sdg', no_device: true }] },
        no_root: lc,
        root_unset: { ...lc, root_block_device: [{ volume_size: 20 }] },
        root_string_false: { ...lc, root_block_device: [{ encrypted: 'false' }] },
        extra_unset: { ...lc, root_block_device: { encrypted: true }, ebs_block_device: { device_name: '/dev/sdf', volume_size: 10 } },
        computed_extra: { ...lc, root_block_device: { encrypted: true }, ebs_block_device: ref('var.devices') },
        computed_root: { ...lc, root_block_device: ref('var.root') },
        flag_from_local: { ...lc, root_block_device: { encrypted: ref('local.encrypt') } },
      },
    });
    expect(verdicts(InstanceBlockDevicesEncrypted, stack)).toEqual({
      fail: ['aws_launch_configuration.extra_unset', 'aws_launch_configuration.no_root', 'aws_launch_configuration.root_string_false', 'aws_launch_configuration.root_unset'],
      unknown: ['aws_launch_configuration.computed_extra', 'aws_launch_configuration.computed_root', 'aws_launch_configuration.flag_from_local'],
      pass: ['aws_launch_configuration.good'],
    });
  });

  it('Noncompliance: launch templates with string flags, computed mappings or a computed ebs block', () => {
    const stack = fixtureStack({
      aws_launch_template: {
        string_false: { block_device_mappings: { device_name: '/dev/xvda', ebs: { encrypted: 'false' } } },
        empty_string: { block_device_mappings: [{ device_name: '/dev/xvda', ebs: [{ encrypted: '' }] }] },
        computed_mappings: { block_device_mappings: ref('var.mappings') },
        computed_ebs: { block_device_mappings: [{ device_name: '/dev/xvda', ebs: [{ encrypted: 'true' }] }, { device_name: '/dev/sdf', ebs: ref('var.ebs') }] },
        object_form: { block_device_mappings: { device_name: '/dev/xvda', ebs: { encrypted: true } } },
      },
    });
    expect(verdicts(InstanceBlockDevicesEncrypted, stack)).toEqual({
      fail: ['aws_launch_template.empty_string', 'aws_launch_template.string_false'],
      unknown: ['aws_launch_template.computed_ebs', 'aws_launch_template.computed_mappings'],
      pass: ['aws_launch_template.object_form'],
    });
  });

  it('an instance whose extra devices are computed is unknown, not passed', () => {
    const stack = fixtureStack({ aws_instance: { i: { ami: 'ami-1', instance_type: 't3.micro', root_block_device: { encrypted: true }, ebs_block_device: ref('var.devices') } } });
    expect(verdicts(InstanceBlockDevicesEncrypted, stack)).toEqual({ fail: [], unknown: ['aws_instance.i'], pass: [] });
  });
});
