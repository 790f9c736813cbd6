/**
 * One environment reaching into another, in forms Terraform accepts. A case
 * of one folder is one stack: pinned to prod, it names the dev account, which
 * no stack of the run declares, and production reaches no such account
 * (TF-SEP-*, "an account no stack of the run declares"). Cases that need the
 * other environment known to the run ship a manifest.json listing two stacks:
 * the module folder itself (what `terraform validate` proves valid) and a
 * bare skeleton of the other environment in a subfolder, which Terraform
 * never reads as part of the root module.
 */
import { RedTeamCase, RedTeamControl } from '../support/red-team-case';
import { DEV_ACCOUNT, mainFile, PROD_ACCOUNT, ref, skeleton } from '../support/module';

const DEV_KEY = `arn:aws:kms:eu-west-1:${DEV_ACCOUNT}:key/11111111-2222-3333-4444-555555555555`;
const PROD_KEY = `arn:aws:kms:eu-west-1:${PROD_ACCOUNT}:key/11111111-2222-3333-4444-555555555555`;

const policy = (...statements: Record<string, unknown>[]) => JSON.stringify({ Version: '2012-10-17', Statement: statements });
const allow = (principal: unknown, action: string, resource: string, extra: Record<string, unknown> = {}) => ({ Effect: 'Allow', Principal: principal, Action: action, Resource: resource, ...extra });

/** A prod module (production: it names accounts outside the run only to fail). */
const prod = (blocks: Record<string, unknown>) => mainFile(blocks, { environment: 'prod' });

/**
 * Two stacks in one run: this module (environment `env`) and a bare
 * skeleton of the other environment, listed by a cdktf manifest.
 */
function beside(env: 'dev' | 'prod', blocks: Record<string, unknown>): Record<string, unknown> {
  const other = env === 'dev' ? 'prod' : 'dev';
  return {
    'manifest.json': { version: '0.21.0', stacks: { [env]: { name: env, synthesizedStackPath: 'main.tf.json' }, [other]: { name: other, synthesizedStackPath: `${other}/main.tf.json` } } },
    'main.tf.json': { ...skeleton({ environment: env }), ...blocks },
    [`${other}/main.tf.json`]: skeleton({ environment: other }),
  };
}

const trustRole = (assumeRolePolicy: string) => ({ aws_iam_role: { r: { name: 'r', assume_role_policy: assumeRolePolicy } } });
const mfa = { Condition: { Bool: { 'aws:MultiFactorAuthPresent': 'true' } } };

export const cases: RedTeamCase[] = [
  {
    id: 'account-separation/trust-statement-from-a-variable',
    why: 'a prod trust policy whose only statement is a variable: nothing shows which accounts it admits',
    files: prod({ variable: { statement: { type: 'any' } }, resource: trustRole(ref('jsonencode({ Version = "2012-10-17", Statement = [var.statement] })')) }),
    expect: { rules: ['TF-SEP-3'] },
  },
  {
    id: 'account-separation/prod-role-trusts-undeclared-dev-account',
    why: 'a prod role trusts the dev account root (with MFA, so only separation can see it); no stack of the run declares that account',
    files: prod({ resource: trustRole(policy({ Effect: 'Allow', Principal: { AWS: `arn:aws:iam::${DEV_ACCOUNT}:root` }, Action: 'sts:AssumeRole', ...mfa })) }),
    expect: { rules: ['TF-SEP-3'] },
  },
  {
    id: 'account-separation/dev-role-trusts-prod-beside-prod',
    why: "two stacks in one run: the dev role trusts the prod account, which the run knows is prod's",
    files: beside('dev', { resource: trustRole(policy({ Effect: 'Allow', Principal: { AWS: PROD_ACCOUNT }, Action: 'sts:AssumeRole', ...mfa })) }),
    expect: { rules: ['TF-SEP-3'] },
  },
  {
    id: 'account-separation/trust-through-policy-document-data-source',
    why: 'the trust is an aws_iam_policy_document whose principal is the dev account, read through ${data...json}',
    files: prod({
      data: { aws_iam_policy_document: { trust: { statement: [{ actions: ['sts:AssumeRole'], principals: [{ type: 'AWS', identifiers: [DEV_ACCOUNT] }], condition: [{ test: 'Bool', variable: 'aws:MultiFactorAuthPresent', values: ['true'] }] }] } } },
      resource: { aws_iam_role: { r: { name: 'r', assume_role_policy: ref('data.aws_iam_policy_document.trust.json') } } },
    }),
    expect: { rules: ['TF-SEP-3'] },
  },
  {
    id: 'account-separation/dev-account-in-arn-template',
    why: 'the principal is a template whose account part is the literal dev account and whose role name is a variable',
    files: prod({
      variable: { role_name: { type: 'string' } },
      resource: trustRole(policy({ Effect: 'Allow', Principal: { AWS: `arn:aws:iam::${DEV_ACCOUNT}:role/${ref('var.role_name')}` }, Action: 'sts:AssumeRole', ...mfa })),
    }),
    expect: { rules: ['TF-SEP-3'] },
  },
  {
    id: 'account-separation/prod-ci-role-admits-dev-github-environment',
    why: "a prod OIDC deploy role whose StringLike sub (repo:acme/infra:*) also matches the dev environment's jobs",
    files: beside('prod', {
      resource: {
        aws_iam_openid_connect_provider: { gh: { url: 'https://token.actions.githubusercontent.com', client_id_list: ['sts.amazonaws.com'] } },
        ...trustRole(
          policy({
            Effect: 'Allow',
            Principal: { Federated: `arn:aws:iam::${PROD_ACCOUNT}:oidc-provider/token.actions.githubusercontent.com` },
            Action: 'sts:AssumeRoleWithWebIdentity',
            Condition: { StringEquals: { 'token.actions.githubusercontent.com:aud': 'sts.amazonaws.com' }, StringLike: { 'token.actions.githubusercontent.com:sub': 'repo:acme/infra:*' } },
          }),
        ),
      },
    }),
    expect: { rules: ['TF-SEP-3'] },
  },
  {
    id: 'account-separation/kms-key-policy-resource-grants-dev',
    why: 'the key has no inline policy; a separate aws_kms_key_policy lets a dev role decrypt',
    files: prod({
      resource: {
        aws_kms_key: { k: { enable_key_rotation: true } },
        aws_kms_key_policy: { k: { key_id: ref('aws_kms_key.k.id'), policy: policy(allow({ AWS: `arn:aws:iam::${PROD_ACCOUNT}:root` }, 'kms:*', '*'), allow({ AWS: `arn:aws:iam::${DEV_ACCOUNT}:role/reader` }, 'kms:Decrypt', '*')) } },
      },
    }),
    expect: { rules: ['TF-SEP-3'] },
  },
  {
    id: 'account-separation/kms-grant-to-dev-role',
    why: 'a KMS grant whose grantee is a dev role',
    files: prod({
      resource: {
        aws_kms_key: { k: { enable_key_rotation: true } },
        aws_kms_grant: { g: { name: 'g', key_id: ref('aws_kms_key.k.key_id'), grantee_principal: `arn:aws:iam::${DEV_ACCOUNT}:role/reader`, operations: ['Decrypt'] } },
      },
    }),
    expect: { rules: ['TF-SEP-3'] },
  },
  {
    id: 'account-separation/sqs-queue-policy-lets-dev-send',
    why: 'an aws_sqs_queue_policy lets the dev account send and receive',
    files: prod({ resource: { aws_sqs_queue_policy: { q: { queue_url: 'https://sqs.eu-west-1.amazonaws.com/111111111111/jobs', policy: policy(allow({ AWS: DEV_ACCOUNT }, 'sqs:SendMessage', `arn:aws:sqs:eu-west-1:${PROD_ACCOUNT}:jobs`)) } } } }),
    expect: { rules: ['TF-SEP-3'] },
  },
  {
    id: 'account-separation/queue-policy-whole-organization',
    why: "Principal \"*\" bounded only by aws:PrincipalOrgID: every account of the organization, dev's included, may send",
    files: prod({
      resource: {
        aws_sqs_queue_policy: {
          q: { queue_url: 'https://sqs.eu-west-1.amazonaws.com/111111111111/jobs', policy: policy(allow('*', 'sqs:SendMessage', `arn:aws:sqs:eu-west-1:${PROD_ACCOUNT}:jobs`, { Condition: { StringEquals: { 'aws:PrincipalOrgID': 'o-abcdefghij' } } })) },
        },
      },
    }),
    expect: { rules: ['TF-SEP-3'] },
  },
  {
    id: 'account-separation/secret-policy-lets-dev-read',
    why: 'an aws_secretsmanager_secret_policy lets a dev role read the prod secret',
    files: prod({ resource: { aws_secretsmanager_secret_policy: { s: { secret_arn: `arn:aws:secretsmanager:eu-west-1:${PROD_ACCOUNT}:secret:db-AbCdEf`, policy: policy(allow({ AWS: `arn:aws:iam::${DEV_ACCOUNT}:role/app` }, 'secretsmanager:GetSecretValue', '*')) } } } }),
    expect: { rules: ['TF-SEP-3'] },
  },
  {
    id: 'account-separation/sns-topic-policy-service-with-dev-source-account',
    why: 'the principal is a service, and the aws:SourceAccount condition admits the dev account',
    files: prod({
      resource: {
        aws_sns_topic_policy: {
          t: { arn: `arn:aws:sns:eu-west-1:${PROD_ACCOUNT}:events`, policy: policy(allow({ Service: 's3.amazonaws.com' }, 'sns:Publish', `arn:aws:sns:eu-west-1:${PROD_ACCOUNT}:events`, { Condition: { StringEquals: { 'aws:SourceAccount': DEV_ACCOUNT } } })) },
        },
      },
    }),
    expect: { rules: ['TF-SEP-3'] },
  },
  {
    id: 'account-separation/ecr-repository-policy-lets-dev-push',
    why: 'an aws_ecr_repository_policy lets the dev account push images prod runs',
    files: prod({ resource: { aws_ecr_repository_policy: { r: { repository: 'kong', policy: policy(allow({ AWS: `arn:aws:iam::${DEV_ACCOUNT}:root` }, 'ecr:PutImage', '*')) } } } }),
    expect: { rules: ['TF-SEP-3'] },
  },
  {
    id: 'account-separation/lambda-permission-for-dev-account',
    why: 'an aws_lambda_permission lets the dev account invoke a prod function (principal is a bare account ID)',
    files: prod({ resource: { aws_lambda_permission: { p: { statement_id: 'dev', action: 'lambda:InvokeFunction', function_name: 'prod-fn', principal: DEV_ACCOUNT } } } }),
    expect: { rules: ['TF-SEP-3'] },
  },
  {
    id: 'account-separation/lambda-permission-dev-source-account',
    why: 'the principal is S3, and source_account is the dev account: dev buckets can invoke the prod function',
    files: prod({ resource: { aws_lambda_permission: { p: { statement_id: 's3', action: 'lambda:InvokeFunction', function_name: 'prod-fn', principal: 's3.amazonaws.com', source_account: DEV_ACCOUNT } } } }),
    expect: { rules: ['TF-SEP-3'] },
  },
  {
    id: 'account-separation/ebs-snapshot-shared-with-dev',
    why: 'aws_snapshot_create_volume_permission shares a prod snapshot with the dev account',
    files: prod({ resource: { aws_snapshot_create_volume_permission: { s: { snapshot_id: 'snap-0123456789abcdef0', account_id: DEV_ACCOUNT } } } }),
    expect: { rules: ['TF-SEP-8'] },
  },
  {
    id: 'account-separation/ami-shared-with-dev',
    why: 'aws_ami_launch_permission lets the dev account launch a prod image',
    files: prod({ resource: { aws_ami_launch_permission: { a: { image_id: 'ami-0123456789abcdef0', account_id: DEV_ACCOUNT } } } }),
    expect: { rules: ['TF-SEP-8'] },
  },
  {
    id: 'account-separation/ami-shared-with-organization',
    why: "aws_ami_launch_permission with organization_arn: every account of the organization, dev's included",
    files: prod({ resource: { aws_ami_launch_permission: { a: { image_id: 'ami-0123456789abcdef0', organization_arn: 'arn:aws:organizations::333333333333:organization/o-abcdefghij' } } } }),
    expect: { rules: ['TF-SEP-8'] },
  },
  {
    id: 'account-separation/rds-snapshot-shared-accounts-dev',
    why: 'aws_db_snapshot.shared_accounts names the dev account',
    files: prod({ resource: { aws_db_snapshot: { s: { db_instance_identifier: 'tenants', db_snapshot_identifier: 'tenants-copy', shared_accounts: [DEV_ACCOUNT] } } } }),
    expect: { rules: ['TF-SEP-8'] },
  },
  {
    id: 'account-separation/ebs-volume-encrypted-with-dev-key',
    why: 'a prod volume encrypted (so the encryption rules pass) with a key ARN in the dev account',
    files: prod({ resource: { aws_ebs_volume: { v: { availability_zone: 'eu-west-1a', size: 10, encrypted: true, kms_key_id: DEV_KEY } } } }),
    expect: { rules: ['TF-SEP-7'] },
  },
  {
    id: 'account-separation/log-group-dev-key-through-local',
    why: 'the dev key ARN reaches kms_key_id through a local',
    files: prod({ locals: { key: DEV_KEY }, resource: { aws_cloudwatch_log_group: { g: { name: 'app', retention_in_days: 365, kms_key_id: ref('local.key') } } } }),
    expect: { rules: ['TF-SEP-7'] },
  },
  {
    id: 'account-separation/bucket-sse-dev-key-nested',
    why: 'the dev key sits two blocks deep, in apply_server_side_encryption_by_default.kms_master_key_id',
    files: prod({
      resource: { aws_s3_bucket_server_side_encryption_configuration: { b: { bucket: 'acme-prod-data', rule: [{ apply_server_side_encryption_by_default: [{ sse_algorithm: 'aws:kms', kms_master_key_id: DEV_KEY }] }] } } },
    }),
    expect: { rules: ['TF-SEP-7'] },
  },
  {
    id: 'account-separation/key-looked-up-in-dev',
    why: 'data.aws_kms_key looks up a dev key by ARN, and a prod log group uses its arn',
    files: prod({ data: { aws_kms_key: { dev: { key_id: DEV_KEY } } }, resource: { aws_cloudwatch_log_group: { g: { name: 'app', retention_in_days: 365, kms_key_id: ref('data.aws_kms_key.dev.arn') } } } }),
    expect: { rules: ['TF-SEP-7'] },
  },
  {
    id: 'account-separation/replication-into-dev-account',
    why: 'prod data replicated into a bucket in the dev account',
    files: prod({
      resource: {
        aws_s3_bucket_replication_configuration: {
          r: { role: `arn:aws:iam::${PROD_ACCOUNT}:role/replication`, bucket: 'acme-prod-data', rule: [{ id: 'all', status: 'Enabled', destination: [{ bucket: 'arn:aws:s3:::acme-dev-copy', account: DEV_ACCOUNT }] }] },
        },
      },
    }),
    expect: { rules: ['TF-SEP-5'] },
  },
  {
    id: 'account-separation/replication-into-dev-state-bucket',
    why: "two stacks: prod replicates into dev's state bucket, named by ARN without an account",
    files: beside('prod', {
      resource: {
        aws_s3_bucket_replication_configuration: {
          r: { role: `arn:aws:iam::${PROD_ACCOUNT}:role/replication`, bucket: 'acme-prod-data', rule: [{ id: 'all', status: 'Enabled', destination: [{ bucket: 'arn:aws:s3:::acme-dev-tfstate' }] }] },
        },
      },
    }),
    expect: { rules: ['TF-SEP-5'] },
  },
  {
    id: 'account-separation/remote-state-from-dev',
    why: 'a dev stack reads the prod state bucket through terraform_remote_state',
    files: beside('dev', { data: { terraform_remote_state: { prod: { backend: 's3', config: { bucket: 'acme-prod-tfstate', key: 'redteam/terraform.tfstate', region: 'eu-west-1' } } } } }),
    expect: { rules: ['TF-SEP-5'] },
  },
  {
    id: 'account-separation/identity-policy-assumes-dev-role',
    why: 'a prod identity policy may assume a role in the dev account',
    files: prod({ resource: { aws_iam_policy: { p: { name: 'p', policy: policy({ Effect: 'Allow', Action: 'sts:AssumeRole', Resource: `arn:aws:iam::${DEV_ACCOUNT}:role/admin` }) } } } }),
    expect: { rules: ['TF-SEP-6'] },
  },
  {
    id: 'account-separation/identity-policy-resource-account-condition',
    why: 'the resource is a wildcard; an s3:ResourceAccount condition aims it at the dev account',
    files: prod({ resource: { aws_iam_policy: { p: { name: 'p', policy: policy({ Effect: 'Allow', Action: 's3:GetObject', Resource: 'arn:aws:s3:::*/*', Condition: { StringEquals: { 's3:ResourceAccount': DEV_ACCOUNT } } }) } } } }),
    expect: { rules: ['TF-SEP-6'] },
  },
  {
    id: 'account-separation/provider-assumes-dev-role',
    why: 'the provider is pinned to prod but assumes a role in the dev account',
    files: {
      'main.tf.json': (() => {
        const s = skeleton({ environment: 'prod' }) as { provider: { aws: Record<string, unknown>[] } };
        return { ...s, provider: { aws: [{ ...s.provider.aws[0], assume_role: [{ role_arn: `arn:aws:iam::${DEV_ACCOUNT}:role/deploy` }] }] } };
      })(),
    },
    expect: { rules: ['TF-SEP-1'] },
  },
  {
    id: 'account-separation/customer-data-in-dev',
    why: 'a dev volume tagged as holding customer data',
    files: mainFile({ resource: { aws_ebs_volume: { v: { availability_zone: 'eu-west-1a', size: 10, encrypted: true, kms_key_id: DEV_KEY, tags: { 'tenantform:data-class': 'customer' } } } } }),
    expect: { rules: ['TF-SEP-4'] },
  },
  {
    id: 'account-separation/dev-key-from-variable',
    why: 'from dev alone, a key ARN from a variable with no default: it may be a prod key, so it cannot pass',
    files: mainFile({ variable: { key: { type: 'string' } }, resource: { aws_cloudwatch_log_group: { g: { name: 'app', retention_in_days: 365, kms_key_id: ref('var.key') } } } }),
    expect: { rules: ['TF-SEP-7'] },
  },
];

export const controls: RedTeamControl[] = [
  {
    id: 'account-separation/prod-queue-policy-own-account',
    why: 'a queue policy that lets only its own account send',
    files: prod({ resource: { aws_sqs_queue_policy: { q: { queue_url: 'https://sqs.eu-west-1.amazonaws.com/111111111111/jobs', policy: policy(allow({ AWS: `arn:aws:iam::${PROD_ACCOUNT}:role/app` }, 'sqs:SendMessage', `arn:aws:sqs:eu-west-1:${PROD_ACCOUNT}:jobs`)) } } } }),
  },
  {
    id: 'account-separation/prod-log-group-own-key-beside-dev',
    why: 'two stacks: prod encrypts with a key ARN of its own account, and dev sits beside it',
    files: beside('prod', { resource: { aws_cloudwatch_log_group: { g: { name: 'app', retention_in_days: 365, kms_key_id: PROD_KEY } } } }),
  },
  {
    id: 'account-separation/prod-elb-log-delivery-account',
    why: "a bucket policy admitting the AWS-owned ELB log delivery account of eu-west-1, no environment's account",
    files: prod({ resource: { aws_s3_bucket_policy: { logs: { bucket: 'acme-prod-alb-logs', policy: policy(allow({ AWS: 'arn:aws:iam::156460612806:root' }, 's3:PutObject', `arn:aws:s3:::acme-prod-alb-logs/AWSLogs/${PROD_ACCOUNT}/*`)) } } } }),
  },
  {
    id: 'account-separation/remote-state-own-environment',
    why: "dev reads the state of another dev stack, in dev's own state bucket",
    files: beside('dev', { data: { terraform_remote_state: { network: { backend: 's3', config: { bucket: 'acme-dev-tfstate', key: 'network/terraform.tfstate', region: 'eu-west-1' } } } } }),
  },
];
