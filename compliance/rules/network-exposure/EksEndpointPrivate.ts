import { blockOf, boolOf, checkEach, decide, defineRule, isUnresolved, listOf } from '../../rule-kit';
import { isWidePublic, publicPart } from '../../rule-helpers/cidr';
import { cidrSources } from '../../rule-helpers/traffic';

/** What EKS uses when `public_access_cidrs` is not set. */
const EKS_DEFAULT_PUBLIC_CIDRS = ['0.0.0.0/0'];

/** TF-NET-40: the EKS API endpoint is private, or public only to named networks. */
export const EksEndpointPrivate = defineRule(
  {
    id: 'TF-NET-40',
    title: 'Ensure the EKS API endpoint is private, or public only to named CIDRs that are not internet-wide',
    category: 'network-exposure',
    level: 'error',
    resourceTypes: ['aws_eks_cluster'],
    remediation:
      'Set `vpc_config.endpoint_public_access = false` (and `endpoint_private_access = true`), or keep it public with `public_access_cidrs` naming your office or CI ranges. EKS defaults the public endpoint to on and to 0.0.0.0/0 when the CIDRs are not set. CIDRs adding up to a /8 of public IPv4 count as the internet.',
    references: { checkov: ['CKV_AWS_38', 'CKV_AWS_39'], cdkNag: ['AwsSolutions-EKS1'] },
  },
  (stack) =>
    checkEach(stack, ['aws_eks_cluster'], (c) => {
      const problems: string[] = [];
      const unknowns: string[] = [];
      const vpc = blockOf(c.values.vpc_config);
      if (isUnresolved(c.values.vpc_config)) unknowns.push('vpc_config is unresolved');
      const publicAccess = boolOf(vpc.endpoint_public_access, true);
      if (publicAccess === 'unknown') unknowns.push('endpoint_public_access is unresolved');
      else if (publicAccess) {
        const written = vpc.public_access_cidrs;
        if (isUnresolved(written)) unknowns.push('public_access_cidrs is unresolved');
        else {
          const cidrs = listOf(written).length > 0 ? listOf(written) : EKS_DEFAULT_PUBLIC_CIDRS;
          const sources = cidrSources(cidrs);
          if (isWidePublic(publicPart(sources.known))) problems.push(`the public API endpoint is open to the internet (${listOf(written).length > 0 ? cidrs.join(', ') : 'public_access_cidrs unset: 0.0.0.0/0'})`);
          else if (sources.unresolved.length > 0) unknowns.push(`public_access_cidrs holds ${sources.unresolved.join(', ')}`);
        }
      }
      return decide(c.address, problems, unknowns, publicAccess === true ? 'the public endpoint admits named CIDRs only' : 'the API endpoint is private');
    }),
);
