import { EksNodesWithoutSsh } from '../../../../compliance/rules/network-exposure';
import { fixtureStack, ref, verdicts } from '../../../support/rules-fixtures';

describe('TF-NET-41 EksNodesWithoutSsh', () => {
  it('fails SSH keys and launch templates without IMDSv2 or with a key pair; unknown for templates it cannot see', () => {
    const stack = fixtureStack({
      aws_launch_template: {
        good: { metadata_options: { http_tokens: 'required' } },
        optional: { metadata_options: { http_tokens: 'optional' } },
        keyed: { key_name: 'ops', metadata_options: [{ http_tokens: 'required' }] },
      },
      aws_eks_node_group: {
        plain: { cluster_name: 'c', node_role_arn: 'arn', subnet_ids: ['s'] },
        ssh: { remote_access: { ec2_ssh_key: 'ops' } },
        ssh_var: { remote_access: [{ ec2_ssh_key: ref('var.key') }] },
        templated: { launch_template: { id: ref('aws_launch_template.good.id'), version: '1' } },
        imds_optional: { launch_template: { id: ref('aws_launch_template.optional.id'), version: '1' } },
        by_name: { launch_template: { name: ref('aws_launch_template.keyed.name'), version: '1' } },
        outside: { launch_template: { id: 'lt-0123', version: '1' } },
      },
    });
    expect(verdicts(EksNodesWithoutSsh, stack)).toEqual({
      fail: ['aws_eks_node_group.by_name', 'aws_eks_node_group.imds_optional', 'aws_eks_node_group.ssh'],
      unknown: ['aws_eks_node_group.outside', 'aws_eks_node_group.ssh_var'],
      pass: ['aws_eks_node_group.plain', 'aws_eks_node_group.templated'],
    });
  });
});
