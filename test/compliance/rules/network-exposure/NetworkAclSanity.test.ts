import { NetworkAclSanity } from '../../../../compliance/rules/network-exposure';
import { fixtureStack, ref, verdicts } from '../../../support/rules-fixtures';

const rule = (rule_no: number, action: string, protocol: string, from_port: number, to_port: number, cidr_block = '0.0.0.0/0') => ({ rule_no, action, protocol, from_port, to_port, cidr_block });

describe('TF-NET-5 NetworkAclSanity', () => {
  it('flags allow-all and SSH/RDP from anywhere, honouring rule order', () => {
    const stack = fixtureStack({
      aws_network_acl: {
        https_only: { ingress: [rule(100, 'allow', 'tcp', 443, 443), rule(200, 'allow', '-1', 0, 0, '10.0.0.0/16')] },
        allow_all: { ingress: [rule(100, 'allow', '-1', 0, 0)] },
        ssh: { ingress: [rule(100, 'allow', 'tcp', 22, 22)] },
        shielded: { ingress: [rule(50, 'deny', 'tcp', 3389, 3389), rule(100, 'allow', 'tcp', 1024, 65535)] },
        ephemeral: { ingress: [rule(100, 'allow', 'tcp', 1024, 65535)] },
        standalone: {},
        var_cidr: { ingress: [{ ...rule(100, 'allow', 'tcp', 22, 22), cidr_block: ref('var.cidr') }] },
      },
      aws_network_acl_rule: { rdp: { network_acl_id: ref('aws_network_acl.standalone.id'), rule_number: 10, egress: false, rule_action: 'allow', protocol: 'tcp', from_port: 3389, to_port: 3389, cidr_block: '0.0.0.0/0' } },
    });
    expect(verdicts(NetworkAclSanity, stack)).toEqual({
      fail: ['aws_network_acl.allow_all', 'aws_network_acl.ephemeral', 'aws_network_acl.ssh', 'aws_network_acl.standalone'],
      unknown: ['aws_network_acl.var_cidr'],
      pass: ['aws_network_acl.https_only', 'aws_network_acl.shielded'],
    });
  });
});
