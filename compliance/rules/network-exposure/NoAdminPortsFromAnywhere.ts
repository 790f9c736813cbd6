import { defineRule, fail, pass, unknown } from '../../rule-kit';
import { RuleOutcome } from '../../types';
import { exposureAt, groupMayBeExposed, ingressIndex, IngressPermission } from '../../rule-helpers/security-groups';
import { coversPort } from '../../rule-helpers/traffic';

/** Remote administration: SSH over TCP, RDP over TCP and its UDP transport. */
const ADMIN_POINTS = [
  { protocol: 'tcp', port: 22, name: 'SSH' },
  { protocol: 'tcp', port: 3389, name: 'RDP' },
  { protocol: 'udp', port: 3389, name: 'RDP' },
] as const;

/** TF-NET-2: SSH and RDP are never open to the internet. */
export const NoAdminPortsFromAnywhere = defineRule(
  {
    id: 'TF-NET-2',
    title: 'Ensure no security group admits SSH (22) or RDP (3389) from the internet (0.0.0.0/0, ::/0 or any internet-wide union of ranges)',
    category: 'network-exposure',
    level: 'error',
    resourceTypes: ['aws_security_group', 'aws_default_security_group', 'aws_security_group_rule', 'aws_vpc_security_group_ingress_rule', 'aws_ec2_managed_prefix_list'],
    remediation:
      'Remove the rule and reach hosts through SSM Session Manager (interface endpoints for ssm, ssmmessages and ec2messages), which needs no inbound port at all. If a bastion is unavoidable, admit SSH to it from named CIDRs only, and to the other hosts from the bastion\'s security group. Port ranges (0-65535) and protocol -1 include 22 and 3389; sources are judged as the union of the group\'s rules (a /8 of public IPv4 or a /32 of public IPv6 counts as the internet).',
    references: { cis: 'CIS AWS v5.0.0 5.3, 5.4', checkov: ['CKV_AWS_24', 'CKV_AWS_25'], cdkNag: ['NIST.800.53.R5-EC2RestrictedSSH', 'AwsSolutions-EC23'] },
  },
  (stack) => {
    const { byHolder, byGroup } = ingressIndex(stack);
    const found = new Map<IngressPermission, RuleOutcome[]>();
    const add = (p: IngressPermission, o: RuleOutcome): void => {
      let list = found.get(p);
      if (list === undefined) found.set(p, (list = []));
      list.push(o);
    };
    for (const members of byGroup.values()) {
      if (!groupMayBeExposed(members)) continue;
      for (const { protocol, port, name } of ADMIN_POINTS) {
        const exposure = exposureAt(members.map((p) => [p, coversPort(p.protocol, p.ports, protocol, port)] as const));
        for (const p of exposure.failing) {
          const why = exposure.together ? ', together with the group\'s other rules (their ranges add up to an internet-wide set)' : '';
          add(p, fail(p.address, `${name} (${protocol} ${port}) is open to the internet through ${p.key}${why}`, `${p.key}:${name}`));
        }
        for (const p of exposure.uncertain) add(p, unknown(p.address, `cannot tell whether ${name} (${protocol} ${port}) is open to the internet through ${p.key}`, `${p.key}:${name}`));
      }
    }
    const outcomes: RuleOutcome[] = [];
    for (const [address, permissions] of byHolder) {
      const mine = permissions.flatMap((p) => found.get(p) ?? []);
      outcomes.push(...(mine.length > 0 ? dedupe(mine) : [pass(address, 'neither SSH nor RDP is open to the internet')]));
    }
    return outcomes;
  },
);

/** One outcome per finding key: TCP and UDP 3389 through a protocol -1 rule are one finding. */
function dedupe(outcomes: readonly RuleOutcome[]): RuleOutcome[] {
  const byKey = new Map<string, RuleOutcome>();
  for (const o of outcomes) {
    const key = `${o.finding ?? ''}`;
    const current = byKey.get(key);
    if (current === undefined || (current.status === 'unknown' && o.status === 'fail')) byKey.set(key, o);
  }
  return [...byKey.values()];
}
