import { KmsKey } from '../../../core/aws';
import { PostgresInstance } from '../../../constructs/database/postgres-instance';
import { EksCluster } from '../../../constructs/eks/eks-cluster';
import { WebEdge, WebEdgeProps } from '../../../constructs/web/web-edge';
import { buildIn, ConstructTestStack, gateProblemsOf } from '../../support/construct-fixtures';
import { resourcesOf, TerraformJson } from '../../support/synth';

const CERT = 'arn:aws:acm:us-east-1:222222222222:certificate/site';
const ALB_CERT = 'arn:aws:acm:eu-west-1:222222222222:certificate/origin';

function edgeProps(stack: ConstructTestStack, overrides: Partial<WebEdgeProps['api']> = {}): WebEdgeProps {
  return {
    siteName: 'web',
    domain: { aliases: ['app.example.com'], certificateArn: CERT, hostedZoneId: 'Z0123456789ABCDEFGHIJ' },
    cloudFrontProvider: stack.regionalProvider('us-east-1'),
    logsKmsKey: new KmsKey(stack, 'logs-key', { enableKeyRotation: true }),
    api: { vpcId: 'vpc-1', publicSubnetIds: ['subnet-pub-a', 'subnet-pub-b'], originDomainName: 'origin.app.example.com', certificateArn: ALB_CERT, targetPort: 8080, ...overrides },
  };
}

/** The whole chain in one stack: CloudFront -> ALB -> pods (EKS nodes) -> RDS. */
function chain() {
  return buildIn((stack) => {
    const edge = new WebEdge(stack, 'edge', edgeProps(stack));
    const eks = new EksCluster(stack, 'eks', { name: 'web', vpcId: 'vpc-1', subnetIds: ['subnet-app-a', 'subnet-app-b'], nodeGroups: { frontend: { instanceTypes: ['m7g.large'], minSize: 1, maxSize: 3 }, backend: { instanceTypes: ['m7g.large'], minSize: 1, maxSize: 3 } } });
    const db = new PostgresInstance(stack, 'db', { name: 'app', vpcId: 'vpc-1', subnetIds: ['subnet-db-a', 'subnet-db-b'], allowedSecurityGroups: { pods: eks.nodeSecurityGroupId } });
    edge.allowTargets('pods', eks.nodeSecurityGroupId);
    eks.allowIngressFrom('alb', edge.albSecurityGroupId, 8080);
    eks.allowEgressTo('database', db.securityGroupId, db.port);
    return { edge, eks, db };
  });
}

type Rule = Record<string, unknown>;
/** `<group> <- <source> :<from>-<to>/<protocol>` for every ingress rule, with groups named by construct path. */
function ingressChain(json: TerraformJson): string[] {
  const groups = resourcesOf(json, 'aws_security_group');
  const nameOf = (value: unknown): string => {
    const m = /^\$\{aws_security_group\.([^.]+)\.id\}$/.exec(String(value));
    if (m) return String(((groups[m[1]!] as Rule)['//'] as { metadata: { path: string } }).metadata.path).replace(/^construct-test\//, '');
    const pl = /^\$\{data\.aws_ec2_managed_prefix_list\.[^.]*cloudfront[^.]*\.id\}$/.exec(String(value));
    return pl ? 'cloudfront-origin-facing' : String(value);
  };
  return Object.values(resourcesOf(json, 'aws_vpc_security_group_ingress_rule'))
    .map((r) => `${nameOf(r.security_group_id)} <- ${nameOf(r.referenced_security_group_id ?? r.prefix_list_id ?? r.cidr_ipv4 ?? r.cidr_ipv6)} :${r.from_port ?? 'all'}-${r.to_port ?? 'all'}/${r.ip_protocol}`)
    .sort();
}

describe('WebEdge', () => {
  const { json } = buildIn((stack) => new WebEdge(stack, 'edge', edgeProps(stack)));

  it('sends /api/* to the ALB with the origin secret, no caching, and the SPA from S3', () => {
    const [distribution] = Object.values(resourcesOf(json, 'aws_cloudfront_distribution'));
    const origins = distribution!.origin as Rule[];
    const api = origins.find((o) => o.origin_id === 'api')!;
    expect(api).toMatchObject({ domain_name: 'origin.app.example.com', custom_origin_config: { origin_protocol_policy: 'https-only', origin_ssl_protocols: ['TLSv1.2'] } });
    expect(JSON.stringify(api.custom_header)).toMatch(/x-origin-verify.*aws_ssm_parameter/i);
    expect(distribution!.ordered_cache_behavior).toMatchObject([{ path_pattern: '/api/*', target_origin_id: 'api', viewer_protocol_policy: 'redirect-to-https' }]);
    expect(distribution!.viewer_certificate).toMatchObject({ minimum_protocol_version: 'TLSv1.2_2021' });
    expect(distribution!.web_acl_id).toBeDefined();
  });

  it('the ALB admits the CloudFront origin-facing prefix list on 443 only, and forwards only requests with the secret', () => {
    expect(ingressChain(json)).toEqual(['edge/alb-security-group <- cloudfront-origin-facing :443-443/tcp']);
    const [list] = Object.values((json as { data: Record<string, Record<string, Rule>> }).data.aws_ec2_managed_prefix_list!);
    expect(list!.name).toBe('com.amazonaws.global.cloudfront.origin-facing');
    const [listener] = Object.values(resourcesOf(json, 'aws_lb_listener'));
    expect(listener).toMatchObject({ protocol: 'HTTPS', ssl_policy: 'ELBSecurityPolicy-TLS13-1-2-2021-06', default_action: [{ type: 'fixed-response', fixed_response: { status_code: '403' } }] });
    const [rule] = Object.values(resourcesOf(json, 'aws_lb_listener_rule'));
    expect(JSON.stringify(rule!.condition)).toMatch(/x-origin-verify/i);
    expect(Object.values(resourcesOf(json, 'aws_lb'))).toMatchObject([{ internal: false, drop_invalid_header_fields: true, enable_deletion_protection: true }]);
  });

  it.each([
    ['a bad path', { pathPattern: 'api/*' }, /\[TF-WEB-020\]/],
    ['port 0', { targetPort: 0 }, /\[TF-WEB-021\]/],
    ['one public subnet', { publicSubnetIds: ['subnet-a'] }, /\[TF-WEB-022\]/],
  ])('refuses %s', (_, api, error) => {
    expect(() => buildIn((stack) => new WebEdge(stack, 'edge', edgeProps(stack, api as Partial<WebEdgeProps['api']>)))).toThrow(error);
  });
});

describe('chain: CloudFront -> ALB -> pods -> RDS, nothing else reachable', () => {
  const { json, stack } = chain();

  it('ingress: ALB from CloudFront only, pods from the ALB and the control plane, RDS from the pods only', () => {
    expect(ingressChain(json)).toEqual([
      'db/security-group <- eks/node-security-group :5432-5432/tcp',
      'edge/alb-security-group <- cloudfront-origin-facing :443-443/tcp',
      'eks/control-plane-security-group <- eks/node-security-group :443-443/tcp',
      ...[10250, 443, 4443, 6443, 8443, 9443].map((p) => `eks/node-security-group <- eks/control-plane-security-group :${p}-${p}/tcp`).sort(),
      'eks/node-security-group <- eks/node-security-group :all-all/-1',
      'eks/node-security-group <- edge/alb-security-group :8080-8080/tcp',
    ].sort());
  });

  it('no inline or legacy rules, no public database or cluster endpoint', () => {
    expect(resourcesOf(json, 'aws_security_group_rule')).toEqual({});
    for (const sg of Object.values(resourcesOf(json, 'aws_security_group'))) expect(sg.ingress).toBeUndefined();
    for (const db of Object.values(resourcesOf(json, 'aws_db_instance'))) expect(db.publicly_accessible).toBe(false);
    expect(Object.values(resourcesOf(json, 'aws_eks_cluster'))).toMatchObject([{ vpc_config: { endpoint_public_access: false } }]);
  });

  it('egress: the ALB reaches only the pods; the database opens nothing', () => {
    const egress = Object.values(resourcesOf(json, 'aws_vpc_security_group_egress_rule'));
    const albEgress = egress.filter((r) => String(r.security_group_id).includes('edge_alb-security-group'));
    expect(albEgress.map((r) => [String(r.referenced_security_group_id).replace(/_[A-F0-9]+\.id\}$/, ''), r.from_port])).toEqual([['${aws_security_group.eks_node-security-group', 8080]]);
    expect(egress.filter((r) => String(r.security_group_id).includes('db_security-group'))).toEqual([]);
  });

  it('the gate passes the whole chain', () => {
    expect(gateProblemsOf(stack)).toEqual([]);
  });
});
