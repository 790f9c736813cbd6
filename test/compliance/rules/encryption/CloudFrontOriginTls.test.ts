import { CloudFrontOriginTls } from '../../../../compliance/rules/encryption';
import { fixtureStack, ref, verdicts } from '../../../support/rules-fixtures';

const custom = (extra: Record<string, unknown> = {}) => ({ http_port: 80, https_port: 443, origin_protocol_policy: 'https-only', origin_ssl_protocols: ['TLSv1.2'], ...extra });

describe('TF-ENC-18 CloudFrontOriginTls', () => {
  it('Compliance: HTTPS-only custom origins with TLS 1.2, and S3 REST origins', () => {
    const stack = fixtureStack({
      aws_cloudfront_distribution: {
        api: { origin: [{ origin_id: 'api', domain_name: 'api.example.com', custom_origin_config: [custom()] }] },
        s3: { origin: { origin_id: 's3', domain_name: 'b.s3.eu-west-1.amazonaws.com', origin_access_control_id: 'oac' } },
      },
    });
    expect(verdicts(CloudFrontOriginTls, stack)).toEqual({ fail: [], unknown: [], pass: ['aws_cloudfront_distribution.api', 'aws_cloudfront_distribution.s3'] });
  });

  it('Noncompliance: plaintext or match-viewer policies, and old TLS versions to the origin', () => {
    const stack = fixtureStack({
      aws_cloudfront_distribution: {
        http_only: { origin: { origin_id: 'w', domain_name: 'site.s3-website-eu-west-1.amazonaws.com', custom_origin_config: custom({ origin_protocol_policy: 'http-only' }) } },
        match_viewer: { origin: [{ origin_id: 'm', domain_name: 'm.example.com', custom_origin_config: custom({ origin_protocol_policy: 'match-viewer' }) }] },
        old_tls: { origin: [{ origin_id: 'o', domain_name: 'o.example.com', custom_origin_config: custom({ origin_ssl_protocols: ['TLSv1', 'TLSv1.2'] }) }] },
        second_origin_weak: { origin: [{ origin_id: 'a', domain_name: 'a.example.com', custom_origin_config: custom() }, { origin_id: 'b', domain_name: 'b.example.com', custom_origin_config: custom({ origin_protocol_policy: 'http-only' }) }] },
      },
    });
    expect(verdicts(CloudFrontOriginTls, stack)).toEqual({
      fail: ['aws_cloudfront_distribution.http_only', 'aws_cloudfront_distribution.match_viewer', 'aws_cloudfront_distribution.old_tls', 'aws_cloudfront_distribution.second_origin_weak'],
      unknown: [],
      pass: [],
    });
  });

  it('what it cannot read is unknown: computed origins, policies, protocol lists and VPC origins', () => {
    const stack = fixtureStack({
      aws_cloudfront_distribution: {
        computed_origins: { origin: ref('var.origins') },
        computed_policy: { origin: { origin_id: 'p', domain_name: 'p.example.com', custom_origin_config: custom({ origin_protocol_policy: ref('local.policy') }) } },
        computed_protocols: { origin: { origin_id: 'q', domain_name: 'q.example.com', custom_origin_config: custom({ origin_ssl_protocols: ref('var.protocols') }) } },
        vpc: { origin: { origin_id: 'v', domain_name: 'internal.example.com', vpc_origin_config: { vpc_origin_id: 'vo-1' } } },
      },
    });
    expect(verdicts(CloudFrontOriginTls, stack)).toEqual({
      fail: [],
      unknown: ['aws_cloudfront_distribution.computed_origins', 'aws_cloudfront_distribution.computed_policy', 'aws_cloudfront_distribution.computed_protocols', 'aws_cloudfront_distribution.vpc'],
      pass: [],
    });
  });
});
