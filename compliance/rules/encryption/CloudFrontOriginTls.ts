import { checkEach, decide, defineRule, isUnresolved, listOf, show } from '../../rule-kit';
import { nestedBlock, nestedBlocks } from '../../rule-helpers/blocks';

/** Origin protocols below TLS 1.2. */
const WEAK_ORIGIN_PROTOCOLS = ['SSLv3', 'TLSv1', 'TLSv1.1'];

/** TF-ENC-18: CloudFront reaches custom origins over HTTPS with TLS 1.2 only. */
export const CloudFrontOriginTls = defineRule(
  {
    id: 'TF-ENC-18',
    title: 'Ensure CloudFront distributions connect to custom origins over HTTPS with TLS 1.2 only',
    category: 'encryption',
    level: 'error',
    resourceTypes: ['aws_cloudfront_distribution'],
    remediation:
      'In every `custom_origin_config`, set `origin_protocol_policy = "https-only"` and `origin_ssl_protocols = ["TLSv1.2"]`. `http-only` and `match-viewer` send requests to the origin in plaintext (an S3 website endpoint cannot do HTTPS: use the bucket REST endpoint with origin access control instead).',
    references: { cdkNag: ['AwsSolutions-CFR5'] },
  },
  (stack) =>
    checkEach(stack, ['aws_cloudfront_distribution'], (dist) => {
      const origins = nestedBlocks(dist.values.origin);
      if (origins === 'unknown') return decide(dist.address, [], ['origin is unresolved'], '');
      const problems: string[] = [];
      const unknowns: string[] = [];
      for (const origin of origins) {
        const name = `origin ${typeof origin.origin_id === 'string' ? origin.origin_id : '?'}`;
        if (origin.vpc_origin_config !== undefined) {
          unknowns.push(`${name} is a VPC origin, whose protocol policy lives in its aws_cloudfront_vpc_origin`);
          continue;
        }
        const custom = nestedBlock(origin.custom_origin_config);
        if (custom === 'unknown') {
          unknowns.push(`${name} custom_origin_config is unresolved`);
          continue;
        }
        // S3 REST origins (no custom config) are reached with the viewer's protocol, which TF-ENC-15 holds to HTTPS.
        if (Object.keys(custom).length === 0) continue;
        const policy = custom.origin_protocol_policy;
        if (isUnresolved(policy)) unknowns.push(`${name} origin_protocol_policy is unresolved`);
        else if (policy !== 'https-only') problems.push(`${name} origin_protocol_policy ${show(policy)} can reach the origin over plain HTTP`);
        const protocols = custom.origin_ssl_protocols;
        if (isUnresolved(protocols)) unknowns.push(`${name} origin_ssl_protocols is unresolved`);
        else {
          const weak = listOf(protocols).filter((p) => typeof p === 'string' && WEAK_ORIGIN_PROTOCOLS.includes(p));
          if (weak.length > 0) problems.push(`${name} allows ${weak.join(', ')} to the origin`);
          else if (listOf(protocols).length === 0) problems.push(`${name} sets no origin_ssl_protocols`);
        }
      }
      return decide(dist.address, problems, unknowns, 'every custom origin is reached over HTTPS with TLS 1.2');
    }),
);
