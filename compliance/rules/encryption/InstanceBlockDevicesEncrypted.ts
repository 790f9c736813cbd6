import { Rule, RuleOutcome } from '../../types';
import { decide } from '../_shared/outcomes';
import { blockOf, blocksOf, boolOf, resourcesOf, Tri } from '../_shared/values';

/** TF-ENC-2: instance and launch-template root and EBS block devices are encrypted. */
export const InstanceBlockDevicesEncrypted: Rule = {
  meta: {
    id: 'TF-ENC-2',
    title: 'Ensure EC2 instance root and EBS block devices are encrypted',
    category: 'encryption',
    level: 'error',
    resourceTypes: ['aws_instance', 'aws_launch_template'],
    remediation:
      'Declare `root_block_device { encrypted = true }` (and `encrypted = true` on every `ebs_block_device`); on launch templates map the root device with `ebs { encrypted = true }` in `block_device_mappings`. Leaving the root device undeclared inherits the AMI snapshot, which is often unencrypted.',
    references: { cis: 'CIS AWS v5.0.0 5.1.1', checkov: ['CKV_AWS_8'], cdkNag: ['AwsSolutions-EC26'] },
    invariant: false,
  },
  check(stack) {
    const outcomes: RuleOutcome[] = [];
    for (const instance of resourcesOf(stack, 'aws_instance')) {
      const problems: string[] = [];
      const unknowns: string[] = [];
      const root = blocksOf(instance.values.root_block_device);
      if (root.length === 0) problems.push('root_block_device is not declared, so root volume encryption depends on the AMI');
      const devices: [string, Tri][] = [
        ...root.map((d): [string, Tri] => ['root_block_device', boolOf(d.encrypted, false)]),
        ...blocksOf(instance.values.ebs_block_device).map((d): [string, Tri] => [`ebs_block_device ${String(d.device_name ?? '?')}`, boolOf(d.encrypted, false)]),
      ];
      for (const [name, encrypted] of devices) {
        if (encrypted === 'unknown') unknowns.push(`${name}.encrypted is unresolved`);
        else if (!encrypted) problems.push(`${name} is not encrypted`);
      }
      outcomes.push(decide(instance.address, problems, unknowns, 'all block devices are encrypted'));
    }
    for (const template of resourcesOf(stack, 'aws_launch_template')) {
      const problems: string[] = [];
      const unknowns: string[] = [];
      const mappings = blocksOf(template.values.block_device_mappings);
      if (!mappings.some((m) => blocksOf(m.ebs).length > 0)) problems.push('no EBS block_device_mappings, so root volume encryption depends on the AMI');
      for (const mapping of mappings) {
        const ebs = blocksOf(mapping.ebs);
        if (ebs.length === 0) continue; // instance-store or no-device mappings carry no EBS volume
        const encrypted = boolOf(blockOf(mapping.ebs).encrypted, false);
        const name = `block_device_mappings ${String(mapping.device_name ?? '?')}`;
        if (encrypted === 'unknown') unknowns.push(`${name} ebs.encrypted is unresolved`);
        else if (!encrypted) problems.push(`${name} is not encrypted`);
      }
      outcomes.push(decide(template.address, problems, unknowns, 'all declared EBS mappings are encrypted'));
    }
    return outcomes;
  },
};
