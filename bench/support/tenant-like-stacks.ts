/**
 * A synthetic cdktf output of N tenant-like stacks (provider pin, KMS-encrypted
 * EBS volume, instance, security group, IAM role with a policy document,
 * target group, listener rule), shared by the gate benches so the gate and
 * checkov are measured on identical input.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export function tenantStack(i: number): Record<string, unknown> {
  const env = i % 2 === 0 ? 'prod' : 'dev';
  const account = env === 'prod' ? '111111111111' : '222222222222';
  const t = `tenant${i}`;
  return {
    provider: { aws: [{ region: 'eu-west-1', allowed_account_ids: [account], default_tags: [{ tags: { environment: env, 'tenantform:customer-data': String(env === 'prod') } }] }] },
    terraform: { backend: { s3: { bucket: `acme-${env}-tfstate`, key: `tenantform/${t}.tfstate`, encrypt: true } } },
    data: {
      aws_iam_policy_document: {
        trust: { statement: [{ actions: ['sts:AssumeRole'], principals: [{ type: 'Service', identifiers: ['ec2.amazonaws.com'] }] }] },
        access: { statement: [{ actions: ['ec2:AttachVolume', 'ec2:DetachVolume'], resources: ['${aws_ebs_volume.data.arn}', '${aws_instance.host.arn}'] }] },
      },
    },
    resource: {
      aws_kms_key: { key: { enable_key_rotation: true, description: `${t} data` } },
      aws_ebs_volume: { data: { availability_zone: 'eu-west-1a', size: 100, encrypted: true, kms_key_id: '${aws_kms_key.key.arn}', tags: { 'tenantform:data-class': env === 'prod' ? 'customer' : 'synthetic', 'tenantform:tenant': t }, lifecycle: { prevent_destroy: true } } },
      aws_iam_role: { host: { name: `${t}-host`, assume_role_policy: '${data.aws_iam_policy_document.trust.json}' } },
      aws_iam_role_policy: { host: { role: '${aws_iam_role.host.name}', policy: '${data.aws_iam_policy_document.access.json}' } },
      aws_security_group: { host: { vpc_id: 'vpc-123', ingress: [{ from_port: 5432, to_port: 5432, protocol: 'tcp', security_groups: ['sg-alb'] }], egress: [] } },
      aws_instance: { host: { ami: 'ami-123', instance_type: 't3.medium', subnet_id: 'subnet-1', metadata_options: [{ http_tokens: 'required' }], root_block_device: [{ encrypted: true, kms_key_id: '${aws_kms_key.key.arn}' }] } },
      aws_lb_target_group: { host: { port: 5432, protocol: 'TCP', vpc_id: 'vpc-123' } },
      aws_lb_listener_rule: { host: { listener_arn: 'arn:aws:elasticloadbalancing:eu-west-1:111111111111:listener/app/a/b/c', priority: i + 1, action: [{ type: 'forward', target_group_arn: '${aws_lb_target_group.host.arn}' }], condition: [{ host_header: [{ values: [`${t}.db.example.com`] }] }] } },
    },
  };
}

/** Writes `count` tenant-like stacks plus a manifest into `dir`, as `cdktf synth` lays them out. */
export function writeTenantLikeOutput(dir: string, count: number): void {
  const manifest: Record<string, unknown> = {};
  for (let i = 0; i < count; i++) {
    const name = `tenant-${i}`;
    mkdirSync(join(dir, 'stacks', name), { recursive: true });
    writeFileSync(join(dir, 'stacks', name, 'cdk.tf.json'), JSON.stringify(tenantStack(i)));
    manifest[name] = { name, synthesizedStackPath: `stacks/${name}/cdk.tf.json` };
  }
  writeFileSync(join(dir, 'manifest.json'), JSON.stringify({ version: '0.21.0', stacks: manifest }));
}
