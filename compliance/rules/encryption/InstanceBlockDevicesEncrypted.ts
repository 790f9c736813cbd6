import { boolOf, checkEach, decide, defineRule, type Tri } from '../../rule-kit';
import { ResourceModel } from '../../types';
import { nestedBlock, nestedBlocks } from '../../rule-helpers/blocks';

/** An `encrypted` flag; the launch template spells it as a string, where `""` means unset. */
function encryptedOf(value: unknown): Tri {
  return boolOf(value === '' ? undefined : value, false);
}

function judge(name: string, encrypted: Tri, problems: string[], unknowns: string[]): void {
  if (encrypted === 'unknown') unknowns.push(`${name}.encrypted is unresolved`);
  else if (!encrypted) problems.push(`${name} is not encrypted`);
}

/**
 * `aws_instance` and `aws_launch_configuration`: a `root_block_device` that
 * says `encrypted = true` and the same on every `ebs_block_device` that
 * creates a volume (`no_device` ones create none).
 */
function instanceLike(resource: ResourceModel): { problems: string[]; unknowns: string[] } {
  const problems: string[] = [];
  const unknowns: string[] = [];
  const root = nestedBlock(resource.values.root_block_device);
  if (root === 'unknown') unknowns.push('root_block_device is unresolved');
  else if (Object.keys(root).length === 0) problems.push('root_block_device is not declared, so root volume encryption depends on the AMI');
  else judge('root_block_device', encryptedOf(root.encrypted), problems, unknowns);
  const extra = nestedBlocks(resource.values.ebs_block_device);
  if (extra === 'unknown') unknowns.push('ebs_block_device is unresolved');
  else {
    for (const device of extra) {
      const name = `ebs_block_device ${String(device.device_name ?? '?')}`;
      const none = boolOf(device.no_device, false);
      if (none === true) continue;
      if (none === 'unknown') unknowns.push(`${name}.no_device is unresolved`);
      else judge(name, encryptedOf(device.encrypted), problems, unknowns);
    }
  }
  return { problems, unknowns };
}

/** `aws_launch_template`: every mapping with an `ebs` block, and at least one of them (else the AMI decides). */
function launchTemplate(template: ResourceModel): { problems: string[]; unknowns: string[] } {
  const problems: string[] = [];
  const unknowns: string[] = [];
  const mappings = nestedBlocks(template.values.block_device_mappings);
  if (mappings === 'unknown') return { problems, unknowns: ['block_device_mappings is unresolved'] };
  let ebsMappings = 0;
  for (const mapping of mappings) {
    const name = `block_device_mappings ${String(mapping.device_name ?? '?')}`;
    const ebs = nestedBlock(mapping.ebs);
    if (ebs === 'unknown') {
      unknowns.push(`${name} ebs is unresolved`);
      continue;
    }
    // Instance-store or no-device mappings carry no EBS volume.
    if (mapping.ebs === undefined || mapping.ebs === null) continue;
    ebsMappings += 1;
    judge(name, encryptedOf(ebs.encrypted), problems, unknowns);
  }
  if (ebsMappings === 0 && unknowns.length === 0) problems.push('no EBS block_device_mappings, so root volume encryption depends on the AMI');
  return { problems, unknowns };
}

/** TF-ENC-2: instance, launch-configuration and launch-template root and EBS block devices are encrypted. */
export const InstanceBlockDevicesEncrypted = defineRule(
  {
    id: 'TF-ENC-2',
    title: 'Ensure EC2 instance, launch configuration and launch template root and EBS block devices are encrypted',
    category: 'encryption',
    level: 'error',
    resourceTypes: ['aws_instance', 'aws_launch_configuration', 'aws_launch_template'],
    remediation:
      'Declare `root_block_device { encrypted = true }` (and `encrypted = true` on every `ebs_block_device`) on instances and launch configurations; on launch templates map the root device with `ebs { encrypted = true }` in `block_device_mappings`. Leaving the root device undeclared, or `encrypted` unset, inherits the AMI snapshot or the account default, which this stack does not guarantee.',
    references: { cis: 'CIS AWS v5.0.0 5.1.1', checkov: ['CKV_AWS_8'], cdkNag: ['AwsSolutions-EC26'] },
  },
  (stack) =>
    checkEach(stack, ['aws_instance', 'aws_launch_configuration', 'aws_launch_template'], (resource) => {
      const { problems, unknowns } = resource.type === 'aws_launch_template' ? launchTemplate(resource) : instanceLike(resource);
      return decide(resource.address, problems, unknowns, resource.type === 'aws_launch_template' ? 'all declared EBS mappings are encrypted' : 'all block devices are encrypted');
    }),
);
