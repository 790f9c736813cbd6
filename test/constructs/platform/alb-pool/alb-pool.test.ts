import { defaultPlatformJson, errorCode, PLATFORM_DEV, platformStack, ref, resourceAt } from '../../../support/platform-fixtures';
import { resourcesOf, synthJson } from '../../../support/synth';

describe('AlbPool', () => {
  const json = defaultPlatformJson();

  it('builds two internal ALBs by default, across every private subnet', () => {
    const albs = Object.values(resourcesOf(json, 'aws_lb')).filter((lb) => lb.load_balancer_type === 'application');
    expect(albs).toHaveLength(2);
    const privateSubnets = ['a', 'b', 'c'].map((az) => ref('aws_subnet', resourceAt(json, 'aws_subnet', `vpc/subnet-private-eu-west-1${az}`).key));
    for (const i of [0, 1]) {
      const alb = resourceAt(json, 'aws_lb', `alb-pool/alb-${i}`);
      expect(alb).toMatchObject({
        name: `tf-prod-alb-${i}`,
        internal: true,
        subnets: privateSubnets,
        drop_invalid_header_fields: true,
        enable_deletion_protection: true,
        desync_mitigation_mode: 'strictest',
        security_groups: [ref('aws_security_group', resourceAt(json, 'aws_security_group', `alb-pool/security-group-${i}`).key)],
      });
      expect(alb.access_logs).toEqual({ bucket: ref('aws_s3_bucket', resourceAt(json, 'aws_s3_bucket', 'lb-logs/bucket').key, 'bucket'), prefix: `alb/${i}`, enabled: true });
    }
  });

  it('listens on HTTPS only, TLS 1.3/1.2 policy, validated certificate, 404 by default', () => {
    const cert = resourceAt(json, 'aws_acm_certificate_validation', 'domain/regional-certificate/validation');
    for (const i of [0, 1]) {
      expect(resourceAt(json, 'aws_lb_listener', `alb-pool/https-${i}`)).toMatchObject({
        load_balancer_arn: ref('aws_lb', resourceAt(json, 'aws_lb', `alb-pool/alb-${i}`).key, 'arn'),
        port: 443,
        protocol: 'HTTPS',
        ssl_policy: 'ELBSecurityPolicy-TLS13-1-2-2021-06',
        certificate_arn: ref('aws_acm_certificate_validation', cert.key, 'certificate_arn'),
        default_action: [{ type: 'fixed-response', fixed_response: { content_type: 'text/plain', status_code: '404', message_body: 'Not found' } }],
      });
    }
  });

  it('turns deletion protection off outside prod and honours albCount', () => {
    const dev = synthJson(platformStack({ environment: PLATFORM_DEV, albCount: 3, placements: [] }));
    const albs = Object.values(resourcesOf(dev, 'aws_lb')).filter((lb) => lb.load_balancer_type === 'application');
    expect(albs.map((a) => [a.name, a.enable_deletion_protection])).toEqual([
      ['tf-dev-alb-0', false],
      ['tf-dev-alb-1', false],
      ['tf-dev-alb-2', false],
    ]);
  });

  it('TF-PLT-004: pool size out of range', () => {
    expect(errorCode(() => platformStack({ albCount: 0, placements: [] }))).toBe('TF-PLT-004');
    expect(errorCode(() => platformStack({ albCount: 21, placements: [] }))).toBe('TF-PLT-004');
  });

  it('TF-PLT-018: a listener policy that still allows TLS 1.0/1.1', () => {
    expect(errorCode(() => platformStack({ loadBalancerTlsPolicy: 'ELBSecurityPolicy-2016-08' as never }))).toBe('TF-PLT-018');
  });
});
