import { TerraformOutput, TerraformStack } from '../../core/cdktf';
import { NetworkStack } from '../../stacks/network-stack';
import { SharedPlatformStack } from '../../stacks/shared-platform-stack';
import { newApp, resourcesOf, synthJson, TerraformJson } from '../support/synth';
import { defaultPlatformJson, errorCode, PLATFORM_PROD, platformStack, ref, resourceAt } from '../support/platform-fixtures';

type Rule = Record<string, unknown>;

let probes = 0;
/** What a token resolves to in `stack`'s Terraform JSON (via a throwaway output). */
function resolved(stack: TerraformStack, value: string): unknown {
  const id = `probe-${probes++}`;
  new TerraformOutput(stack, id, { value, staticId: true });
  return (synthJson(stack).output as Record<string, { value: unknown }>)[id]!.value;
}

/** Every ingress rule in the stack, as `<target SG path> <- <source> :<ports>`. */
function ingressChain(json: TerraformJson): string[] {
  const sgPathByRef = new Map(
    Object.entries(resourcesOf(json, 'aws_security_group')).map(([key, sg]) => [ref('aws_security_group', key), (sg['//'] as { metadata: { path: string } }).metadata.path.split('/').slice(1).join('/')]),
  );
  const name = (r: unknown): string => sgPathByRef.get(r as string) ?? `?${String(r)}`;
  return Object.values(resourcesOf(json, 'aws_vpc_security_group_ingress_rule'))
    .map((r: Rule) => `${name(r.security_group_id)} <- ${r.referenced_security_group_id ? name(r.referenced_security_group_id) : r.cidr_ipv4} :${r.from_port}-${r.to_port}/${r.ip_protocol}`)
    .sort();
}

describe('SharedPlatformStack', () => {
  const json = defaultPlatformJson();

  it('security-group chain: only NLB -> Kong -> ALB, plus the VPC endpoints inside the VPC', () => {
    expect(ingressChain(json)).toEqual([
      'alb-pool/security-group-0 <- routing/kong/security-group :443-443/tcp',
      'alb-pool/security-group-1 <- routing/kong/security-group :443-443/tcp',
      'routing/kong/security-group <- routing/nlb/security-group :8000-8000/tcp',
      'routing/kong/security-group <- routing/nlb/security-group :8100-8100/tcp',
      'vpc/endpoint-security-group <- 10.10.0.0/16 :443-443/tcp',
    ]);
  });

  it('nothing else opens a port: no inline or legacy rules, default SG empty, NLB gated by the VPC link', () => {
    expect(resourcesOf(json, 'aws_security_group_rule')).toEqual({});
    for (const sg of Object.values(resourcesOf(json, 'aws_security_group'))) expect(sg.ingress).toBeUndefined();
    expect(Object.values(resourcesOf(json, 'aws_default_security_group'))).toEqual([expect.objectContaining({ ingress: [], egress: [] })]);
    for (const lb of Object.values(resourcesOf(json, 'aws_lb'))) expect(lb.internal).toBe(true);
    expect(resourceAt(json, 'aws_lb', 'routing/nlb/nlb').enforce_security_group_inbound_rules_on_private_link_traffic).toBe('off');
  });

  it('the public half of the chain: CloudFront -> API (origin secret WAF) -> VPC link -> NLB', () => {
    const apiDomain = resourceAt(json, 'aws_api_gateway_domain_name', 'edge/api-domain');
    const distribution = resourceAt(json, 'aws_cloudfront_distribution', 'edge/distribution');
    expect((distribution.origin as { domain_name: string }[])[0]!.domain_name).toBe(ref('aws_api_gateway_domain_name', apiDomain.key, 'regional_domain_name'));
    expect(resourceAt(json, 'aws_api_gateway_base_path_mapping', 'edge/api-mapping').api_id).toBe(ref('aws_api_gateway_rest_api', resourceAt(json, 'aws_api_gateway_rest_api', 'api/rest-api').key));
    expect(resourceAt(json, 'aws_wafv2_web_acl', 'api/origin-verify/web-acl').default_action).toEqual({ block: {} });
    const link = resourceAt(json, 'aws_api_gateway_vpc_link', 'api/vpc-link');
    expect(link.target_arns).toEqual([ref('aws_lb', resourceAt(json, 'aws_lb', 'routing/nlb/nlb').key, 'arn')]);
    for (const i of Object.values(resourcesOf(json, 'aws_api_gateway_integration'))) expect([i.connection_type, i.connection_id]).toEqual(['VPC_LINK', ref('aws_api_gateway_vpc_link', link.key)]);
  });

  it('egress: NLB reaches only Kong; ALBs reach only the VPC (tenant hosts)', () => {
    const sg = (path: string) => ref('aws_security_group', resourceAt(json, 'aws_security_group', path).key);
    const egress = Object.values(resourcesOf(json, 'aws_vpc_security_group_egress_rule'));
    const from = (path: string) => egress.filter((r) => r.security_group_id === sg(path)).map((r) => [r.referenced_security_group_id ?? r.cidr_ipv4, r.from_port, r.to_port]);
    expect(from('routing/nlb/security-group')).toEqual([
      [sg('routing/kong/security-group'), 8000, 8000],
      [sg('routing/kong/security-group'), 8100, 8100],
    ]);
    expect(from('alb-pool/security-group-0')).toEqual([[ref('aws_vpc', resourceAt(json, 'aws_vpc', 'vpc/vpc').key, 'cidr_block'), 1, 65535]]);
  });

  it('tenantRefs point at the resources of the chain', () => {
    const stack = platformStack();
    const refs = stack.tenantRefs;
    const same = (a: string, b: string) => expect(resolved(stack, a)).toBe(resolved(stack, b));
    expect(refs.domain).toBe('aito.app');
    expect(refs.albs.map((a) => a.index)).toEqual([0, 1]);
    same(refs.albs[0]!.securityGroupId, stack.albPool.albs[0]!.securityGroup.id);
    same(refs.albs[1]!.httpsListenerArn, stack.albPool.albs[1]!.httpsListener.arn);
    same(refs.albs[1]!.dnsName, stack.albPool.albs[1]!.alb.dnsName);
    same(refs.routingTierSecurityGroupId, stack.routing.kong!.securityGroup.id);
    same(refs.restApiId, stack.api.restApi.id);
    same(refs.apiStageName, stack.api.stage.stageName);
    same(refs.dataKmsKeyArn, stack.keys.data.arn);
    same(refs.logsKmsKeyArn, stack.keys.logs.arn);
    expect(refs.privateSubnetIds).toHaveLength(3);
    expect(Object.keys(synthJson(stack).output ?? {})).toEqual(
      expect.arrayContaining(['alb_https_listener_arns', 'alb_security_group_ids', 'routing_tier_security_group_id', 'rest_api_id', 'api_stage_name', 'data_kms_key_arn', 'hosted_zone_name_servers']),
    );
  });

  it('uses a NetworkStack VPC through cross-stack references', () => {
    const app = newApp();
    const network = new NetworkStack(app, 'prod-network', { environment: PLATFORM_PROD, vpc: { cidrBlock: '10.10.0.0/16' } });
    const platform = new SharedPlatformStack(app, 'prod-platform', { environment: PLATFORM_PROD, network: network.network, domain: 'aito.app' });
    app.synth();
    const json = synthJson(platform);
    expect(resourcesOf(json, 'aws_vpc')).toEqual({});
    expect(Object.keys((json as { data?: Record<string, unknown> }).data ?? {})).toEqual(['terraform_remote_state']);
    expect(resolved(platform, platform.tenantRefs.vpcId)).toMatch(/^\$\{data\.terraform_remote_state\.[^.]+\.outputs\./);
  });

  it('TF-PLT-015: neither or both of network and vpc', () => {
    expect(errorCode(() => platformStack({ vpc: undefined }))).toBe('TF-PLT-015');
    const app = newApp();
    const network = new NetworkStack(app, 'prod-network', { environment: PLATFORM_PROD, vpc: { cidrBlock: '10.10.0.0/16' } });
    expect(
      errorCode(() => new SharedPlatformStack(app, 'prod-platform', { environment: PLATFORM_PROD, network: network.network, vpc: { cidrBlock: '10.10.0.0/16' }, domain: 'aito.app' })),
    ).toBe('TF-PLT-015');
  });
});
