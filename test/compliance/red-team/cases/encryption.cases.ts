/** Encryption at rest and in transit, hidden in forms Terraform accepts. */
import { RedTeamCase, RedTeamControl } from '../support/red-team-case';
import { mainFile, ref, skeleton } from '../support/module';

const AMI = 'ami-0123456789abcdef0';
const CERT = 'arn:aws:acm:eu-west-1:222222222222:certificate/11111111-2222-3333-4444-555555555555';
const KEY = 'arn:aws:kms:eu-west-1:222222222222:key/11111111-2222-3333-4444-555555555555';

/** An internet-facing classic ELB with the given listeners. */
function classicElb(listener: unknown, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return { name: 'legacy', availability_zones: ['eu-west-1a'], listener, ...extra };
}

const httpsListener = { instance_port: 8443, instance_protocol: 'https', lb_port: 443, lb_protocol: 'https', ssl_certificate_id: CERT };

/** A bucket with a policy that carries the given statements. */
function bucketWithPolicy(statements: unknown[]): Record<string, unknown> {
  return {
    aws_s3_bucket: { b: { bucket: 'acme-redteam-data' } },
    aws_s3_bucket_policy: { b: { bucket: ref('aws_s3_bucket.b.id'), policy: JSON.stringify({ Version: '2012-10-17', Statement: statements }) } },
  };
}

const tlsDeny = (resource: unknown, condition: Record<string, unknown> = { Bool: { 'aws:SecureTransport': 'false' } }) => ({
  Sid: 'DenyPlainHttp',
  Effect: 'Deny',
  Principal: '*',
  Action: 's3:*',
  Resource: resource,
  Condition: condition,
});

/** A CloudFront distribution in front of one custom origin with the given config. */
function distribution(originConfig: Record<string, unknown>): Record<string, unknown> {
  return {
    enabled: true,
    origin: [{ origin_id: 'api', domain_name: 'api.example.com', custom_origin_config: [{ http_port: 80, https_port: 443, ...originConfig }] }],
    default_cache_behavior: [
      { target_origin_id: 'api', viewer_protocol_policy: 'redirect-to-https', allowed_methods: ['GET', 'HEAD'], cached_methods: ['GET', 'HEAD'], cache_policy_id: '658327ea-f89d-4fab-a63d-7e88639e58f6' },
    ],
    restrictions: [{ geo_restriction: [{ restriction_type: 'none' }] }],
    viewer_certificate: [{ acm_certificate_arn: 'arn:aws:acm:us-east-1:222222222222:certificate/11111111-2222-3333-4444-555555555555', ssl_support_method: 'sni-only', minimum_protocol_version: 'TLSv1.2_2021' }],
  };
}

export const cases: RedTeamCase[] = [
  {
    id: 'encryption/kms-rotation-off-array-form',
    why: 'resource type written as an array of objects (valid JSON syntax); rotation off',
    files: { 'main.tf.json': { ...skeleton(), resource: [{ aws_kms_key: [{ k: { enable_key_rotation: false } }] }] } },
    expect: { rules: ['TF-ENC-13'] },
  },
  {
    id: 'encryption/kms-rotation-off-through-local',
    why: 'rotation read from a local that says false',
    files: mainFile({ locals: { rotate: false }, resource: { aws_kms_key: { k: { enable_key_rotation: ref('local.rotate') } } } }),
    expect: { rules: ['TF-ENC-13'] },
  },
  {
    id: 'encryption/launch-configuration-root-encrypted-unset',
    why: 'aws_launch_configuration declares a root device but leaves encrypted unset: the AMI decides',
    files: mainFile({ resource: { aws_launch_configuration: { lc: { image_id: AMI, instance_type: 't3.micro', root_block_device: { volume_size: 20 } } } } }),
    expect: { rules: ['TF-ENC-2'] },
  },
  {
    id: 'encryption/launch-configuration-no-root-array-form',
    why: 'launch configuration with no root_block_device, written in the array form of the resource type',
    files: { 'main.tf.json': { ...skeleton(), resource: [{ aws_launch_configuration: [{ lc: { image_id: AMI, instance_type: 't3.micro' } }] }] } },
    expect: { rules: ['TF-ENC-2'] },
  },
  {
    id: 'encryption/launch-configuration-ebs-string-false',
    why: 'root encrypted, but an extra EBS device says encrypted = "false" as a string in an array of blocks',
    files: mainFile({
      resource: {
        aws_launch_configuration: {
          lc: { image_id: AMI, instance_type: 't3.micro', root_block_device: [{ encrypted: true }], ebs_block_device: [{ device_name: '/dev/sdf', volume_size: 50, encrypted: 'false' }] },
        },
      },
    }),
    expect: { rules: ['TF-ENC-2'] },
  },
  {
    id: 'encryption/launch-configuration-encrypted-through-local',
    why: 'the root device encryption flag comes from a local that is false',
    files: mainFile({ locals: { encrypt: false }, resource: { aws_launch_configuration: { lc: { image_id: AMI, instance_type: 't3.micro', root_block_device: { encrypted: ref('local.encrypt') } } } } }),
    expect: { rules: ['TF-ENC-2'] },
  },
  {
    id: 'encryption/launch-template-ebs-string-false',
    why: 'launch template mapping in object form with ebs.encrypted = "false" (the attribute is a string in the schema)',
    files: mainFile({ resource: { aws_launch_template: { lt: { name: 'tenant-hosts', image_id: AMI, block_device_mappings: { device_name: '/dev/xvda', ebs: { volume_size: 20, encrypted: 'false' } } } } } }),
    expect: { rules: ['TF-ENC-2'] },
  },
  {
    id: 'encryption/launch-template-ebs-encrypted-unset',
    why: 'launch template maps the root EBS volume without saying encrypted',
    files: mainFile({ resource: { aws_launch_template: { lt: { name: 'tenant-hosts', image_id: AMI, block_device_mappings: [{ device_name: '/dev/xvda', ebs: [{ volume_size: 20 }] }] } } } }),
    expect: { rules: ['TF-ENC-2'] },
  },
  {
    id: 'encryption/launch-template-encrypted-from-variable',
    why: 'encryption decided by a variable without a default: the gate cannot know it',
    files: mainFile({
      variable: { encrypt: { type: 'string' } },
      resource: { aws_launch_template: { lt: { name: 'tenant-hosts', image_id: AMI, block_device_mappings: [{ device_name: '/dev/xvda', ebs: [{ encrypted: ref('var.encrypt') }] }] } } },
    }),
    expect: { rules: ['TF-ENC-2'] },
  },
  {
    id: 'encryption/launch-configuration-dynamic-ebs-devices',
    why: 'root encrypted, but a dynamic block generates unencrypted EBS devices config mode cannot expand',
    files: mainFile({
      variable: { devices: { type: 'list(string)', default: ['/dev/sdf'] } },
      resource: {
        aws_launch_configuration: {
          lc: {
            image_id: AMI,
            instance_type: 't3.micro',
            root_block_device: { encrypted: true },
            dynamic: { ebs_block_device: { for_each: ref('var.devices'), content: { device_name: ref('ebs_block_device.value'), volume_size: 10, encrypted: false } } },
          },
        },
      },
    }),
    expect: { rules: ['TF-ENC-2'] },
  },
  {
    id: 'encryption/classic-elb-protocol-through-local',
    why: 'the classic listener protocol comes from a local that says HTTP',
    files: mainFile({ locals: { front: 'HTTP' }, resource: { aws_elb: { lb: classicElb({ instance_port: 80, instance_protocol: 'http', lb_port: 80, lb_protocol: ref('local.front') }) } } }),
    expect: { rules: ['TF-ENC-17'] },
  },
  {
    id: 'encryption/launch-template-mapping-replaced-by-override',
    why: 'main.tf.json maps an encrypted root volume; an override file replaces block_device_mappings with an unencrypted one',
    files: {
      ...mainFile({ resource: { aws_launch_template: { lt: { name: 'tenant-hosts', image_id: AMI, block_device_mappings: [{ device_name: '/dev/xvda', ebs: [{ encrypted: 'true' }] }] } } } }),
      'hosts_override.tf.json': { resource: { aws_launch_template: { lt: { block_device_mappings: [{ device_name: '/dev/xvda', ebs: [{ encrypted: 'false' }] }] } } } },
    },
    expect: { rules: ['TF-ENC-2'] },
  },
  {
    id: 'encryption/unencrypted-volume-in-child-module',
    why: 'the unencrypted EBS volume lives in a local child module that config mode does not expand',
    files: {
      ...mainFile({ module: { data: { source: './modules/data' } } }),
      'modules/data/main.tf.json': { resource: { aws_ebs_volume: { v: { availability_zone: 'eu-west-1a', size: 10, encrypted: false } } } },
    },
    expect: { rules: ['TF-ENC-1'] },
  },
  {
    id: 'encryption/classic-elb-http-listener',
    why: 'classic ELB serving plain HTTP to the internet',
    files: mainFile({ resource: { aws_elb: { lb: classicElb({ instance_port: 80, instance_protocol: 'http', lb_port: 80, lb_protocol: 'http' }) } } }),
    expect: { rules: ['TF-ENC-17'] },
  },
  {
    id: 'encryption/classic-elb-tcp-internet-facing',
    why: 'classic ELB passing plain TCP from the internet (internal = "false" as a string)',
    files: mainFile({ resource: { aws_elb: { lb: classicElb([{ instance_port: 5432, instance_protocol: 'tcp', lb_port: 5432, lb_protocol: 'tcp' }], { internal: 'false' }) } } }),
    expect: { rules: ['TF-ENC-17'] },
  },
  {
    id: 'encryption/classic-elb-https-default-policy',
    why: 'HTTPS with a certificate but no SSL negotiation policy: the default ELBSecurityPolicy-2016-08 admits TLS 1.0',
    files: mainFile({ resource: { aws_elb: { lb: classicElb([httpsListener]) } } }),
    expect: { rules: ['TF-ENC-17'] },
  },
  {
    id: 'encryption/classic-elb-weak-reference-policy',
    why: 'an attached SSLNegotiationPolicyType policy references the TLS 1.0 policy',
    files: mainFile({
      resource: {
        aws_elb: { lb: classicElb([httpsListener]) },
        aws_load_balancer_policy: {
          tls: { load_balancer_name: ref('aws_elb.lb.name'), policy_name: 'legacy-tls', policy_type_name: 'SSLNegotiationPolicyType', policy_attribute: [{ name: 'Reference-Security-Policy', value: 'ELBSecurityPolicy-2016-08' }] },
        },
        aws_load_balancer_listener_policy: { https: { load_balancer_name: ref('aws_elb.lb.name'), load_balancer_port: 443, policy_names: [ref('aws_load_balancer_policy.tls.policy_name')] } },
      },
    }),
    expect: { rules: ['TF-ENC-17'] },
  },
  {
    id: 'encryption/classic-elb-https-without-certificate-beside-http',
    why: 'two listeners in the array form: an SSL one without a certificate and a plain HTTP one',
    files: mainFile({
      resource: {
        aws_elb: {
          lb: classicElb([
            { instance_port: 8443, instance_protocol: 'ssl', lb_port: 443, lb_protocol: 'SSL' },
            { instance_port: 8080, instance_protocol: 'http', lb_port: 8080, lb_protocol: 'HTTP' },
          ]),
        },
      },
    }),
    expect: { rules: ['TF-ENC-17'] },
  },
  {
    id: 'encryption/alb-http-listener-rule-forwards',
    why: 'the port-80 listener redirects by default, but a listener rule forwards /api/* over plain HTTP',
    files: mainFile({
      resource: {
        aws_lb_target_group: { api: { name: 'api', port: 8080, protocol: 'HTTP', vpc_id: 'vpc-0123456789abcdef0' } },
        aws_lb_listener: {
          http: {
            load_balancer_arn: 'arn:aws:elasticloadbalancing:eu-west-1:222222222222:loadbalancer/app/edge/0123456789abcdef',
            port: 80,
            protocol: 'HTTP',
            default_action: [{ type: 'redirect', redirect: [{ protocol: 'HTTPS', port: '443', status_code: 'HTTP_301' }] }],
          },
        },
        aws_lb_listener_rule: {
          api: {
            listener_arn: ref('aws_lb_listener.http.arn'),
            priority: 10,
            action: [{ type: 'forward', target_group_arn: ref('aws_lb_target_group.api.arn') }],
            condition: [{ path_pattern: [{ values: ['/api/*'] }] }],
          },
        },
      },
    }),
    expect: { rules: ['TF-ENC-14'] },
  },
  {
    id: 'encryption/s3-tls-deny-objects-only',
    why: 'the TLS deny covers the objects but not the bucket, so bucket-level calls work over HTTP',
    files: mainFile({ resource: bucketWithPolicy([tlsDeny(`${ref('aws_s3_bucket.b.arn')}/*`)]) }),
    expect: { rules: ['TF-ENC-5'] },
  },
  {
    id: 'encryption/s3-tls-deny-narrowed-by-condition',
    why: 'the TLS deny also requires a principal account nobody uses, so it never applies',
    files: mainFile({
      resource: bucketWithPolicy([tlsDeny([ref('aws_s3_bucket.b.arn'), `${ref('aws_s3_bucket.b.arn')}/*`], { Bool: { 'aws:SecureTransport': 'false' }, StringEquals: { 'aws:PrincipalAccount': '999999999999' } })]),
    }),
    expect: { rules: ['TF-ENC-5'] },
  },
  {
    id: 'encryption/s3-sse-separate-resource-aes256',
    why: 'the separate aws_s3_bucket_server_side_encryption_configuration uses SSE-S3, with the rule in object form',
    files: mainFile({
      resource: {
        aws_s3_bucket: { b: { bucket: 'acme-redteam-data' } },
        aws_s3_bucket_server_side_encryption_configuration: { b: { bucket: ref('aws_s3_bucket.b.id'), rule: { apply_server_side_encryption_by_default: { sse_algorithm: 'AES256' } } } },
      },
    }),
    expect: { rules: ['TF-ENC-4'] },
  },
  {
    id: 'encryption/s3-sse-inline-legacy-aes256',
    why: 'the deprecated inline server_side_encryption_configuration of aws_s3_bucket, in array form, with SSE-S3',
    files: mainFile({
      resource: { aws_s3_bucket: { b: { bucket: 'acme-redteam-data', server_side_encryption_configuration: [{ rule: [{ apply_server_side_encryption_by_default: [{ sse_algorithm: 'AES256' }] }] }] } } },
    }),
    expect: { rules: ['TF-ENC-4'] },
  },
  {
    id: 'encryption/s3-sse-kms-default-key-through-local',
    why: 'SSE-KMS chosen through a local, but no key given: S3 uses the AWS-managed aws/s3 key',
    files: mainFile({
      locals: { algorithm: 'aws:kms' },
      resource: {
        aws_s3_bucket: { b: { bucket: 'acme-redteam-data' } },
        aws_s3_bucket_server_side_encryption_configuration: { b: { bucket: ref('aws_s3_bucket.b.bucket'), rule: [{ bucket_key_enabled: true, apply_server_side_encryption_by_default: [{ sse_algorithm: ref('local.algorithm') }] }] } },
      },
    }),
    expect: { rules: ['TF-ENC-4'] },
  },
  {
    id: 'encryption/s3-sse-config-for-a-conditional-bucket',
    why: 'one SSE-KMS configuration whose bucket is a conditional between two buckets: at most one of them is encrypted',
    files: mainFile({
      variable: { first: { type: 'bool' } },
      resource: {
        aws_kms_key: { s3: { enable_key_rotation: true } },
        aws_s3_bucket: { a: { bucket: 'acme-redteam-a' }, b: { bucket: 'acme-redteam-b' } },
        aws_s3_bucket_server_side_encryption_configuration: {
          either: { bucket: ref('var.first ? aws_s3_bucket.a.id : aws_s3_bucket.b.id'), rule: [{ apply_server_side_encryption_by_default: [{ sse_algorithm: 'aws:kms', kms_master_key_id: ref('aws_kms_key.s3.arn') }] }] },
        },
      },
    }),
    expect: { rules: ['TF-ENC-4'] },
  },
  {
    id: 'encryption/sqs-key-conditional-aws-managed',
    why: 'the queue key is a conditional that may pick the AWS-managed alias/aws/sqs',
    files: mainFile({
      variable: { dedicated: { type: 'bool' } },
      resource: {
        aws_kms_key: { q: { enable_key_rotation: true } },
        aws_sqs_queue: { q: { name: 'jobs', kms_master_key_id: ref('var.dedicated ? aws_kms_key.q.arn : "alias/aws/sqs"') } },
      },
    }),
    expect: { rules: ['TF-ENC-6'] },
  },
  {
    id: 'encryption/cloudfront-origin-http-only',
    why: 'viewers get HTTPS, but CloudFront reaches the origin over plain HTTP',
    files: mainFile({ resource: { aws_cloudfront_distribution: { edge: distribution({ origin_protocol_policy: 'http-only', origin_ssl_protocols: ['TLSv1.2'] }) } } }),
    expect: { rules: ['TF-ENC-18'] },
  },
  {
    id: 'encryption/cloudfront-origin-tls1-through-local',
    why: 'the origin protocol list comes from a local that still allows TLSv1',
    files: mainFile({ locals: { origin_tls: ['TLSv1', 'TLSv1.2'] }, resource: { aws_cloudfront_distribution: { edge: distribution({ origin_protocol_policy: 'https-only', origin_ssl_protocols: ref('local.origin_tls') }) } } }),
    expect: { rules: ['TF-ENC-18'] },
  },
  {
    id: 'encryption/ebs-volume-encrypted-string-false',
    why: 'a data volume says encrypted = "false" as a string beside a customer key',
    files: mainFile({ resource: { aws_ebs_volume: { v: { availability_zone: 'eu-west-1a', size: 10, encrypted: 'false', kms_key_id: KEY } } } }),
    expect: { rules: ['TF-ENC-1'] },
  },
];

export const controls: RedTeamControl[] = [
  {
    id: 'encryption/kms-rotation-on',
    why: 'a rotating symmetric key',
    files: mainFile({ resource: { aws_kms_key: { k: { enable_key_rotation: true } } } }),
  },
  {
    id: 'encryption/launch-template-encrypted-string-true',
    why: 'a launch template whose root EBS mapping says encrypted = "true" (object form)',
    files: mainFile({ resource: { aws_launch_template: { lt: { name: 'tenant-hosts', image_id: AMI, block_device_mappings: { device_name: '/dev/xvda', ebs: { volume_size: 20, encrypted: 'true', kms_key_id: KEY } } } } } }),
  },
  {
    id: 'encryption/launch-configuration-encrypted',
    why: 'a launch configuration with encrypted root and extra devices, and a no_device mapping',
    files: mainFile({
      resource: {
        aws_launch_configuration: {
          lc: {
            image_id: AMI,
            instance_type: 't3.micro',
            root_block_device: [{ encrypted: true }],
            ebs_block_device: [
              { device_name: '/dev/sdf', volume_size: 50, encrypted: 'true' },
              { device_name: '/dev/sdg', no_device: true },
            ],
          },
        },
      },
    }),
  },
  {
    id: 'encryption/s3-bucket-kms-and-tls-only',
    why: 'a bucket with SSE-KMS under a customer key (separate resource, object-form rule) and a TLS-only deny on the bucket and its objects',
    files: mainFile({
      resource: {
        aws_kms_key: { s3: { enable_key_rotation: true } },
        ...bucketWithPolicy([tlsDeny([ref('aws_s3_bucket.b.arn'), `${ref('aws_s3_bucket.b.arn')}/*`])]),
        aws_s3_bucket_server_side_encryption_configuration: {
          b: { bucket: ref('aws_s3_bucket.b.id'), rule: { bucket_key_enabled: true, apply_server_side_encryption_by_default: { sse_algorithm: 'aws:kms', kms_master_key_id: ref('aws_kms_key.s3.arn') } } },
        },
      },
    }),
  },
  {
    id: 'encryption/classic-elb-tls12',
    why: 'an internal classic ELB with an HTTPS listener, a certificate and a TLS 1.2 reference policy',
    files: mainFile({
      resource: {
        aws_elb: { lb: classicElb([httpsListener], { internal: true, access_logs: { bucket: 'acme-elb-logs', interval: 5 } }) },
        aws_load_balancer_policy: {
          tls: { load_balancer_name: ref('aws_elb.lb.name'), policy_name: 'tls12', policy_type_name: 'SSLNegotiationPolicyType', policy_attribute: { name: 'Reference-Security-Policy', value: 'ELBSecurityPolicy-TLS-1-2-2017-01' } },
        },
        aws_load_balancer_listener_policy: { https: { load_balancer_name: ref('aws_elb.lb.name'), load_balancer_port: 443, policy_names: [ref('aws_load_balancer_policy.tls.policy_name')] } },
      },
    }),
  },
];
