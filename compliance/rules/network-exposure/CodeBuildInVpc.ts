import { blockOf, checkEach, decide, defineRule, isSpecificUnknown, isUnresolved } from '../../rule-kit';

/** TF-NET-30: CodeBuild projects run in a VPC, so builds reach only what the network allows. */
export const CodeBuildInVpc = defineRule(
  {
    id: 'TF-NET-30',
    title: 'Ensure CodeBuild projects run in a VPC (vpc_config with subnets and security groups)',
    category: 'network-exposure',
    level: 'error',
    resourceTypes: ['aws_codebuild_project'],
    remediation:
      "Set `vpc_config` with the VPC, private subnets and a security group. Outside a VPC a build runs on CodeBuild's own network with open internet access, so a compromised dependency can send anything anywhere; inside, egress is what the security group and NAT allow, and private resources (a test database) need no public endpoint.",
    references: {},
  },
  (stack) =>
    checkEach(stack, ['aws_codebuild_project'], (p) => {
      const raw = p.values.vpc_config;
      if (isUnresolved(raw)) return decide(p.address, [], ['vpc_config is unresolved'], '');
      const vpc = blockOf(raw);
      const problems: string[] = [];
      const unknowns: string[] = [];
      for (const key of ['vpc_id', 'subnets', 'security_group_ids']) {
        const v = vpc[key];
        const items = Array.isArray(v) ? v : [v];
        if (v === undefined || v === null || v === '' || items.length === 0) problems.push(raw === undefined ? 'the project has no vpc_config' : `vpc_config.${key} is empty`);
        // A reference to a resource attribute (a subnet's or a group's ID) is set; a variable or function may be empty.
        else if (!items.every((x) => (typeof x === 'string' && x !== '' && !isUnresolved(x)) || isSpecificUnknown(x))) unknowns.push(`vpc_config.${key} is unresolved`);
      }
      return decide(p.address, [...new Set(problems)], unknowns, 'runs in a VPC');
    }),
);
