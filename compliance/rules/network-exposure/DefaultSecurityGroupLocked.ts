import { Rule } from '../../types';
import { decide } from '../_shared/outcomes';
import { blocksOf, isUnresolved, pointsAt, resourcesOf } from '../_shared/values';

/** TF-NET-4: every VPC adopts its default security group and strips it of rules. */
export const DefaultSecurityGroupLocked: Rule = {
  meta: {
    id: 'TF-NET-4',
    title: 'Ensure the default security group of every VPC allows no traffic',
    category: 'network-exposure',
    level: 'error',
    resourceTypes: ['aws_vpc', 'aws_default_security_group'],
    remediation:
      'Add `aws_default_security_group { vpc_id = <vpc>.id }` with no `ingress` or `egress` blocks: Terraform then removes every rule, and anything launched without an explicit group gets no traffic. Attach no separate rule resources to it.',
    references: { cis: 'CIS AWS v5.0.0 5.5', checkov: ['CKV2_AWS_12'], cdkNag: ['NIST.800.53.R5-VPCDefaultSecurityGroupClosed'] },
    invariant: false,
  },
  check(stack) {
    const defaults = resourcesOf(stack, 'aws_default_security_group');
    const extraRules = resourcesOf(stack, 'aws_security_group_rule', 'aws_vpc_security_group_ingress_rule', 'aws_vpc_security_group_egress_rule');
    return resourcesOf(stack, 'aws_vpc').map((vpc) => {
      const mine = defaults.filter((d) => pointsAt(d.values.vpc_id, vpc));
      const ambiguous = defaults.some((d) => isUnresolved(d.values.vpc_id) && !resourcesOf(stack, 'aws_vpc').some((v) => pointsAt(d.values.vpc_id, v)));
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
        for (const rule of extraRules.filter((r) => pointsAt(r.values.security_group_id, d))) problems.push(`${rule.address} adds a rule to the default group`);
      }
      return decide(vpc.address, problems, unknowns, 'default security group adopted with no rules');
    });
  },
};
