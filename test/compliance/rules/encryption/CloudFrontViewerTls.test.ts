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

  it('computed behaviours or certificates are unknown, never passed', () => {
    const cert = { acm_certificate_arn: 'arn:aws:acm:us-east-1:111111111111:certificate/1', ssl_support_method: 'sni-only', minimum_protocol_version: 'TLSv1.2_2021' };
    const secure = { viewer_protocol_policy: 'redirect-to-https' };
    const stack = fixtureStack({
      aws_cloudfront_distribution: {
        good: { viewer_certificate: cert, default_cache_behavior: secure, ordered_cache_behavior: { path_pattern: '/a', viewer_protocol_policy: 'https-only' } },
        computed_ordered: { viewer_certificate: cert, default_cache_behavior: secure, ordered_cache_behavior: ref('var.behaviors') },
        computed_cert: { viewer_certificate: ref('var.cert'), default_cache_behavior: secure },
        plain_ordered_object: { viewer_certificate: [cert], default_cache_behavior: [secure], ordered_cache_behavior: { path_pattern: '/b', viewer_protocol_policy: 'allow-all' } },
      },
    });
    expect(verdicts(CloudFrontViewerTls, stack)).toEqual({
      fail: ['aws_cloudfront_distribution.plain_ordered_object'],
      unknown: ['aws_cloudfront_distribution.computed_cert', 'aws_cloudfront_distribution.computed_ordered'],
      pass: ['aws_cloudfront_distribution.good'],
    });
  });
});
