import { KmsKey } from '../../../core/aws';
import { StaticSite, StaticSiteProps } from '../../../constructs/web/static-site';
import { buildIn, ConstructTestStack, gateProblemsOf } from '../../support/construct-fixtures';
import { errorCode, ref, resourceAt } from '../../support/platform-fixtures';

const CERT = 'arn:aws:acm:us-east-1:222222222222:certificate/site';

function site(overrides: Partial<StaticSiteProps> = {}, more?: (s: StaticSite) => void) {
  return buildIn((stack: ConstructTestStack) => {
    const logsKmsKey = new KmsKey(stack, 'logs-key', { enableKeyRotation: true });
    const s = new StaticSite(stack, 'ui', {
      siteName: 'ui',
      domain: { aliases: ['ui.data.example.com'], certificateArn: CERT, hostedZoneId: 'Z0123456789ABCDEFGHIJ' },
      cloudFrontProvider: stack.regionalProvider('us-east-1'),
      logsKmsKey,
      ...overrides,
    });
    more?.(s);
    return s;
  });
}

describe('StaticSite', () => {
  const { json, stack } = site();
  const distribution = resourceAt(json, 'aws_cloudfront_distribution', 'ui/distribution');
  const distributionArn = ref('aws_cloudfront_distribution', distribution.key, 'arn');

  it('serves the bucket through origin access control, HTTPS with TLSv1.2_2021, WAF, security headers and access logs', () => {
    const bucket = resourceAt(json, 'aws_s3_bucket', 'ui/bucket');
    const oac = resourceAt(json, 'aws_cloudfront_origin_access_control', 'ui/origin-access-control');
    expect(oac).toMatchObject({ origin_access_control_origin_type: 's3', signing_behavior: 'always', signing_protocol: 'sigv4' });
    expect(distribution.origin).toEqual([{ origin_id: 'site-bucket', domain_name: ref('aws_s3_bucket', bucket.key, 'bucket_regional_domain_name'), origin_access_control_id: ref('aws_cloudfront_origin_access_control', oac.key) }]);
    expect(distribution.viewer_certificate).toEqual({ acm_certificate_arn: CERT, ssl_support_method: 'sni-only', minimum_protocol_version: 'TLSv1.2_2021' });
    expect(distribution.default_cache_behavior).toMatchObject({ viewer_protocol_policy: 'redirect-to-https', target_origin_id: 'site-bucket', response_headers_policy_id: '67f7725c-6f97-4210-82d7-5512b31e9d03' });
    expect(distribution.web_acl_id).toBe(ref('aws_wafv2_web_acl', resourceAt(json, 'aws_wafv2_web_acl', 'ui/waf/web-acl').key, 'arn'));
    expect(resourceAt(json, 'aws_wafv2_web_acl', 'ui/waf/web-acl')).toMatchObject({ scope: 'CLOUDFRONT', provider: 'aws.us-east-1' });
    expect(distribution.logging_config).toMatchObject({ bucket: ref('aws_s3_bucket', resourceAt(json, 'aws_s3_bucket', 'ui/logs/bucket').key, 'bucket_domain_name'), prefix: 'cloudfront/ui/' });
    expect(distribution.default_root_object).toBe('index.html');
  });

  it('maps S3 403 and 404 to the index document for a single-page app, and not otherwise', () => {
    expect(distribution.custom_error_response).toEqual([403, 404].map((c) => ({ error_code: c, response_code: 200, response_page_path: '/index.html', error_caching_min_ttl: 10 })));
    const plain = resourceAt(site({ singlePageApp: false }).json, 'aws_cloudfront_distribution', 'ui/distribution');
    expect(plain.custom_error_response).toBeUndefined();
  });

  it('only this distribution reads the bucket and decrypts with the content key', () => {
    const key = resourceAt(json, 'aws_kms_key', 'ui/content-key');
    expect(key.enable_key_rotation).toBe(true);
    const keyPolicy = JSON.parse(key.policy as string);
    expect(keyPolicy.Statement[1]).toEqual({ Sid: 'CloudFrontDecryptsForThisDistribution', Effect: 'Allow', Principal: { Service: 'cloudfront.amazonaws.com' }, Action: ['kms:Decrypt'], Resource: '*', Condition: { StringEquals: { 'AWS:SourceArn': distributionArn } } });
    const bucketPolicy = JSON.parse(resourceAt(json, 'aws_s3_bucket_policy', 'ui/policy').policy as string);
    expect(bucketPolicy.Statement[1]).toMatchObject({ Principal: { Service: 'cloudfront.amazonaws.com' }, Action: ['s3:GetObject'], Condition: { StringEquals: { 'AWS:SourceArn': distributionArn } } });
    expect(resourceAt(json, 'aws_s3_bucket_server_side_encryption_configuration', 'ui/encryption').rule).toEqual([
      { apply_server_side_encryption_by_default: { sse_algorithm: 'aws:kms', kms_master_key_id: ref('aws_kms_key', key.key, 'arn') }, bucket_key_enabled: true },
    ]);
  });

  it('points A and AAAA alias records at the distribution', () => {
    expect(resourceAt(json, 'aws_route53_record', 'ui/alias-ui.data.example.com-a')).toMatchObject({ name: 'ui.data.example.com', type: 'A', zone_id: 'Z0123456789ABCDEFGHIJ' });
    expect(resourceAt(json, 'aws_route53_record', 'ui/alias-ui.data.example.com-aaaa').type).toBe('AAAA');
  });

  it('passes the gate', () => {
    expect(gateProblemsOf(stack)).toEqual([]);
  });

  it('takes a second, HTTPS-only origin behind a path behaviour (an ALB for /api/*)', () => {
    const withApi = site({}, (s) => {
      s.addCustomOrigin({ originId: 'api', domainName: 'internal-api.data.example.com', customHeaders: [{ name: 'x-origin-verify', value: 'secret' }] });
      s.addBehavior({ pathPattern: '/api/*', originId: 'api' });
    });
    const d = resourceAt(withApi.json, 'aws_cloudfront_distribution', 'ui/distribution');
    expect((d.origin as unknown[]).length).toBe(2);
    expect((d.origin as Record<string, unknown>[])[1]).toMatchObject({ origin_id: 'api', custom_origin_config: { origin_protocol_policy: 'https-only', origin_ssl_protocols: ['TLSv1.2'] }, custom_header: [{ name: 'x-origin-verify', value: 'secret' }] });
    expect(d.ordered_cache_behavior).toEqual([expect.objectContaining({ path_pattern: '/api/*', target_origin_id: 'api', viewer_protocol_policy: 'redirect-to-https', cache_policy_id: '4135ea2d-6df8-44a3-9df3-4b5a84be39ad' })]);
    expect(gateProblemsOf(withApi.stack)).toEqual([]);
  });

  it('uses a web ACL passed in instead of creating one', () => {
    const shared = site({ webAclArn: 'arn:aws:wafv2:us-east-1:222222222222:global/webacl/shared/abc' });
    expect(resourceAt(shared.json, 'aws_cloudfront_distribution', 'ui/distribution').web_acl_id).toBe('arn:aws:wafv2:us-east-1:222222222222:global/webacl/shared/abc');
    expect(shared.json.resource?.aws_wafv2_web_acl).toBeUndefined();
  });

  it('rejects bad names, documents, aliases, origins and behaviours with their codes', () => {
    expect(errorCode(() => site({ siteName: 'UI' }))).toBe('TF-WEB-001');
    expect(errorCode(() => site({ indexDocument: '/index.html' }))).toBe('TF-WEB-002');
    expect(errorCode(() => site({ domain: { aliases: [], certificateArn: CERT } }))).toBe('TF-WEB-003');
    expect(errorCode(() => site({ domain: { aliases: ['a.example.com', 'a.example.com'], certificateArn: CERT } }))).toBe('TF-WEB-003');
    expect(errorCode(() => site({}, (s) => s.addCustomOrigin({ originId: 'site-bucket', domainName: 'x.example.com' })))).toBe('TF-WEB-004');
    expect(errorCode(() => site({}, (s) => s.addCustomOrigin({ originId: 'api', domainName: 'x.example.com', readTimeoutSeconds: 0 })))).toBe('TF-WEB-004');
    expect(errorCode(() => site({}, (s) => s.addBehavior({ pathPattern: '/api/*', originId: 'nowhere' })))).toBe('TF-WEB-005');
    expect(errorCode(() => site({ domain: { aliases: ['ui.example.com'], certificateArn: 'not-an-arn' } }))).toBe('TF-PRP-012');
  });
});
