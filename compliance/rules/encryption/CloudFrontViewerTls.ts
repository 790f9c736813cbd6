import { Rule } from '../../types';
import { decide } from '../_shared/outcomes';
import { blockOf, blocksOf, boolOf, isUnresolved, resourcesOf } from '../_shared/values';

const MODERN_MINIMUMS = ['TLSv1.2_2021', 'TLSv1.2_2025', 'TLSv1.3_2025'];
const SECURE_VIEWER_POLICIES = ['https-only', 'redirect-to-https'];

/** TF-ENC-15: CloudFront viewers connect with TLS 1.2 (2021 policy or newer) and over HTTPS only. */
export const CloudFrontViewerTls: Rule = {
  meta: {
    id: 'TF-ENC-15',
    title: 'Ensure CloudFront distributions require HTTPS from viewers with a TLSv1.2_2021 or newer security policy',
    category: 'encryption',
    level: 'error',
    resourceTypes: ['aws_cloudfront_distribution'],
    remediation:
      'Serve a custom domain with an ACM certificate (`viewer_certificate { acm_certificate_arn, ssl_support_method = "sni-only", minimum_protocol_version = "TLSv1.2_2021" }`) and set `viewer_protocol_policy` to `redirect-to-https` or `https-only` on every cache behavior. The default `*.cloudfront.net` certificate always admits TLS 1.0.',
    references: { checkov: ['CKV_AWS_34', 'CKV_AWS_174'], cdkNag: ['AwsSolutions-CFR4'] },
    invariant: false,
  },
  check(stack) {
    return resourcesOf(stack, 'aws_cloudfront_distribution').map((dist) => {
      const problems: string[] = [];
      const unknowns: string[] = [];
      const cert = blockOf(dist.values.viewer_certificate);
      const defaultCert = boolOf(cert.cloudfront_default_certificate, false);
      const minimum = cert.minimum_protocol_version;
      if (defaultCert === 'unknown' || isUnresolved(minimum)) unknowns.push('viewer_certificate is unresolved');
      else if (defaultCert) problems.push('the default CloudFront certificate admits TLS 1.0');
      else if (!MODERN_MINIMUMS.includes(String(minimum))) problems.push(`minimum_protocol_version ${JSON.stringify(minimum ?? 'TLSv1')} is older than TLSv1.2_2021`);
      const behaviors = [
        ['default_cache_behavior', blockOf(dist.values.default_cache_behavior)] as const,
        ...blocksOf(dist.values.ordered_cache_behavior).map((b) => [`ordered_cache_behavior ${String(b.path_pattern ?? '?')}`, b] as const),
      ];
      for (const [name, behavior] of behaviors) {
        const policy = behavior.viewer_protocol_policy;
        if (isUnresolved(policy)) unknowns.push(`${name}.viewer_protocol_policy is unresolved`);
        else if (!SECURE_VIEWER_POLICIES.includes(String(policy))) problems.push(`${name} allows plain HTTP (${JSON.stringify(policy)})`);
      }
      return decide(dist.address, problems, unknowns, 'viewers use HTTPS with TLS 1.2 or newer');
    });
  },
};
