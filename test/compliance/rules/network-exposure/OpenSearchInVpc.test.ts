import { OpenSearchInVpc } from '../../../../compliance/rules/network-exposure/OpenSearchInVpc';
import { byStatus, fixtureStack, runRule } from '../../support/compliance-fixtures';

const vpc = { subnet_ids: ['subnet-1', 'subnet-2'], security_group_ids: ['sg-1'] };

describe('TF-NET-22 OpenSearch domains are in a VPC', () => {
  test('GIVEN domains with, without and with partial or unresolved vpc_options THEN only full ones pass', () => {
    const stack = fixtureStack({
      variable: { groups: { type: 'list(string)' } },
      resource: {
        aws_opensearch_domain: { in_vpc: { domain_name: 'a', vpc_options: vpc }, public: { domain_name: 'b' }, no_subnets: { domain_name: 'c', vpc_options: [{ ...vpc, subnet_ids: [] }] }, from_variable: { domain_name: 'd', vpc_options: { ...vpc, security_group_ids: '${var.groups}' } } },
        aws_elasticsearch_domain: { legacy_public: { domain_name: 'e' } },
      },
    });
    expect(byStatus(runRule(OpenSearchInVpc, stack))).toEqual({
      fail: ['aws_elasticsearch_domain.legacy_public', 'aws_opensearch_domain.no_subnets', 'aws_opensearch_domain.public'],
      unknown: ['aws_opensearch_domain.from_variable'],
      suppressed: [],
      pass: ['aws_opensearch_domain.in_vpc'],
    });
  });
});
