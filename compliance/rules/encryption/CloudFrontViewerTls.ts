import { boolOf, checkEach, decide, defineRule, isUnresolved, show } from '../../rule-kit';
import { nestedBlock, nestedBlocks } from '../../rule-helpers/blocks';

const MODERN_MINIMUMS = ['TLSv1.2_2021', 'TLSv1.2_2025', 'TLSv1.3_2025'];
const SECURE_VIEWER_POLICIES = ['https-only', 'redirect-to-https'];

/** TF-ENC-15: CloudFront viewers connect with TLS 1.2 (2021 policy or newer) and over HTTPS only. */
export const CloudFrontViewerTls = defineRule(
  {
    id: 'TF-ENC-15',
    title: 'Ensure CloudFront distributions require HTTPS from viewers with a TLSv1.2_2021 or newer security policy',
    category: 'encryption',
    level: 'error',
    resourceTypes: ['aws_cloudfront_distribution'],
    remediation:
      'Serve a custom domain with an ACM certificate (`viewer_certificate { acm_certificate_arn, ssl_support_method = "sni-only", minimum_protocol_version = "TLSv1.2_2021" }`) and set `viewer_protocol_policy` to `redirect-to-https` or `https-only` on every cache behavior. The default `*.cloudfront.net` certificate always admits TLS 1.0.',
    references: { checkov: ['CKV_AWS_34', 'CKV_AWS_174'], cdkNag: ['AwsSolutions-CFR4'] },
  },
  (stack) =>
    checkEach(stack, ['aws_cloudfront_distribution'], (dist) => {
      const problems: string[] = [];
      const unknowns: string[] = [];
      const cert = nestedBlock(dist.values.viewer_certificate);
      if (cert === 'unknown') unknowns.push('viewer_certificate is unresolved');
      else {
        const defaultCert = boolOf(cert.cloudfront_default_certificate, false);
        const minimum = cert.minimum_protocol_version;
        if (defaultCert === 'unknown' || isUnresolved(minimum)) unknowns.push('viewer_certificate is unresolved');
        else if (defaultCert) problems.push('the default CloudFront certificate admits TLS 1.0');
        else if (!MODERN_MINIMUMS.includes(String(minimum))) problems.push(`minimum_protocol_version ${show(minimum ?? 'TLSv1')} is older than TLSv1.2_2021`);
      }
      const defaults = nestedBlock(dist.values.default_cache_behavior);
      const ordered = nestedBlocks(dist.values.ordered_cache_behavior);
      if (defaults === 'unknown') unknowns.push('default_cache_behavior is unresolved');
      if (ordered === 'unknown') unknowns.push('ordered_cache_behavior is unresolved');
      const behaviors = [
        ...(defaults === 'unknown' ? [] : [['default_cache_behavior', defaults] as const]),
        ...(ordered === 'unknown' ? [] : ordered.map((b) => [`ordered_cache_behavior ${String(b.path_pattern ?? '?')}`, b] as const)),
      ];
      for (const [name, behavior] of behaviors) {
        const policy = behavior.viewer_protocol_policy;
        if (isUnresolved(policy)) unknowns.push(`${name}.viewer_protocol_policy is unresolved`);
        else if (!SECURE_VIEWER_POLICIES.includes(String(policy))) problems.push(`${name} allows plain HTTP (${show(policy)})`);
      }
      return decide(dist.address, problems, unknowns, 'viewers use HTTPS with TLS 1.2 or newer');
    }),
);
