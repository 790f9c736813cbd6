import { blockOf, checkEach, decide, defineRule, isUnresolved } from '../../rule-kit';
import { checkVpcIdList } from '../../rule-helpers/vpc-placement';

/** TF-NET-22: OpenSearch domains sit in a VPC, never on a public endpoint. */
export const OpenSearchInVpc = defineRule(
  {
    id: 'TF-NET-22',
    title: 'Ensure OpenSearch domains are deployed in a VPC (vpc_options with subnets and security groups)',
    category: 'network-exposure',
    level: 'error',
    resourceTypes: ['aws_opensearch_domain', 'aws_elasticsearch_domain'],
    remediation:
      'Set `vpc_options` with private subnet IDs (one per AZ) and a security group that admits only the clients. Without it the domain gets a public endpoint that only its access policy guards.',
    references: { checkov: ['CKV_AWS_137'], cdkNag: ['AwsSolutions-OS1'] },
  },
  (stack) =>
    checkEach(stack, ['aws_opensearch_domain', 'aws_elasticsearch_domain'], (d) => {
      const raw = d.values.vpc_options;
      if (isUnresolved(raw)) return decide(d.address, [], ['vpc_options is unresolved'], '');
      if (raw === undefined || raw === null || (Array.isArray(raw) && raw.length === 0)) return decide(d.address, ['the domain has no vpc_options, so its endpoint is public'], [], '');
      const vpc = blockOf(raw);
      const problems: string[] = [];
      const unknowns: string[] = [];
      for (const key of ['subnet_ids', 'security_group_ids']) checkVpcIdList(stack, vpc, key, 'vpc_options', problems, unknowns);
      return decide(d.address, problems, unknowns, 'the domain is in a VPC');
    }),
);
