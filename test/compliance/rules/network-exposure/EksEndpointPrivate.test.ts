import { EksEndpointPrivate } from '../../../../compliance/rules/network-exposure';
import { fixtureStack, ref, verdicts } from '../../../support/rules-fixtures';

describe('TF-NET-40 EksEndpointPrivate', () => {
  it('passes a private endpoint or one limited to named CIDRs; fails the default and internet-wide lists', () => {
    const stack = fixtureStack({
      aws_eks_cluster: {
        private: { vpc_config: { endpoint_private_access: true, endpoint_public_access: false } },
        office: { vpc_config: [{ endpoint_public_access: true, public_access_cidrs: ['203.0.113.0/24'] }] },
        defaulted: { vpc_config: { subnet_ids: ['subnet-a'] } },
        open: { vpc_config: { endpoint_public_access: true, public_access_cidrs: ['0.0.0.0/0'] } },
        halves: { vpc_config: { endpoint_public_access: 'true', public_access_cidrs: ['0.0.0.0/1', '128.0.0.0/1'] } },
        from_var: { vpc_config: { endpoint_public_access: true, public_access_cidrs: ref('var.cidrs') } },
        flag_var: { vpc_config: { endpoint_public_access: ref('var.public') } },
      },
    });
    expect(verdicts(EksEndpointPrivate, stack)).toEqual({
      fail: ['aws_eks_cluster.defaulted', 'aws_eks_cluster.halves', 'aws_eks_cluster.open'],
      unknown: ['aws_eks_cluster.flag_var', 'aws_eks_cluster.from_var'],
      pass: ['aws_eks_cluster.office', 'aws_eks_cluster.private'],
    });
  });
});
