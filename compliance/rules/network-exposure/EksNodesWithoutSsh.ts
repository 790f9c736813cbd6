import { blockOf, blocksOf, checkEach, decide, defineRule, isSet, isUnresolved, stackIndex } from '../../rule-kit';

/** TF-NET-41: EKS managed node groups take no SSH key, and their launch templates force IMDSv2. */
export const EksNodesWithoutSsh = defineRule(
  {
    id: 'TF-NET-41',
    title: 'Ensure EKS node groups allow no SSH remote access and their launch templates require IMDSv2 and carry no key pair',
    category: 'network-exposure',
    level: 'error',
    resourceTypes: ['aws_eks_node_group'],
    remediation:
      'Remove the `remote_access` block (an `ec2_ssh_key` without `source_security_group_ids` opens port 22 to 0.0.0.0/0) and use Session Manager. Give the group a launch template with `metadata_options.http_tokens = "required"` and no `key_name`.',
    references: { checkov: ['CKV_AWS_100'], cdkNag: [] },
  },
  (stack) => {
    const index = stackIndex(stack);
    return checkEach(stack, ['aws_eks_node_group'], (g) => {
      const problems: string[] = [];
      const unknowns: string[] = [];
      if (isUnresolved(g.values.remote_access)) unknowns.push('remote_access is unresolved');
      for (const remote of blocksOf(g.values.remote_access)) {
        if (isUnresolved(remote.ec2_ssh_key)) unknowns.push('remote_access.ec2_ssh_key is unresolved');
        else if (isSet(remote.ec2_ssh_key)) problems.push(`remote_access gives the nodes SSH key ${String(remote.ec2_ssh_key)}`);
      }
      const lt = blockOf(g.values.launch_template);
      if (isUnresolved(g.values.launch_template)) unknowns.push('launch_template is unresolved');
      else if (isSet(lt.id) || isSet(lt.name)) {
        const template = index.resolve(isSet(lt.id) ? lt.id : lt.name, ['aws_launch_template'], isSet(lt.id) ? [] : ['name']);
        if (template === 'unknown' || template === undefined) unknowns.push('its launch template is not in this stack, so its metadata options and key pair cannot be read');
        else {
          if (isUnresolved(template.values.key_name)) unknowns.push(`${template.address}.key_name is unresolved`);
          else if (isSet(template.values.key_name)) problems.push(`launch template ${template.address} sets key pair ${String(template.values.key_name)}`);
          const tokens = blockOf(template.values.metadata_options).http_tokens;
          if (isUnresolved(tokens)) unknowns.push(`${template.address}.metadata_options.http_tokens is unresolved`);
          else if (tokens !== 'required') problems.push(`launch template ${template.address} does not require IMDSv2 (http_tokens is ${tokens === undefined ? 'unset' : JSON.stringify(tokens)})`);
        }
      }
      return decide(g.address, problems, unknowns, 'no SSH access; IMDSv2 required where the launch template is visible');
    });
  },
);
