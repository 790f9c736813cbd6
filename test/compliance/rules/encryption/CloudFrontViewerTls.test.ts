import { CloudFrontViewerTls } from '../../../../compliance/rules/encryption';
import { fixtureStack, ref, verdicts } from '../../../support/rules-fixtures';

const good = {
  viewer_certificate: [{ acm_certificate_arn: ref('aws_acm_certificate.c.arn'), ssl_support_method: 'sni-only', minimum_protocol_version: 'TLSv1.2_2021' }],
  default_cache_behavior: [{ viewer_protocol_policy: 'redirect-to-https' }],
  ordered_cache_behavior: [{ path_pattern: '/api/*', viewer_protocol_policy: 'https-only' }],
};

describe('TF-ENC-15 CloudFrontViewerTls', () => {
  it('requires TLSv1.2_2021+ and HTTPS on every behavior', () => {
    const stack = fixtureStack({
      aws_cloudfront_distribution: {
        good,
        default_cert: { ...good, viewer_certificate: [{ cloudfront_default_certificate: true }] },
        old_tls: { ...good, viewer_certificate: [{ acm_certificate_arn: 'arn:x', minimum_protocol_version: 'TLSv1.2_2019' }] },
        allow_all: { ...good, ordered_cache_behavior: [{ path_pattern: '/img/*', viewer_protocol_policy: 'allow-all' }] },
        var_policy: { ...good, default_cache_behavior: [{ viewer_protocol_policy: ref('var.p') }] },
      },
    });
    expect(verdicts(CloudFrontViewerTls, stack)).toEqual({
      fail: ['aws_cloudfront_distribution.allow_all', 'aws_cloudfront_distribution.default_cert', 'aws_cloudfront_distribution.old_tls'],
      unknown: ['aws_cloudfront_distribution.var_policy'],
      pass: ['aws_cloudfront_distribution.good'],
    });
  });
});
