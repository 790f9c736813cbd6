import { SearchDomain, SearchDomainProps } from '../../../constructs/search/search-domain';
import { buildIn, gateProblemsOf } from '../../support/construct-fixtures';
import { errorCode, resourceAt } from '../../support/platform-fixtures';
import { PROD, resourcesOf } from '../../support/synth';

const KEY = 'arn:aws:kms:eu-west-1:222222222222:key/search';
const LOGS = 'arn:aws:kms:eu-west-1:222222222222:key/logs';
const ROLE = 'arn:aws:iam::222222222222:role/search-admin';
const WORKER = 'arn:aws:iam::222222222222:role/worker';

function search(overrides: Partial<SearchDomainProps> = {}, environment = undefined as typeof PROD | undefined) {
  const base = { domainName: 'catalog', vpcId: 'vpc-1', subnetIds: ['subnet-a', 'subnet-b'], kmsKeyArn: KEY, logsKmsKeyArn: LOGS, masterUserRoleArn: ROLE, allowedRoleArns: [WORKER], ...overrides };
  return buildIn((stack) => new SearchDomain(stack, 'search', base), environment);
}

describe('SearchDomain', () => {
  const { json, stack } = search();
  const domain = resourceAt(json, 'aws_opensearch_domain', 'search/domain');

  it('in the private subnets, CMK at rest, node-to-node, HTTPS with TLS 1.2, fine-grained access control', () => {
    expect(domain).toMatchObject({
      domain_name: 'tf-dev-catalog',
      vpc_options: { subnet_ids: ['subnet-a', 'subnet-b'] },
      encrypt_at_rest: { enabled: true, kms_key_id: KEY },
      node_to_node_encryption: { enabled: true },
      domain_endpoint_options: { enforce_https: true, tls_security_policy: 'Policy-Min-TLS-1-2-PFS-2023-10' },
      advanced_security_options: { enabled: true, internal_user_database_enabled: false, master_user_options: { master_user_arn: ROLE } },
      cluster_config: { zone_awareness_enabled: true, zone_awareness_config: { availability_zone_count: 2 }, dedicated_master_enabled: false, instance_count: 2 },
    });
    expect(JSON.parse(domain.access_policies as string).Statement[0].Principal).toEqual({ AWS: [ROLE, WORKER] });
  });

  it('publishes every log type into a KMS log group', () => {
    expect((domain.log_publishing_options as unknown[]).length).toBe(4);
    for (const g of Object.values(resourcesOf(json, 'aws_cloudwatch_log_group'))) expect(g.kms_key_id).toBe(LOGS);
  });

  it('dedicated masters by default in production, and a single AZ refused there', () => {
    const prod = search({ kmsKeyArn: 'arn:aws:kms:eu-west-1:111111111111:key/s', logsKmsKeyArn: 'arn:aws:kms:eu-west-1:111111111111:key/l', masterUserRoleArn: 'arn:aws:iam::111111111111:role/a', allowedRoleArns: ['arn:aws:iam::111111111111:role/w'] }, PROD).json;
    expect(resourceAt(prod, 'aws_opensearch_domain', 'search/domain').cluster_config).toMatchObject({ dedicated_master_enabled: true, dedicated_master_count: 3 });
    expect(errorCode(() => search({ subnetIds: ['subnet-a'], kmsKeyArn: 'arn:aws:kms:eu-west-1:111111111111:key/s', logsKmsKeyArn: 'arn:aws:kms:eu-west-1:111111111111:key/l', masterUserRoleArn: 'arn:aws:iam::111111111111:role/a', allowedRoleArns: ['arn:aws:iam::111111111111:role/w'] }, PROD))).toBe('TF-SRCH-003');
  });

  it('admits nobody until told, then HTTPS from the named group', () => {
    expect(json.resource?.aws_vpc_security_group_ingress_rule).toBeUndefined();
    const admitted = buildIn((s) => new SearchDomain(s, 'search', { domainName: 'catalog', vpcId: 'vpc-1', subnetIds: ['subnet-a', 'subnet-b'], kmsKeyArn: KEY, logsKmsKeyArn: LOGS, masterUserRoleArn: ROLE, allowedRoleArns: [WORKER] }).admitFrom('worker', 'sg-worker')).json;
    expect(resourceAt(admitted, 'aws_vpc_security_group_ingress_rule', 'search/security-group-from-worker')).toMatchObject({ from_port: 443, referenced_security_group_id: 'sg-worker' });
  });

  it('passes the gate', () => {
    expect(gateProblemsOf(stack)).toEqual([]);
  });

  it('rejects bad names, counts, types and empty access with their codes', () => {
    expect(errorCode(() => search({ domainName: 'a-very-long-catalog-name-x' }))).toBe('TF-SRCH-001');
    expect(errorCode(() => search({ instanceCount: 3 }))).toBe('TF-SRCH-002');
    expect(errorCode(() => search({ instanceType: 'r6g.large' }))).toBe('TF-SRCH-004');
    expect(errorCode(() => search({ allowedRoleArns: [] }))).toBe('TF-SRCH-005');
  });
});
