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
});
