/** The web platform on EKS (seed 004): cluster exposure, secrets, logs, node access, registry sharing, database TLS and passwords, backup vaults, in forms Terraform accepts. */
import { RedTeamCase, RedTeamControl } from '../support/red-team-case';
import { mainFile, ref } from '../support/module';

const KEY = 'arn:aws:kms:eu-west-1:222222222222:key/11111111-2222-3333-4444-555555555555';
const ROLE = 'arn:aws:iam::222222222222:role/eks-cluster';
const ALL_LOGS = ['api', 'audit', 'authenticator', 'controllerManager', 'scheduler'];
const PULL = ['ecr:BatchGetImage', 'ecr:GetDownloadUrlForLayer', 'ecr:BatchCheckLayerAvailability'];

/** A cluster that passes every EKS rule, with the given arguments replaced. */
function cluster(extra: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    name: 'dev-web',
    role_arn: ROLE,
    vpc_config: { subnet_ids: ['subnet-a', 'subnet-b'], endpoint_private_access: true, endpoint_public_access: false },
    encryption_config: { resources: ['secrets'], provider: { key_arn: KEY } },
    enabled_cluster_log_types: ALL_LOGS,
    ...extra,
  };
}

function repoPolicy(statement: Record<string, unknown>): string {
  return JSON.stringify({ Version: '2012-10-17', Statement: [{ Sid: 'Pull', Effect: 'Allow', ...statement }] });
}

/** A PostgreSQL instance that passes the RDS rules but the one under test. */
function postgres(extra: Record<string, unknown> = {}): Record<string, unknown> {
  return { identifier: 'dev-app', engine: 'postgres', engine_version: '16', instance_class: 'db.t4g.medium', allocated_storage: 20, storage_encrypted: true, kms_key_id: KEY, manage_master_user_password: true, username: 'app_admin', ...extra };
}

/** An internet-facing ALB in group `alb` that CloudFront distribution `edge` uses as its API origin. */
function frontedAlb(ingress: Record<string, unknown>): Record<string, unknown> {
  return {
    aws_security_group: { alb: { name: 'alb', vpc_id: 'vpc-1', ...ingress } },
    aws_lb: { api: { load_balancer_type: 'application', internal: false, security_groups: [ref('aws_security_group.alb.id')], subnets: ['subnet-a', 'subnet-b'] } },
    // The blocks a distribution requires, so the case is one Terraform accepts.
    aws_cloudfront_distribution: {
      edge: {
        enabled: true,
        origin: [{ origin_id: 'api', domain_name: ref('aws_lb.api.dns_name') }],
        default_cache_behavior: [{ target_origin_id: 'api', viewer_protocol_policy: 'https-only', allowed_methods: ['GET', 'HEAD'], cached_methods: ['GET', 'HEAD'], cache_policy_id: '658327ea-f89d-4fab-a63d-7e88639e58f6' }],
        restrictions: [{ geo_restriction: [{ restriction_type: 'none' }] }],
        viewer_certificate: [{ acm_certificate_arn: 'arn:aws:acm:us-east-1:222222222222:certificate/11111111-2222-3333-4444-555555555555', ssl_support_method: 'sni-only', minimum_protocol_version: 'TLSv1.2_2021' }],
      },
    },
  };
}

export const cases: RedTeamCase[] = [
  // TF-NET-40
  {
    id: 'web-platform/eks-public-endpoint-by-default',
    why: 'vpc_config leaves endpoint_public_access unset: EKS opens the public endpoint to 0.0.0.0/0',
    files: mainFile({ resource: { aws_eks_cluster: { web: cluster({ vpc_config: { subnet_ids: ['subnet-a', 'subnet-b'] } }) } } }),
    expect: { rules: ['TF-NET-40'] },
  },
  {
    id: 'web-platform/eks-public-cidrs-from-variable-default',
    why: 'public_access_cidrs comes from a variable whose default is the whole internet, in a block array',
    files: mainFile({
      variable: { cidrs: { type: 'list(string)', default: ['0.0.0.0/0'] } },
      resource: { aws_eks_cluster: { web: cluster({ vpc_config: [{ subnet_ids: ['subnet-a', 'subnet-b'], endpoint_public_access: true, public_access_cidrs: ref('var.cidrs') }] }) } },
    }),
    expect: { rules: ['TF-NET-40'] },
  },
  {
    id: 'web-platform/eks-public-endpoint-in-override',
    why: 'an override file turns the public endpoint on over a private cluster',
    files: {
      ...mainFile({ resource: { aws_eks_cluster: { web: cluster() } } }),
      'eks_override.tf.json': { resource: { aws_eks_cluster: { web: { vpc_config: { subnet_ids: ['subnet-a', 'subnet-b'], endpoint_public_access: true } } } } },
    },
    expect: { rules: ['TF-NET-40'] },
  },
  {
    id: 'web-platform/eks-public-flag-conditional',
    why: 'endpoint_public_access is a conditional the gate does not evaluate',
    files: mainFile({
      variable: { public: { type: 'bool', default: true } },
      resource: { aws_eks_cluster: { web: cluster({ vpc_config: { subnet_ids: ['subnet-a', 'subnet-b'], endpoint_public_access: ref('var.public ? true : false') } }) } },
    }),
    expect: { rules: ['TF-NET-40'] },
  },
  // TF-ENC-40
  {
    id: 'web-platform/eks-no-secrets-encryption',
    why: 'encryption_config is left out, so secrets sit in etcd under the service key only',
    files: mainFile({ resource: { aws_eks_cluster: { web: cluster({ encryption_config: undefined }) } } }),
    expect: { rules: ['TF-ENC-40'] },
  },
  {
    id: 'web-platform/eks-secrets-encryption-dynamic',
    why: 'encryption_config written as a dynamic block, which the gate does not expand',
    files: mainFile({
      resource: { aws_eks_cluster: { web: cluster({ encryption_config: undefined, dynamic: { encryption_config: { for_each: ref('var.keys'), content: { resources: ['secrets'], provider: { key_arn: ref('encryption_config.value') } } } } }) } },
      variable: { keys: { type: 'list(string)', default: [] } },
    }),
    expect: { rules: ['TF-ENC-40'] },
  },
  {
    id: 'web-platform/eks-secrets-aws-managed-key-from-local',
    why: 'the secrets key is an AWS-managed alias, read through a local',
    files: mainFile({ locals: { eks_key: 'alias/aws/eks' }, resource: { aws_eks_cluster: { web: cluster({ encryption_config: [{ resources: ['secrets'], provider: [{ key_arn: ref('local.eks_key') }] }] }) } } }),
    expect: { rules: ['TF-ENC-40'] },
  },
  // TF-LOG-40
  {
    id: 'web-platform/eks-audit-log-missing',
    why: 'four of five control-plane log types: audit is not sent',
    files: mainFile({ resource: { aws_eks_cluster: { web: cluster({ enabled_cluster_log_types: ['api', 'authenticator', 'controllerManager', 'scheduler'] }) } } }),
    expect: { rules: ['TF-LOG-40'] },
  },
  {
    id: 'web-platform/eks-log-types-from-local-list',
    why: 'the log types come from a local holding only the API log',
    files: mainFile({ locals: { log_types: ['api'] }, resource: { aws_eks_cluster: { web: cluster({ enabled_cluster_log_types: ref('local.log_types') }) } } }),
    expect: { rules: ['TF-LOG-40'] },
  },
  // TF-NET-41
  {
    id: 'web-platform/eks-node-group-ssh-key',
    why: 'a node group with an SSH key and no source groups (port 22 open to 0.0.0.0/0), in a block array',
    files: mainFile({ resource: { aws_eks_node_group: { web: { cluster_name: 'dev-web', node_role_arn: ROLE, subnet_ids: ['subnet-a'], scaling_config: { min_size: 1, max_size: 2, desired_size: 1 }, remote_access: [{ ec2_ssh_key: 'ops' }] } } } }),
    expect: { rules: ['TF-NET-41'] },
  },
  {
    id: 'web-platform/eks-launch-template-imds-optional-via-variable',
    why: 'the node launch template takes http_tokens from a variable whose default is optional',
    files: mainFile({
      variable: { tokens: { type: 'string', default: 'optional' } },
      resource: {
        aws_launch_template: { nodes: { name: 'nodes', metadata_options: { http_tokens: ref('var.tokens') } } },
        aws_eks_node_group: { web: { cluster_name: 'dev-web', node_role_arn: ROLE, subnet_ids: ['subnet-a'], scaling_config: { min_size: 1, max_size: 2, desired_size: 1 }, launch_template: { id: ref('aws_launch_template.nodes.id'), version: '1' } } },
      },
    }),
    expect: { rules: ['TF-NET-41'] },
  },
  // TF-LP-40
  {
    id: 'web-platform/ecr-policy-everyone-with-org-condition',
    why: 'a repository policy opens pull to "*" bounded only by an organization condition',
    files: mainFile({ resource: { aws_ecr_repository_policy: { web: { repository: 'web', policy: repoPolicy({ Principal: '*', Action: PULL, Condition: { StringEquals: { 'aws:PrincipalOrgID': 'o-abc123' } } }) } } } }),
    expect: { rules: ['TF-LP-40'] },
  },
  {
    id: 'web-platform/ecr-policy-push-via-jsonencode',
    why: 'a jsonencode()d policy lets the dev account push as well as pull',
    files: mainFile({ resource: { aws_ecr_repository_policy: { web: { repository: 'web', policy: '${jsonencode({Version = "2012-10-17", Statement = [{Effect = "Allow", Principal = {AWS = "arn:aws:iam::333333333333:root"}, Action = ["ecr:BatchGetImage", "ecr:PutImage"]}]})}' } } } }),
    expect: { rules: ['TF-LP-40'] },
  },
  {
    id: 'web-platform/ecr-policy-from-policy-document',
    why: 'an aws_iam_policy_document grants another account ecr:* through a data source',
    files: mainFile({
      data: { aws_iam_policy_document: { pull: { statement: [{ effect: 'Allow', actions: ['ecr:*'], principals: [{ type: 'AWS', identifiers: ['arn:aws:iam::333333333333:root'] }] }] } } },
      resource: { aws_ecr_repository_policy: { web: { repository: 'web', policy: ref('data.aws_iam_policy_document.pull.json') } } },
    }),
    expect: { rules: ['TF-LP-40'] },
  },
  // TF-ENC-41
  {
    id: 'web-platform/rds-default-group-postgres-14',
    why: 'RDS PostgreSQL 14 on its default parameter group, which accepts plaintext',
    files: mainFile({ resource: { aws_db_instance: { app: postgres({ engine_version: '14.9' }) } } }),
    expect: { rules: ['TF-ENC-41'] },
  },
  {
    id: 'web-platform/rds-force-ssl-zero-in-second-block',
    why: 'the parameter group sets rds.force_ssl twice; the later (block array) entry turns it off',
    files: mainFile({
      resource: {
        aws_db_parameter_group: { app: { family: 'postgres16', parameter: [{ name: 'rds.force_ssl', value: '1' }, { name: 'rds.force_ssl', value: '0' }] } },
        aws_db_instance: { app: postgres({ engine_version: '16', parameter_group_name: ref('aws_db_parameter_group.app.name') }) },
      },
    }),
    expect: { rules: ['TF-ENC-41'] },
  },
  {
    id: 'web-platform/aurora-default-cluster-group',
    why: 'an Aurora PostgreSQL cluster on the default cluster parameter group',
    files: mainFile({ resource: { aws_rds_cluster: { app: { cluster_identifier: 'app', engine: 'aurora-postgresql', engine_version: '16.6', storage_encrypted: true, kms_key_id: KEY, manage_master_user_password: true, master_username: 'app_admin' } } } }),
    expect: { rules: ['TF-ENC-41'] },
  },
  {
    id: 'web-platform/rds-force-ssl-value-from-variable',
    why: 'rds.force_ssl comes from a variable defaulting to 0',
    files: mainFile({
      variable: { force: { type: 'string', default: '0' } },
      resource: {
        aws_db_parameter_group: { app: { family: 'postgres16', parameter: { name: 'rds.force_ssl', value: ref('var.force') } } },
        aws_db_instance: { app: postgres({ parameter_group_name: ref('aws_db_parameter_group.app.name') }) },
      },
    }),
    expect: { rules: ['TF-ENC-41'] },
  },
  // TF-LP-41
  {
    id: 'web-platform/rds-password-from-variable-default',
    why: 'the master password is a variable with a default, in state and never rotated',
    files: mainFile({ variable: { db_password: { type: 'string', default: 'change-me-please', sensitive: true } }, resource: { aws_db_instance: { app: postgres({ manage_master_user_password: undefined, password: ref('var.db_password') }) } } }),
    expect: { rules: ['TF-LP-41'] },
  },
  {
    id: 'web-platform/rds-managed-password-off-in-override',
    why: 'an override file turns manage_master_user_password off',
    files: {
      ...mainFile({ resource: { aws_db_instance: { app: postgres() } } }),
      // null unsets the flag: with false beside a password Terraform reports the two as conflicting.
      'db_override.tf.json': { resource: { aws_db_instance: { app: { manage_master_user_password: null, password: 'hunter2hunter2' } } } },
    },
    expect: { rules: ['TF-LP-41'] },
  },
  {
    id: 'web-platform/aurora-managed-password-conditional',
    why: 'manage_master_user_password is a conditional',
    files: mainFile({
      variable: { managed: { type: 'bool', default: false } },
      resource: { aws_rds_cluster: { app: { cluster_identifier: 'app', engine: 'aurora-postgresql', storage_encrypted: true, kms_key_id: KEY, master_username: 'a', manage_master_user_password: ref('var.managed ? true : null') } } },
    }),
    expect: { rules: ['TF-LP-41'] },
  },
  // TF-ENC-42
  {
    id: 'web-platform/backup-vault-default-key',
    why: 'a backup vault without kms_key_arn (the AWS-managed backup key)',
    files: mainFile({ resource: { aws_backup_vault: { db: { name: 'db' } } } }),
    expect: { rules: ['TF-ENC-42'] },
  },
  {
    id: 'web-platform/backup-vault-aws-alias-from-local',
    why: 'the vault key is the AWS-managed alias through a local',
    files: mainFile({ locals: { vault_key: 'arn:aws:kms:eu-west-1:222222222222:alias/aws/backup' }, resource: { aws_backup_vault: { db: { name: 'db', kms_key_arn: ref('local.vault_key') } } } }),
    expect: { rules: ['TF-ENC-42'] },
  },
  // TF-NET-1, taught the CloudFront edge
  {
    id: 'web-platform/cloudfront-origin-alb-open-443-rule-resource',
    why: 'the ALB behind CloudFront also takes 443 from 0.0.0.0/0 in a separate rule resource, so the edge (and its WAF) can be bypassed',
    files: mainFile({
      resource: {
        ...frontedAlb({}),
        aws_vpc_security_group_ingress_rule: { anywhere: { security_group_id: ref('aws_security_group.alb.id'), ip_protocol: 'tcp', from_port: 443, to_port: 443, cidr_ipv4: '0.0.0.0/0' } },
      },
    }),
    expect: { rules: ['TF-NET-1'] },
  },
  {
    id: 'web-platform/cloudfront-origin-alb-open-443-variable-inline',
    why: 'the fronted ALB group admits 443 inline from a variable whose default is the internet in two halves',
    files: mainFile({
      variable: { edge_cidrs: { type: 'list(string)', default: ['0.0.0.0/1', '128.0.0.0/1'] } },
      // An inline rule in JSON is an object with every attribute of the block, as Terraform requires.
      resource: frontedAlb({ ingress: [{ description: 'edge', protocol: 'tcp', from_port: 443, to_port: 443, cidr_blocks: ref('var.edge_cidrs'), ipv6_cidr_blocks: [], prefix_list_ids: [], security_groups: [], self: false }] }),
    }),
    expect: { rules: ['TF-NET-1'] },
  },
  {
    id: 'web-platform/prefix-list-not-cloudfront',
    why: 'the ALB admits a managed prefix list looked up by a name that is not CloudFront\'s (the gate cannot read its addresses)',
    files: mainFile({
      data: { aws_ec2_managed_prefix_list: { edge: { name: 'com.amazonaws.global.cloudfront.origin-facing-but-not' } } },
      resource: {
        ...frontedAlb({}),
        aws_vpc_security_group_ingress_rule: { edge: { security_group_id: ref('aws_security_group.alb.id'), ip_protocol: 'tcp', from_port: 443, to_port: 443, prefix_list_id: ref('data.aws_ec2_managed_prefix_list.edge.id') } },
      },
    }),
    expect: { rules: ['TF-NET-1'] },
  },
];

export const controls: RedTeamControl[] = [
  {
    id: 'web-platform/vault-under-customer-key',
    why: 'a backup vault under a rotating customer-managed key of the stack',
    files: mainFile({
      resource: {
        aws_kms_key: { vault: { description: 'backup vault', enable_key_rotation: true, deletion_window_in_days: 30 } },
        aws_backup_vault: { db: { name: 'db', kms_key_arn: ref('aws_kms_key.vault.arn') } },
      },
    }),
  },
];
