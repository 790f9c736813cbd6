import { blockOf, checkEach, decide, defineRule, isUnresolved } from '../../rule-kit';
import { checkVpcIdList } from '../../rule-helpers/vpc-placement';

/** TF-NET-21: Lambda functions run in a VPC, so they reach only what the network allows. */
export const LambdaInVpc = defineRule(
  {
    id: 'TF-NET-21',
    title: 'Ensure Lambda functions run in a VPC (vpc_config with subnets and security groups)',
    category: 'network-exposure',
    level: 'error',
    resourceTypes: ['aws_lambda_function'],
    remediation:
      "Set `vpc_config` with private subnet IDs and a security group. Outside a VPC a function runs on Lambda's own network with open internet egress and can reach private resources only through public endpoints; inside, egress is what the security group, NAT and endpoints allow.",
    references: { checkov: ['CKV_AWS_117'], cdkNag: ['NIST.800.53.R5-LambdaInsideVPC'] },
  },
  (stack) =>
    checkEach(stack, ['aws_lambda_function'], (f) => {
      const raw = f.values.vpc_config;
      if (isUnresolved(raw)) return decide(f.address, [], ['vpc_config is unresolved'], '');
      if (raw === undefined || raw === null || (Array.isArray(raw) && raw.length === 0)) return decide(f.address, ['the function has no vpc_config'], [], '');
      const vpc = blockOf(raw);
      const problems: string[] = [];
      const unknowns: string[] = [];
      for (const key of ['subnet_ids', 'security_group_ids']) checkVpcIdList(stack, vpc, key, 'vpc_config', problems, unknowns);
      return decide(f.address, problems, unknowns, 'runs in a VPC');
    }),
);
