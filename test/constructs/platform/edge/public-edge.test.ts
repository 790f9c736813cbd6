import { defaultPlatformJson, errorCode, platformStack, ref, resourceAt } from '../../../support/platform-fixtures';
import { resourcesOf, synthJson } from '../../../support/synth';

describe('PlatformDomain', () => {
  const json = defaultPlatformJson();

  it('creates the zone and two DNS-validated *.<domain> certificates, the CloudFront one in us-east-1', () => {
    expect(resourceAt(json, 'aws_route53_zone', 'domain/zone').name).toBe('aito.app');
    const regional = resourceAt(json, 'aws_acm_certificate', 'domain/regional-certificate/certificate');
    const edge = resourceAt(json, 'aws_acm_certificate', 'domain/cloudfront-certificate/certificate');
    expect(regional).toMatchObject({ domain_name: '*.aito.app', validation_method: 'DNS' });
    expect(regional.provider).toBeUndefined();
    expect(edge).toMatchObject({ domain_name: '*.aito.app', validation_method: 'DNS', provider: 'aws.us-east-1' });
    expect(resourceAt(json, 'aws_acm_certificate_validation', 'domain/cloudfront-certificate/validation').provider).toBe('aws.us-east-1');
    expect(resourceAt(json, 'aws_route53_record', 'domain/regional-certificate/validation-record')).toMatchObject({
      zone_id: ref('aws_route53_zone', resourceAt(json, 'aws_route53_zone', 'domain/zone').key, 'zone_id'),
      allow_overwrite: true,
    });
  });

  it('adopts an existing zone and adds SANs to both certificates', () => {
    const adopted = synthJson(platformStack({ hostedZoneId: 'Z0123456789ABCDEFGHIJ', subjectAlternativeNames: ['aito.app'] }));
    expect(resourcesOf(adopted, 'aws_route53_zone')).toEqual({});
    for (const c of Object.values(resourcesOf(adopted, 'aws_acm_certificate'))) expect(c.subject_alternative_names).toEqual(['aito.app']);
    expect(resourceAt(adopted, 'aws_route53_record', 'edge/tenant-hosts-a').zone_id).toBe('Z0123456789ABCDEFGHIJ');
  });

  it('rejects bad domains, SANs and zone IDs with their codes', () => {
    expect(errorCode(() => platformStack({ domain: 'https://aito.app' }))).toBe('TF-PLT-001');
    expect(errorCode(() => platformStack({ subjectAlternativeNames: ['example.com'] }))).toBe('TF-PLT-002');
    expect(errorCode(() => platformStack({ subjectAlternativeNames: Array.from({ length: 10 }, (_, i) => `n${i}.aito.app`) }))).toBe('TF-PLT-003');
    expect(errorCode(() => platformStack({ hostedZoneId: '/hostedzone/Z012345' }))).toBe('TF-PLT-014');
  });
});

describe('PublicEdge', () => {
  const json = defaultPlatformJson();
  const distribution = () => resourceAt(json, 'aws_cloudfront_distribution', 'edge/distribution');

  it('API custom domain *.<domain> is Regional with TLS 1.2', () => {
    expect(resourceAt(json, 'aws_api_gateway_domain_name', 'edge/api-domain')).toMatchObject({
      domain_name: '*.aito.app',
      security_policy: 'TLS_1_2',
      endpoint_configuration: { types: ['REGIONAL'] },
      regional_certificate_arn: ref('aws_acm_certificate_validation', resourceAt(json, 'aws_acm_certificate_validation', 'domain/regional-certificate/validation').key, 'certificate_arn'),
    });
  });

  it('CloudFront: TLSv1.2_2021 minimum, HTTPS only, us-east-1 certificate, WAF, access logs', () => {
    const d = distribution();
    expect(d.aliases).toEqual(['*.aito.app']);
    expect(d.viewer_certificate).toEqual({
      acm_certificate_arn: ref('aws_acm_certificate_validation', resourceAt(json, 'aws_acm_certificate_validation', 'domain/cloudfront-certificate/validation').key, 'certificate_arn'),
      ssl_support_method: 'sni-only',
      minimum_protocol_version: 'TLSv1.2_2021',
    });
    expect(d.default_cache_behavior).toMatchObject({ viewer_protocol_policy: 'https-only', cache_policy_id: '4135ea2d-6df8-44a3-9df3-4b5a84be39ad' });
    expect(d.web_acl_id).toBe(ref('aws_wafv2_web_acl', resourceAt(json, 'aws_wafv2_web_acl', 'edge/waf/web-acl').key, 'arn'));
    expect(d.logging_config).toEqual({ bucket: ref('aws_s3_bucket', resourceAt(json, 'aws_s3_bucket', 'edge/logs/bucket').key, 'bucket_domain_name'), prefix: 'cloudfront/', include_cookies: false });
  });

  it('origin: the API custom domain over TLS 1.2 only, with the origin secret header', () => {
    expect(distribution().origin).toEqual([
      {
        origin_id: 'tenant-api',
        domain_name: ref('aws_api_gateway_domain_name', resourceAt(json, 'aws_api_gateway_domain_name', 'edge/api-domain').key, 'regional_domain_name'),
        custom_origin_config: { http_port: 80, https_port: 443, origin_protocol_policy: 'https-only', origin_ssl_protocols: ['TLSv1.2'], origin_read_timeout: 30 },
        custom_header: [{ name: 'x-origin-verify', value: ref('aws_ssm_parameter', resourceAt(json, 'aws_ssm_parameter', 'origin-secret/parameter').key, 'value') }],
      },
    ]);
    expect(resourceAt(json, 'aws_ssm_parameter', 'origin-secret/parameter')).toMatchObject({
      type: 'SecureString',
      value: '${uuid()}',
      key_id: ref('aws_kms_key', resourceAt(json, 'aws_kms_key', 'keys/data').key, 'arn'),
      lifecycle: { ignore_changes: ['value'] },
    });
  });

  it('WAF: AWS managed rule groups, then a per-IP rate rule that blocks', () => {
    const acl = resourceAt(json, 'aws_wafv2_web_acl', 'edge/waf/web-acl');
    expect(acl).toMatchObject({ scope: 'CLOUDFRONT', provider: 'aws.us-east-1', default_action: { allow: {} } });
    const rules = acl.rule as { name: string; priority: number; statement: Record<string, { limit?: number; vendor_name?: string }> }[];
    expect(rules.map((r) => [r.name, r.priority])).toEqual([
      ['AWSManagedRulesAmazonIpReputationList', 0],
      ['AWSManagedRulesCommonRuleSet', 1],
      ['AWSManagedRulesKnownBadInputsRuleSet', 2],
      ['rate-per-ip', 3],
    ]);
    expect(rules.slice(0, 3).every((r) => r.statement.managed_rule_group_statement?.vendor_name === 'AWS')).toBe(true);
    expect(rules[3]!.statement.rate_based_statement).toEqual({ limit: 2000, aggregate_key_type: 'IP', evaluation_window_sec: 300 });
  });

  it('tenant hosts resolve to CloudFront (A and AAAA)', () => {
    for (const t of ['a', 'aaaa']) {
      expect(resourceAt(json, 'aws_route53_record', `edge/tenant-hosts-${t}`)).toMatchObject({
        name: '*.aito.app',
        type: t.toUpperCase(),
        alias: { name: ref('aws_cloudfront_distribution', distribution().key, 'domain_name'), zone_id: ref('aws_cloudfront_distribution', distribution().key, 'hosted_zone_id') },
      });
    }
  });

  it('TF-PLT-008: WAF rate limit out of range', () => {
    expect(errorCode(() => platformStack({ wafRateLimitPer5Minutes: 5 }))).toBe('TF-PLT-008');
  });
});
