/**
 * Least privilege, attacked: "*" principals hidden behind conditions that do
 * not bound the caller, GitHub OIDC trusts any repository can use, empty
 * external IDs, data reads on "*", admin-equivalent managed policies and
 * public resource policies, each in several forms Terraform accepts.
 */
import { RedTeamCase, RedTeamControl } from '../support/red-team-case';
import { DEV_ACCOUNT, mainFile, ref, skeleton } from '../support/module';

const json = (statements: readonly Record<string, unknown>[]): string => JSON.stringify({ Version: '2012-10-17', Statement: statements });

const assume = (principal: unknown, condition?: Record<string, unknown>, action = 'sts:AssumeRole'): string =>
  json([{ Effect: 'Allow', Action: action, Principal: principal, ...(condition ? { Condition: condition } : {}) }]);

const GITHUB_HOST = 'token.actions.githubusercontent.com';
const GITHUB_ARN = `arn:aws:iam::${DEV_ACCOUNT}:oidc-provider/${GITHUB_HOST}`;
const AUD = { [`${GITHUB_HOST}:aud`]: 'sts.amazonaws.com' };
const github = (condition?: Record<string, unknown>, federated: string = GITHUB_ARN): string =>
  assume({ Federated: federated }, condition, 'sts:AssumeRoleWithWebIdentity');

const role = (assumeRolePolicy: string, extra: Record<string, unknown> = {}) => ({ resource: { aws_iam_role: { r: { name: 'r', assume_role_policy: assumeRolePolicy, ...extra } } } });

/** A role whose trust comes from an aws_iam_policy_document data source with the given statement block. */
const trustDoc = (statement: Record<string, unknown> | Record<string, unknown>[], extraResources: Record<string, unknown> = {}) =>
  mainFile({
    data: { aws_iam_policy_document: { trust: { statement } } },
    resource: { ...extraResources, aws_iam_role: { r: { name: 'r', assume_role_policy: ref('data.aws_iam_policy_document.trust.json') } } },
  });

const allowOnAny = (actions: string | string[]) => json([{ Effect: 'Allow', Action: actions, Resource: '*' }]);
const SERVICE_TRUST = assume({ Service: 'ec2.amazonaws.com' }, { StringEquals: { 'aws:SourceAccount': DEV_ACCOUNT } });
const managed = (name: string) => `arn:aws:iam::aws:policy/${name}`;

/** A symmetric, rotating key with the given key policy (so only the policy is at stake). */
const key = (policy: string) => ({ description: 'k', enable_key_rotation: true, policy });

const trustCases: RedTeamCase[] = [
  {
    id: 'least-privilege/star-trust-with-external-id',
    why: '{"AWS": "*"} with only an sts:ExternalId condition: anyone who learns the ID assumes the role',
    files: mainFile(role(assume({ AWS: '*' }, { StringEquals: { 'sts:ExternalId': 'partner-123' } }))),
    expect: { rules: ['TF-LP-6'] },
  },
  {
    id: 'least-privilege/star-trust-with-mfa-doc',
    why: 'principals type "*" in a policy document, conditioned only on MFA: any account\'s MFA user',
    files: trustDoc([
      {
        actions: ['sts:AssumeRole'],
        principals: [{ type: '*', identifiers: ['*'] }],
        condition: [{ test: 'Bool', variable: 'aws:MultiFactorAuthPresent', values: ['true'] }],
      },
    ]),
    expect: { rules: ['TF-LP-6'] },
  },
  {
    id: 'least-privilege/star-list-trust-with-source-ip',
    why: '{"AWS": ["*"]} with aws:SourceIp: a network fact, not who the caller is',
    files: mainFile(role(assume({ AWS: ['*'] }, { IpAddress: { 'aws:SourceIp': '203.0.113.0/24' } }))),
    expect: { rules: ['TF-LP-6'] },
  },
  {
    id: 'least-privilege/star-trust-org-if-exists-object-block',
    why: 'StringEqualsIfExists on aws:PrincipalOrgID matches callers without the key; statement and blocks in object form',
    files: trustDoc({
      actions: ['sts:AssumeRole'],
      principals: { type: 'AWS', identifiers: ['*'] },
      condition: { test: 'StringEqualsIfExists', variable: 'aws:PrincipalOrgID', values: ['o-abc123def4'] },
    }),
    expect: { rules: ['TF-LP-6'] },
  },
  {
    id: 'least-privilege/star-trust-any-account-arn',
    why: 'ArnLike aws:PrincipalArn arn:aws:iam::*:role/deployer admits that role name in every account',
    files: mainFile(role(assume('*', { ArnLike: { 'aws:PrincipalArn': 'arn:aws:iam::*:role/deployer' } }))),
    expect: { rules: ['TF-LP-6'] },
  },
  {
    id: 'least-privilege/star-trust-org-from-variable',
    why: '"*" bounded by aws:PrincipalOrgID whose value is a variable: it could be "*" itself under StringLike',
    files: mainFile({ variable: { org_id: { type: 'string' } }, ...role(assume({ AWS: '*' }, { StringLike: { 'aws:PrincipalOrgID': '${var.org_id}' } })) }),
    expect: { rules: ['TF-LP-6'] },
  },
  {
    id: 'least-privilege/trust-not-principal-array-form',
    why: 'Allow with NotPrincipal trusts everyone but one account; resource type written as an array of objects',
    files: {
      'main.tf.json': {
        ...skeleton(),
        resource: [{ aws_iam_role: [{ r: { name: 'r', assume_role_policy: json([{ Effect: 'Allow', Action: 'sts:AssumeRole', NotPrincipal: { AWS: `arn:aws:iam::${DEV_ACCOUNT}:root` } }]) } }] }],
      },
    },
    expect: { rules: ['TF-LP-6'] },
  },
];

const githubCases: RedTeamCase[] = [
  {
    id: 'least-privilege/github-oidc-no-sub',
    why: 'GitHub OIDC trust with only the audience: every repository on GitHub can assume the role',
    files: mainFile(role(github({ StringEquals: AUD }))),
    expect: { rules: ['TF-LP-6'] },
  },
  {
    id: 'least-privilege/github-oidc-no-conditions',
    why: 'GitHub OIDC trust with no condition at all',
    files: mainFile(role(github())),
    expect: { rules: ['TF-LP-6'] },
  },
  {
    id: 'least-privilege/github-oidc-sub-repo-star-doc',
    why: 'StringLike sub repo:* in a policy document admits any repository',
    files: trustDoc([
      {
        actions: ['sts:AssumeRoleWithWebIdentity'],
        principals: [{ type: 'Federated', identifiers: [GITHUB_ARN] }],
        condition: [
          { test: 'StringEquals', variable: `${GITHUB_HOST}:aud`, values: ['sts.amazonaws.com'] },
          { test: 'StringLike', variable: `${GITHUB_HOST}:sub`, values: ['repo:*'] },
        ],
      },
    ]),
    expect: { rules: ['TF-LP-6'] },
  },
  {
    id: 'least-privilege/github-oidc-sub-star-provider-ref',
    why: 'the provider is referenced from the same stack and sub is StringLike "*"',
    files: mainFile({
      resource: {
        aws_iam_openid_connect_provider: { github: { url: `https://${GITHUB_HOST}`, client_id_list: ['sts.amazonaws.com'] } },
        aws_iam_role: { r: { name: 'r', assume_role_policy: github({ StringEquals: AUD, StringLike: { [`${GITHUB_HOST}:sub`]: '*' } }, ref('aws_iam_openid_connect_provider.github.arn')) } },
      },
    }),
    expect: { rules: ['TF-LP-6'] },
  },
  {
    id: 'least-privilege/github-oidc-any-ref-of-repo',
    why: 'repo:acme/app:* admits every branch, tag and pull request of the repository',
    files: mainFile(role(github({ StringEquals: AUD, StringLike: { [`${GITHUB_HOST}:sub`]: 'repo:acme/app:*' } }))),
    expect: { rules: ['TF-LP-6'] },
  },
  {
    id: 'least-privilege/github-oidc-wrong-audience',
    why: 'sub is pinned but aud is not sts.amazonaws.com (another client\'s token)',
    files: mainFile(role(github({ StringEquals: { [`${GITHUB_HOST}:aud`]: 'https://github.com/acme', [`${GITHUB_HOST}:sub`]: 'repo:acme/app:environment:prod' } }))),
    expect: { rules: ['TF-LP-6'] },
  },
];

const externalIdCases: RedTeamCase[] = [
  {
    id: 'least-privilege/cross-account-empty-external-id',
    why: 'another account trusted with sts:ExternalId "": an empty value is no condition',
    files: mainFile(role(assume({ AWS: 'arn:aws:iam::999999999999:root' }, { StringEquals: { 'sts:ExternalId': '' } }))),
    expect: { rules: ['TF-LP-7', 'TF-MFA-3'] },
  },
  {
    id: 'least-privilege/cross-account-wildcard-external-id-doc',
    why: 'StringLike sts:ExternalId "*" in a policy document matches any ID the caller sends',
    files: trustDoc([
      {
        actions: ['sts:AssumeRole'],
        principals: [{ type: 'AWS', identifiers: ['999999999999'] }],
        condition: [{ test: 'StringLike', variable: 'sts:ExternalId', values: ['*'] }],
      },
    ]),
    expect: { rules: ['TF-LP-7', 'TF-MFA-3'] },
  },
  {
    id: 'least-privilege/cross-account-external-id-if-exists',
    why: 'StringEqualsIfExists sts:ExternalId matches a call that sends no external ID',
    files: mainFile(role(assume({ AWS: ['arn:aws:iam::999999999999:role/vendor'] }, { StringEqualsIfExists: { 'sts:ExternalId': 'vendor-42' } }))),
    expect: { rules: ['TF-LP-7'] },
  },
];

const dataReadCases: RedTeamCase[] = [
  {
    id: 'least-privilege/secrets-get-star-role-policy',
    why: 'secretsmanager:Get* on "*" in an aws_iam_role_policy reads every secret',
    files: mainFile({ resource: { aws_iam_role: { r: { name: 'r', assume_role_policy: SERVICE_TRUST } }, aws_iam_role_policy: { p: { name: 'p', role: ref('aws_iam_role.r.id'), policy: allowOnAny('secretsmanager:Get*') } } } }),
    expect: { rules: ['TF-LP-3'] },
  },
  {
    id: 'least-privilege/ssm-get-parameter-star-doc',
    why: 'ssm:GetParameter* on "*" through a policy document on a managed policy',
    files: mainFile({
      data: { aws_iam_policy_document: { p: { statement: [{ actions: ['ssm:GetParameter*'], resources: ['*'] }] } } },
      resource: { aws_iam_policy: { p: { name: 'p', policy: ref('data.aws_iam_policy_document.p.json') } } },
    }),
    expect: { rules: ['TF-LP-3'] },
  },
  {
    id: 'least-privilege/s3-get-object-star-inline',
    why: 's3:GetObject* on every bucket ARN in a role\'s inline_policy block',
    files: mainFile(role(SERVICE_TRUST, { inline_policy: [{ name: 'read', policy: json([{ Effect: 'Allow', Action: ['s3:GetObject*'], Resource: 'arn:aws:s3:::*' }]) }] })),
    expect: { rules: ['TF-LP-3'] },
  },
  {
    id: 'least-privilege/kms-decrypt-star-group-policy',
    why: 'kms:Decrypt on "*" in a group policy decrypts with every key',
    files: mainFile({ resource: { aws_iam_group: { g: { name: 'g' } }, aws_iam_group_policy: { p: { name: 'p', group: ref('aws_iam_group.g.name'), policy: allowOnAny(['kms:Decrypt']) } } } }),
    expect: { rules: ['TF-LP-3'] },
  },
  {
    id: 'least-privilege/every-secret-arn-role-inline',
    why: 'secretsmanager:GetSecretValue on arn:aws:secretsmanager:*:*:secret:* is every secret, spelt as an ARN',
    files: mainFile(role(SERVICE_TRUST, { inline_policy: [{ name: 'read', policy: json([{ Effect: 'Allow', Action: 'secretsmanager:GetSecretValue', Resource: 'arn:aws:secretsmanager:*:*:secret:*' }]) }] })),
    expect: { rules: ['TF-LP-3'] },
  },
  {
    id: 'least-privilege/any-service-get-star',
    why: '"*:Get*" on "*" matches every data read of every service',
    files: mainFile({ resource: { aws_iam_policy: { p: { name: 'p', policy: allowOnAny('*:Get*') } } } }),
    expect: { rules: ['TF-LP-3'] },
  },
];

const managedCases: RedTeamCase[] = [
  {
    id: 'least-privilege/power-user-role-attachment',
    why: 'PowerUserAccess attached to a role: every service and its data',
    files: mainFile({ resource: { aws_iam_role: { r: { name: 'r', assume_role_policy: SERVICE_TRUST } }, aws_iam_role_policy_attachment: { a: { role: ref('aws_iam_role.r.name'), policy_arn: managed('PowerUserAccess') } } } }),
    expect: { rules: ['TF-LP-9'] },
  },
  {
    id: 'least-privilege/iam-full-access-group',
    why: 'IAMFullAccess on a group: its members can grant themselves anything',
    files: mainFile({ resource: { aws_iam_group: { g: { name: 'g' } }, aws_iam_group_policy_attachment: { a: { group: ref('aws_iam_group.g.name'), policy_arn: managed('IAMFullAccess') } } } }),
    expect: { rules: ['TF-LP-9'] },
  },
  {
    id: 'least-privilege/amplify-admin-managed-policy-arns',
    why: 'AdministratorAccess-Amplify through the role\'s managed_policy_arns',
    files: mainFile(role(SERVICE_TRUST, { managed_policy_arns: [managed('AdministratorAccess-Amplify')] })),
    expect: { rules: ['TF-LP-9'] },
  },
  {
    id: 'least-privilege/s3-full-access-policy-attachment',
    why: 'AmazonS3FullAccess through aws_iam_policy_attachment: s3:* on every bucket',
    files: mainFile({ resource: { aws_iam_role: { r: { name: 'r', assume_role_policy: SERVICE_TRUST } }, aws_iam_policy_attachment: { a: { name: 'a', roles: [ref('aws_iam_role.r.name')], policy_arn: managed('AmazonS3FullAccess') } } } }),
    expect: { rules: ['TF-LP-9'] },
  },
  {
    id: 'least-privilege/managed-arn-from-variable',
    why: 'the attached AWS managed policy name comes from a variable: it could be AdministratorAccess',
    files: mainFile({
      variable: { policy_name: { type: 'string', default: 'AdministratorAccess' } },
      resource: { aws_iam_role: { r: { name: 'r', assume_role_policy: SERVICE_TRUST } }, aws_iam_role_policy_attachment: { a: { role: ref('aws_iam_role.r.name'), policy_arn: 'arn:aws:iam::aws:policy/${var.policy_name}' } } },
    }),
    expect: { rules: ['TF-LP-9'] },
  },
  {
    id: 'least-privilege/foreign-customer-managed-policy',
    why: 'a customer-managed policy of another account is attached: its content is unseen and could be anything',
    files: mainFile({ resource: { aws_iam_role: { r: { name: 'r', assume_role_policy: SERVICE_TRUST } }, aws_iam_role_policy_attachment: { a: { role: ref('aws_iam_role.r.name'), policy_arn: 'arn:aws:iam::999999999999:policy/partner-admin' } } } }),
    expect: { rules: ['TF-LP-9'] },
  },
];

const resourcePolicyCases: RedTeamCase[] = [
  {
    id: 'least-privilege/kms-key-policy-star',
    why: 'aws_kms_key.policy lets every AWS principal decrypt',
    files: mainFile({ resource: { aws_kms_key: { k: key(json([{ Effect: 'Allow', Principal: { AWS: '*' }, Action: 'kms:Decrypt', Resource: '*' }])) } } }),
    expect: { rules: ['TF-LP-10'] },
  },
  {
    id: 'least-privilege/kms-key-policy-resource-via-service-only',
    why: 'aws_kms_key_policy with "*" and only kms:ViaService: any account\'s principal through that service',
    files: mainFile({
      resource: {
        aws_kms_key: { k: { description: 'k', enable_key_rotation: true } },
        aws_kms_key_policy: { p: { key_id: ref('aws_kms_key.k.id'), policy: json([{ Effect: 'Allow', Principal: '*', Action: ['kms:Decrypt'], Resource: '*', Condition: { StringEquals: { 'kms:ViaService': 'ec2.eu-west-1.amazonaws.com' } } }]) } },
      },
    }),
    expect: { rules: ['TF-LP-10'] },
  },
  {
    id: 'least-privilege/public-bucket-policy',
    why: 'a bucket policy lets anyone read objects',
    files: mainFile({
      resource: {
        aws_s3_bucket: { b: { bucket: 'acme-public-red-team' } },
        aws_s3_bucket_policy: { p: { bucket: ref('aws_s3_bucket.b.id'), policy: json([{ Effect: 'Allow', Principal: '*', Action: 's3:GetObject', Resource: 'arn:aws:s3:::acme-public-red-team/*' }]) } },
      },
    }),
    expect: { rules: ['TF-LP-10'] },
  },
  {
    id: 'least-privilege/sqs-queue-policy-doc-star',
    why: 'an SQS queue policy from a document with principals AWS "*" and an aws:SecureTransport condition',
    files: mainFile({
      data: {
        aws_iam_policy_document: {
          q: { statement: [{ actions: ['sqs:SendMessage'], resources: ['*'], principals: [{ type: 'AWS', identifiers: ['*'] }], condition: [{ test: 'Bool', variable: 'aws:SecureTransport', values: ['true'] }] }] },
        },
      },
      resource: {
        aws_sqs_queue: { q: { name: 'q', sqs_managed_sse_enabled: true } },
        aws_sqs_queue_policy: { p: { queue_url: ref('aws_sqs_queue.q.id'), policy: ref('data.aws_iam_policy_document.q.json') } },
      },
    }),
    expect: { rules: ['TF-LP-10'] },
  },
  {
    id: 'least-privilege/bucket-policy-star-via-source-document',
    why: 'a policy document merges a public statement in through source_policy_documents',
    files: mainFile({
      data: {
        aws_iam_policy_document: {
          p: {
            source_policy_documents: [json([{ Sid: 'Public', Effect: 'Allow', Principal: '*', Action: 's3:GetObject', Resource: 'arn:aws:s3:::acme-public-red-team-3/*' }])],
            statement: [{ sid: 'Own', actions: ['s3:GetObject'], resources: ['arn:aws:s3:::acme-public-red-team-3/*'], principals: [{ type: 'AWS', identifiers: [`arn:aws:iam::${DEV_ACCOUNT}:root`] }] }],
          },
        },
      },
      resource: {
        aws_s3_bucket: { b: { bucket: 'acme-public-red-team-3' } },
        aws_s3_bucket_policy: { p: { bucket: ref('aws_s3_bucket.b.id'), policy: ref('data.aws_iam_policy_document.p.json') } },
      },
    }),
    expect: { rules: ['TF-LP-10'] },
  },
  {
    id: 'least-privilege/sns-topic-policy-star',
    why: 'an SNS topic policy lets anyone publish',
    files: mainFile({
      resource: {
        aws_sns_topic: { t: { name: 't' } },
        aws_sns_topic_policy: { p: { arn: ref('aws_sns_topic.t.arn'), policy: json([{ Effect: 'Allow', Principal: { AWS: ['*'] }, Action: 'sns:Publish', Resource: '*' }]) } },
      },
    }),
    expect: { rules: ['TF-LP-10'] },
  },
  {
    id: 'least-privilege/secret-policy-star-external-id',
    why: 'a secret\'s resource policy trusts "*" with only an external ID',
    files: mainFile({
      resource: {
        aws_secretsmanager_secret: { s: { name: 's' } },
        aws_secretsmanager_secret_policy: {
          p: { secret_arn: ref('aws_secretsmanager_secret.s.arn'), policy: json([{ Effect: 'Allow', Principal: { AWS: '*' }, Action: 'secretsmanager:GetSecretValue', Resource: '*', Condition: { StringEquals: { 'sts:ExternalId': 'x' } } }]) },
        },
      },
    }),
    expect: { rules: ['TF-LP-10'] },
  },
  {
    id: 'least-privilege/ecr-repository-policy-star',
    why: 'an ECR repository policy lets anyone pull images',
    files: mainFile({
      resource: {
        aws_ecr_repository: { r: { name: 'r' } },
        aws_ecr_repository_policy: { p: { repository: ref('aws_ecr_repository.r.name'), policy: json([{ Sid: 'Pull', Effect: 'Allow', Principal: '*', Action: ['ecr:BatchGetImage', 'ecr:GetDownloadUrlForLayer'] }]) } },
      },
    }),
    expect: { rules: ['TF-LP-10'] },
  },
  {
    id: 'least-privilege/public-bucket-policy-principal-from-local',
    why: 'the "*" principal is interpolated into the JSON policy string from a local',
    files: mainFile({
      locals: { who: '*' },
      resource: {
        aws_s3_bucket: { b: { bucket: 'acme-public-red-team-2' } },
        aws_s3_bucket_policy: { p: { bucket: ref('aws_s3_bucket.b.id'), policy: '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"AWS":"${local.who}"},"Action":"s3:GetObject","Resource":"arn:aws:s3:::acme-public-red-team-2/*"}]}' } },
      },
    }),
    expect: { rules: ['TF-LP-10'] },
  },
  {
    id: 'least-privilege/lambda-permission-star',
    why: 'aws_lambda_permission with principal "*" and no source: anyone can invoke',
    files: mainFile({ resource: { aws_lambda_permission: { p: { action: 'lambda:InvokeFunction', function_name: 'orders', principal: '*' } } } }),
    expect: { rules: ['TF-LP-10'] },
  },
  {
    id: 'least-privilege/lambda-permission-any-bucket-source',
    why: 'principal "*" with a source ARN that matches every bucket of every account',
    files: mainFile({ resource: { aws_lambda_permission: { p: { action: 'lambda:InvokeFunction', function_name: 'orders', principal: '*', source_arn: 'arn:aws:s3:::*' } } } }),
    expect: { rules: ['TF-LP-10'] },
  },
];

/**
 * A policy written with jsonencode whose statements are HCL objects, so one
 * part of a statement (or the whole of it) can be a variable the gate cannot
 * read. Rules that skip non-Allow statements or look only at literal actions
 * used to pass these (TF-LP-4 and TF-LP-7 did): now every statement rule
 * reports an unreadable Effect, Action or statement as unknown.
 */
const encoded = (...statements: string[]): string => ref(`jsonencode({Version = "2012-10-17", Statement = [${statements.join(', ')}]})`);
const UNREADABLE_VARIABLES = { variable: { statement: { type: 'any' }, effect: { type: 'string' }, action: { type: 'string' } } };
const unreadablePolicy = (statement: string) => mainFile({ ...UNREADABLE_VARIABLES, resource: { aws_iam_policy: { p: { name: 'p', policy: encoded(statement) } } } });
const unreadableTrust = (statement: string) => mainFile({ ...UNREADABLE_VARIABLES, resource: { aws_iam_role: { r: { name: 'r', assume_role_policy: encoded(statement) } } } });

const unreadableStatementCases: RedTeamCase[] = [
  {
    id: 'least-privilege/unreadable-statement-full-wildcard',
    why: 'the whole statement is a variable: it may be Allow "*" on "*"',
    files: unreadablePolicy('var.statement'),
    expect: { rules: ['TF-LP-1'] },
  },
  {
    id: 'least-privilege/unreadable-effect-service-wildcard',
    why: 's3:* whose Effect is a variable: "Allow" at apply time',
    files: unreadablePolicy('{Effect = var.effect, Action = "s3:*", Resource = "arn:aws:s3:::acme-dev-logs/*"}'),
    expect: { rules: ['TF-LP-2'] },
  },
  {
    id: 'least-privilege/unreadable-effect-write-on-any',
    why: 'iam:CreateUser on "*" whose Effect is a variable',
    files: unreadablePolicy('{Effect = var.effect, Action = "iam:CreateUser", Resource = "*"}'),
    expect: { rules: ['TF-LP-3'] },
  },
  {
    id: 'least-privilege/unreadable-action-on-scoped-resource',
    why: 'an Allow whose action is a variable on one bucket: it may be s3:* there',
    files: unreadablePolicy('{Effect = "Allow", Action = var.action, Resource = "arn:aws:s3:::acme-dev-logs/*"}'),
    expect: { rules: ['TF-LP-3'] },
  },
  {
    id: 'least-privilege/unreadable-statement-not-action',
    why: 'the whole statement is a variable: it may be Allow with NotAction',
    files: unreadablePolicy('var.statement'),
    expect: { rules: ['TF-LP-4'] },
  },
  {
    id: 'least-privilege/unreadable-effect-escalation',
    why: 'iam:CreatePolicyVersion on "*" (an escalation path on its own) whose Effect is a variable',
    files: unreadablePolicy('{Effect = var.effect, Action = "iam:CreatePolicyVersion", Resource = "*"}'),
    expect: { rules: ['TF-LP-5'] },
  },
  {
    id: 'least-privilege/unreadable-effect-open-trust',
    why: 'a trust of {"AWS": "*"} whose Effect is a variable',
    files: unreadableTrust('{Effect = var.effect, Action = "sts:AssumeRole", Principal = {AWS = "*"}}'),
    expect: { rules: ['TF-LP-6'] },
  },
  {
    id: 'least-privilege/unreadable-statement-cross-account-trust',
    why: 'the whole trust statement is a variable: it may let another account assume the role without an external ID',
    files: unreadableTrust('var.statement'),
    expect: { rules: ['TF-LP-7'] },
  },
  {
    id: 'least-privilege/unreadable-effect-public-queue-policy',
    why: 'a queue policy granting sqs:SendMessage to "*" whose Effect is a variable',
    files: mainFile({
      ...UNREADABLE_VARIABLES,
      resource: {
        aws_sqs_queue: { q: { name: 'orders', sqs_managed_sse_enabled: true } },
        aws_sqs_queue_policy: { q: { queue_url: ref('aws_sqs_queue.q.id'), policy: encoded('{Effect = var.effect, Action = "sqs:SendMessage", Principal = "*", Resource = aws_sqs_queue.q.arn}') } },
      },
    }),
    expect: { rules: ['TF-LP-10'] },
  },
];

/** A deploy-role statement on "*" narrowed (or seemingly narrowed) by the environment tag. */
const taggedDeploy = (condition: Record<string, unknown>, extra: Record<string, unknown> = {}) =>
  mainFile({ ...extra, resource: { aws_iam_policy: { deploy: { name: 'deploy', policy: json([{ Effect: 'Allow', Action: ['ec2:TerminateInstances', 'rds:DeleteDBInstance'], Resource: '*', Condition: condition }]) } } } });

const environmentTagCases: RedTeamCase[] = [
  {
    id: 'least-privilege/tag-scope-other-environment',
    why: 'a dev stack whose deletes are "scoped" to resources tagged prod: another environment is no scoping',
    files: taggedDeploy({ StringEquals: { 'aws:ResourceTag/environment': 'prod' } }),
    expect: { rules: ['TF-LP-3'] },
  },
  {
    id: 'least-privilege/tag-scope-own-and-other-environment',
    why: 'the own environment listed next to another: StringEquals matches either',
    files: taggedDeploy({ StringEquals: { 'aws:ResourceTag/environment': ['dev', 'prod'] } }),
    expect: { rules: ['TF-LP-3'] },
  },
  {
    id: 'least-privilege/tag-scope-wildcard',
    why: 'StringLike "*" on the environment tag matches every tagged resource',
    files: taggedDeploy({ StringLike: { 'aws:ResourceTag/environment': '*' } }),
    expect: { rules: ['TF-LP-3'] },
  },
  {
    id: 'least-privilege/tag-scope-if-exists',
    why: 'StringEqualsIfExists also matches resources without the tag at all',
    files: taggedDeploy({ StringEqualsIfExists: { 'aws:ResourceTag/environment': 'dev' } }),
    expect: { rules: ['TF-LP-3'] },
  },
  {
    id: 'least-privilege/tag-scope-from-variable',
    why: 'the environment value comes from a variable, which may be another environment',
    files: taggedDeploy({ StringEquals: { 'aws:ResourceTag/environment': ref('var.environment') } }, { variable: { environment: { type: 'string' } } }),
    expect: { rules: ['TF-LP-3'] },
  },
  {
    id: 'least-privilege/tag-scope-principal-tag',
    why: 'aws:PrincipalTag says who calls, not which resources it touches',
    files: taggedDeploy({ StringEquals: { 'aws:PrincipalTag/environment': 'dev' } }),
    expect: { rules: ['TF-LP-3'] },
  },
  {
    id: 'least-privilege/tag-scope-escalation-other-environment',
    why: 'iam:PutRolePolicy on every role tagged prod, from a dev stack: an escalation path',
    files: mainFile({ resource: { aws_iam_policy: { deploy: { name: 'deploy', policy: json([{ Effect: 'Allow', Action: 'iam:PutRolePolicy', Resource: '*', Condition: { StringEquals: { 'aws:ResourceTag/environment': 'prod' } } }]) } } } }),
    expect: { rules: ['TF-LP-5'] },
  },
];

export const cases: RedTeamCase[] = [...trustCases, ...githubCases, ...externalIdCases, ...dataReadCases, ...managedCases, ...resourcePolicyCases, ...unreadableStatementCases, ...environmentTagCases];

export const controls: RedTeamControl[] = [
  {
    id: 'least-privilege/control-deploy-scoped-by-own-environment-tag',
    why: 'creates need the request tag environment = dev, changes and deletes the resource tag: only the dev stack\'s own resources',
    files: mainFile({
      resource: {
        aws_iam_policy: {
          deploy: {
            name: 'deploy',
            policy: json([
              { Sid: 'Create', Effect: 'Allow', Action: ['ec2:RunInstances', 'rds:CreateDBInstance'], Resource: '*', Condition: { StringEquals: { 'aws:RequestTag/environment': 'dev' } } },
              { Sid: 'Change', Effect: 'Allow', Action: ['ec2:TerminateInstances', 'rds:DeleteDBInstance', 'iam:PutRolePolicy'], Resource: '*', Condition: { StringEquals: { 'aws:ResourceTag/environment': 'dev' } } },
            ]),
          },
        },
      },
    }),
  },
  {
    id: 'least-privilege/control-star-trust-in-organization',
    why: '"*" bounded to the organization by a plain StringEquals aws:PrincipalOrgID, plus MFA for the humans it admits',
    files: mainFile(role(assume({ AWS: '*' }, { StringEquals: { 'aws:PrincipalOrgID': 'o-abc123def4' }, Bool: { 'aws:MultiFactorAuthPresent': 'true' } }))),
  },
  {
    id: 'least-privilege/control-github-oidc-environment',
    why: 'GitHub OIDC pinned to one repository environment and the STS audience, provider referenced in the stack',
    files: mainFile({
      resource: {
        aws_iam_openid_connect_provider: { github: { url: `https://${GITHUB_HOST}`, client_id_list: ['sts.amazonaws.com'] } },
        aws_iam_role: { r: { name: 'r', assume_role_policy: github({ StringEquals: { ...AUD, [`${GITHUB_HOST}:sub`]: 'repo:acme/app:environment:dev' } }, ref('aws_iam_openid_connect_provider.github.arn')) } },
      },
    }),
  },
  {
    id: 'least-privilege/control-view-only-managed-policy',
    why: 'an AWS managed policy that is neither admin-equivalent nor full access, attached to a service role',
    files: mainFile({ resource: { aws_iam_role: { r: { name: 'r', assume_role_policy: SERVICE_TRUST } }, aws_iam_role_policy_attachment: { a: { role: ref('aws_iam_role.r.name'), policy_arn: managed('job-function/ViewOnlyAccess') } } } }),
  },
  {
    id: 'least-privilege/control-secret-read-scoped',
    why: 'secretsmanager:GetSecretValue on one secret of the stack, configuration reads on "*"',
    files: mainFile({
      resource: {
        aws_iam_role: { r: { name: 'r', assume_role_policy: SERVICE_TRUST } },
        aws_iam_role_policy: {
          p: {
            name: 'p',
            role: ref('aws_iam_role.r.id'),
            policy: json([
              { Effect: 'Allow', Action: 'secretsmanager:GetSecretValue', Resource: `arn:aws:secretsmanager:eu-west-1:${DEV_ACCOUNT}:secret:app-db-AbCdEf` },
              { Effect: 'Allow', Action: ['ec2:DescribeInstances', 'secretsmanager:ListSecrets'], Resource: '*' },
            ]),
          },
        },
        aws_iam_role_policy_attachment: { ssm: { role: ref('aws_iam_role.r.name'), policy_arn: managed('AmazonSSMManagedInstanceCore') } },
      },
    }),
  },
  {
    id: 'least-privilege/control-kms-key-policy-caller-account',
    why: 'a key policy with "*" bounded by kms:CallerAccount and kms:ViaService, the AWS-documented form',
    files: mainFile({
      resource: {
        aws_kms_key: {
          k: key(
            json([
              { Sid: 'Admin', Effect: 'Allow', Principal: { AWS: `arn:aws:iam::${DEV_ACCOUNT}:root` }, Action: ['kms:Describe*', 'kms:Put*', 'kms:Enable*', 'kms:List*'], Resource: '*' },
              { Sid: 'UseViaEbs', Effect: 'Allow', Principal: { AWS: '*' }, Action: ['kms:Decrypt', 'kms:GenerateDataKey*'], Resource: '*', Condition: { StringEquals: { 'kms:CallerAccount': DEV_ACCOUNT, 'kms:ViaService': 'ec2.eu-west-1.amazonaws.com' } } },
            ]),
          ),
        },
      },
    }),
  },
  {
    id: 'least-privilege/control-lambda-permission-own-api',
    why: 'principal "*" bounded to an API in the stack\'s own account',
    files: mainFile({ resource: { aws_lambda_permission: { p: { action: 'lambda:InvokeFunction', function_name: 'orders', principal: '*', source_arn: `arn:aws:execute-api:eu-west-1:${DEV_ACCOUNT}:abc123/*` } } } }),
  },
];
