import { blocksOf, decide, defineRule, isUnresolved } from '../../rule-kit';
import { ResourceModel, StackModel } from '../../types';
import { RULE_TYPES } from '../../rule-helpers/security-groups';
import { stackIndex } from '../../rule-helpers/stack-index';

/** TF-NET-4: every VPC adopts its default security group and strips it of rules. */
export const DefaultSecurityGroupLocked = defineRule(
  {
    id: 'TF-NET-4',
    title: 'Ensure the default security group of every VPC allows no traffic',
    category: 'network-exposure',
    level: 'error',
    resourceTypes: ['aws_vpc', 'aws_default_security_group'],
    remediation:
      'Add `aws_default_security_group { vpc_id = <vpc>.id }` with no `ingress` or `egress` blocks: Terraform then removes every rule, and anything launched without an explicit group gets no traffic. Attach no separate rule resources to it.',
    references: { cis: 'CIS AWS v5.0.0 5.5', checkov: ['CKV2_AWS_12'], cdkNag: ['NIST.800.53.R5-VPCDefaultSecurityGroupClosed'] },
  },
  (stack) => {
    const index = stackIndex(stack);
    const { byVpc, ambiguous } = defaultsByVpc(stack);
    const rulesByGroup = rulesByDefaultGroup(stack);
    return index.ofTypes('aws_vpc').map((vpc) => {
      const mine = byVpc.get(vpc.address) ?? [];
      if (mine.length === 0) {
        return ambiguous
          ? decide(vpc.address, [], ['an aws_default_security_group names a VPC that cannot be resolved'], '')
          : decide(vpc.address, ['no aws_default_security_group adopts this VPC\'s default group, so its allow-within-group and allow-all-egress rules stay'], [], '');
      }
      const problems: string[] = [];
      const unknowns: string[] = [];
      for (const d of mine) {
        for (const direction of ['ingress', 'egress'] as const) {
          if (isUnresolved(d.values[direction])) unknowns.push(`${d.address}.${direction} is unresolved`);
          else if (blocksOf(d.values[direction]).length > 0) problems.push(`${d.address} keeps ${direction} rules`);
        }
        if (d.values.dynamic !== undefined) unknowns.push(`${d.address} has dynamic blocks (config mode cannot expand them; check the plan)`);
        for (const rule of rulesByGroup.get(d.address) ?? []) problems.push(`${rule.address} adds a rule to the default group`);
      }
      return decide(vpc.address, problems, unknowns, 'default security group adopted with no rules');
    });
  },
);

function defaultsByVpc(stack: StackModel): { byVpc: Map<string, ResourceModel[]>; ambiguous: boolean } {
  const index = stackIndex(stack);
  const byVpc = new Map<string, ResourceModel[]>();
  let ambiguous = false;
  for (const d of index.ofTypes('aws_default_security_group')) {
    const vpc = index.resolve(d.values.vpc_id, ['aws_vpc']);
    if (vpc === undefined || vpc === 'unknown') {
      if (isUnresolved(d.values.vpc_id)) ambiguous = true;
      continue;
    }
    let list = byVpc.get(vpc.address);
    if (list === undefined) byVpc.set(vpc.address, (list = []));
    list.push(d);
  }
  return { byVpc, ambiguous };
}

/** Separate rule resources by the default group they attach to. */
function rulesByDefaultGroup(stack: StackModel): Map<string, ResourceModel[]> {
  const index = stackIndex(stack);
  const out = new Map<string, ResourceModel[]>();
  for (const rule of index.ofTypes(...RULE_TYPES)) {
    const group = index.resolve(rule.values.security_group_id, ['aws_default_security_group']);
    if (group === undefined || group === 'unknown') continue;
    let list = out.get(group.address);
    if (list === undefined) out.set(group.address, (list = []));
    list.push(rule);
  }
  return out;
}
