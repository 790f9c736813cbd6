import { Rule, RuleOutcome } from '../../types';
import { fail, pass, unknown } from '../_shared/outcomes';
import { coversTcpPort, ingressPermissions } from '../_shared/security-groups';

const ADMIN_PORTS: Record<number, string> = { 22: 'SSH', 3389: 'RDP' };

/** TF-NET-2: SSH and RDP are never open to the internet. */
export const NoAdminPortsFromAnywhere: Rule = {
  meta: {
    id: 'TF-NET-2',
    title: 'Ensure no security group admits SSH (22) or RDP (3389) from 0.0.0.0/0 or ::/0',
    category: 'network-exposure',
    level: 'error',
    resourceTypes: ['aws_security_group', 'aws_default_security_group', 'aws_security_group_rule', 'aws_vpc_security_group_ingress_rule'],
    remediation:
      'Remove the rule and reach hosts through SSM Session Manager (interface endpoints for ssm, ssmmessages and ec2messages), which needs no inbound port at all. If a bastion is unavoidable, admit SSH to it from named CIDRs only, and to the other hosts from the bastion\'s security group.',
    references: { cis: 'CIS AWS v5.0.0 5.3, 5.4', checkov: ['CKV_AWS_24', 'CKV_AWS_25'], cdkNag: ['NIST.800.53.R5-EC2RestrictedSSH', 'AwsSolutions-EC23'] },
    invariant: false,
  },
  check(stack) {
    const outcomes: RuleOutcome[] = [];
    for (const [address, permissions] of ingressPermissions(stack)) {
      let flagged = false;
      for (const p of permissions) {
        if (p.fromAnywhere === false) continue;
        for (const [port, name] of Object.entries(ADMIN_PORTS)) {
          const covers = coversTcpPort(p, Number(port));
          if (covers === false) continue;
          flagged = true;
          const finding = `${p.key}:${name}`;
          if (covers === true && p.fromAnywhere === true) outcomes.push(fail(address, `${name} (${port}) is open to the internet through ${p.key}`, finding));
          else outcomes.push(unknown(address, `cannot tell whether ${name} (${port}) is open to the internet through ${p.key}`, finding));
        }
      }
      if (!flagged) outcomes.push(pass(address, 'neither SSH nor RDP is open to the internet'));
    }
    return outcomes;
  },
};
