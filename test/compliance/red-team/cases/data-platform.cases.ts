/** The data platform (seed 003): private APIs, Lambda placement and hygiene, OpenSearch exposure and access, Cognito authentication, in forms Terraform accepts. */
import { RedTeamCase, RedTeamControl } from '../support/red-team-case';
import { mainFile, ref } from '../support/module';

const ROLE = 'arn:aws:iam::222222222222:role/worker';
const KEY = ref('aws_kms_key.app.arn');
const key = { aws_kms_key: { app: { description: 'app', enable_key_rotation: true } } };

/** A function that passes every Lambda rule, with the given arguments replaced (`undefined` removes one). */
function fn(extra: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    function_name: 'worker',
    role: ROLE,
    s3_bucket: 'artifacts',
    s3_key: 'worker.zip',
    handler: 'app.handler',
    runtime: 'python3.12',
    vpc_config: { subnet_ids: ['subnet-a', 'subnet-b'], security_group_ids: ['sg-worker'] },
    dead_letter_config: { target_arn: ref('aws_sqs_queue.dlq.arn') },
    kms_key_arn: KEY,
    environment: { variables: { STAGE: 'dev' } },
    tracing_config: { mode: 'Active' },
    ...extra,
  };
}

/** Everything a function needs around it to pass the gate. */
function lambdaModule(fnExtra: Record<string, unknown> = {}, more: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    ...key,
    aws_sqs_queue: { dlq: { name: 'worker-dlq', kms_master_key_id: KEY } },
    aws_cloudwatch_log_group: { worker: { name: '/aws/lambda/worker', retention_in_days: 365, kms_key_id: KEY } },
    aws_lambda_function: { worker: fn(fnExtra) },
    ...more,
  };
}

/** A domain that passes every OpenSearch rule, with the given arguments replaced. */
function domain(extra: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    domain_name: 'catalog',
    engine_version: 'OpenSearch_2.17',
    cluster_config: { instance_type: 'r6g.large.search', instance_count: 2, zone_awareness_enabled: true },
    ebs_options: { ebs_enabled: true, volume_size: 100, volume_type: 'gp3' },
    vpc_options: { subnet_ids: ['subnet-a', 'subnet-b'], security_group_ids: ['sg-search'] },
    encrypt_at_rest: { enabled: true, kms_key_id: KEY },
    node_to_node_encryption: { enabled: true },
    domain_endpoint_options: { enforce_https: true, tls_security_policy: 'Policy-Min-TLS-1-2-PFS-2023-10' },
    advanced_security_options: { enabled: true, internal_user_database_enabled: false, master_user_options: { master_user_arn: ROLE } },
    access_policies: JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { AWS: ROLE }, Action: 'es:ESHttpGet', Resource: 'arn:aws:es:eu-west-1:222222222222:domain/catalog/*' }] }),
    ...extra,
  };
}

/** A pool that passes both Cognito rules, with the given arguments replaced. */
function pool(extra: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    name: 'data',
    mfa_configuration: 'ON',
    software_token_mfa_configuration: { enabled: true },
    password_policy: { minimum_length: 14, require_lowercase: true, require_uppercase: true, require_numbers: true, require_symbols: true },
    ...extra,
  };
}

const INVOKE = { Effect: 'Allow', Principal: '*', Action: 'execute-api:Invoke', Resource: 'execute-api:/*' };
const DENY_OTHER_ENDPOINTS = { Effect: 'Deny', Principal: '*', Action: 'execute-api:Invoke', Resource: 'execute-api:/*', Condition: { StringNotEquals: { 'aws:SourceVpce': 'vpce-0123456789abcdef0' } } };
const policy = (...statements: unknown[]) => JSON.stringify({ Version: '2012-10-17', Statement: statements });
const privateApi = (extra: Record<string, unknown> = {}) => ({ name: 'graphql', endpoint_configuration: { types: ['PRIVATE'], vpc_endpoint_ids: ['vpce-0123456789abcdef0'] }, ...extra });

export const cases: RedTeamCase[] = [
  // TF-NET-20
  {
    id: 'data-platform/private-api-without-policy',
    why: 'a PRIVATE API with no resource policy: any VPC endpoint of any account that is allowed by its own policy could be pointed at it',
    files: mainFile({ resource: { aws_api_gateway_rest_api: { api: privateApi() } } }),
    expect: { rules: ['TF-NET-20'] },
  },
  {
    id: 'data-platform/private-api-open-policy-in-separate-resource',
    why: 'the policy lives in a separate aws_api_gateway_rest_api_policy and allows every caller without a source condition',
    files: mainFile({ resource: { aws_api_gateway_rest_api: { api: privateApi() }, aws_api_gateway_rest_api_policy: { api: { rest_api_id: ref('aws_api_gateway_rest_api.api.id'), policy: policy(INVOKE) } } } }),
    expect: { rules: ['TF-NET-20'] },
  },
  {
    id: 'data-platform/private-api-policy-jsonencode-from-local',
    why: 'the inline policy is jsonencode() of a local the gate does not evaluate',
    files: mainFile({ locals: { doc: { Version: '2012-10-17', Statement: [INVOKE] } }, resource: { aws_api_gateway_rest_api: { api: privateApi({ policy: ref('jsonencode(local.doc)') }) } } }),
    expect: { rules: ['TF-NET-20'] },
  },
  {
    id: 'data-platform/private-api-deny-with-wildcard-endpoint',
    why: 'the Deny names every endpoint ("*"), so it denies nothing',
    files: mainFile({ resource: { aws_api_gateway_rest_api: { api: privateApi({ policy: policy(INVOKE, { ...DENY_OTHER_ENDPOINTS, Condition: { StringNotEquals: { 'aws:SourceVpce': '*' } } }) }) } } }),
    expect: { rules: ['TF-NET-20'] },
  },
  {
    id: 'data-platform/private-api-endpoint-type-from-variable-default',
    why: 'the endpoint type comes from a variable whose default is PRIVATE, and there is no policy',
    files: mainFile({ variable: { types: { type: 'list(string)', default: ['PRIVATE'] } }, resource: { aws_api_gateway_rest_api: { api: { name: 'graphql', endpoint_configuration: [{ types: ref('var.types') }] } } } }),
    expect: { rules: ['TF-NET-20'] },
  },
  {
    id: 'data-platform/private-api-policy-removed-by-override',
    why: 'an override file replaces the endpoint-scoped policy with an open one',
    files: {
      ...mainFile({ resource: { aws_api_gateway_rest_api: { api: privateApi({ policy: policy(INVOKE, DENY_OTHER_ENDPOINTS) }) } } }),
      'api_override.tf.json': { resource: { aws_api_gateway_rest_api: { api: { policy: policy(INVOKE) } } } },
    },
    expect: { rules: ['TF-NET-20'] },
  },
  // TF-NET-21
  {
    id: 'data-platform/lambda-outside-vpc',
    why: 'vpc_config is left out: the function runs on Lambda\'s network with open egress',
    files: mainFile({ resource: lambdaModule({ vpc_config: undefined }) }),
    expect: { rules: ['TF-NET-21'] },
  },
  {
    id: 'data-platform/lambda-vpc-config-as-empty-block-array',
    why: 'vpc_config is an empty block array, the JSON form of no block at all',
    files: mainFile({ resource: lambdaModule({ vpc_config: [] }) }),
    expect: { rules: ['TF-NET-21'] },
  },
  {
    id: 'data-platform/lambda-subnets-from-conditional',
    why: 'subnet_ids is a conditional that yields an empty list by default',
    files: mainFile({ variable: { in_vpc: { type: 'bool', default: false } }, resource: lambdaModule({ vpc_config: { subnet_ids: ref('var.in_vpc ? ["subnet-a"] : []'), security_group_ids: ['sg-worker'] } }) }),
    expect: { rules: ['TF-NET-21'] },
  },
  {
    id: 'data-platform/lambda-vpc-config-as-dynamic-block',
    why: 'vpc_config is generated by a dynamic block over a variable whose default is empty',
    files: mainFile({ variable: { vpcs: { type: 'list(any)', default: [] } }, resource: lambdaModule({ vpc_config: undefined, dynamic: { vpc_config: { for_each: ref('var.vpcs'), content: { subnet_ids: ref('vpc_config.value.subnets'), security_group_ids: ref('vpc_config.value.groups') } } } }) }),
    expect: { rules: ['TF-NET-21'] },
  },
  // TF-NET-22
  {
    id: 'data-platform/opensearch-public-endpoint',
    why: 'vpc_options is left out: the domain gets a public endpoint',
    files: mainFile({ resource: { ...key, aws_opensearch_domain: { search: domain({ vpc_options: undefined }) } } }),
    expect: { rules: ['TF-NET-22'] },
  },
  {
    id: 'data-platform/opensearch-vpc-removed-by-override',
    why: 'an override file empties the subnets of vpc_options',
    files: {
      ...mainFile({ resource: { ...key, aws_opensearch_domain: { search: domain() } } }),
      'search_override.tf.json': { resource: { aws_opensearch_domain: { search: { vpc_options: { subnet_ids: [], security_group_ids: ['sg-search'] } } } } },
    },
    expect: { rules: ['TF-NET-22'] },
  },
  {
    id: 'data-platform/opensearch-subnets-from-local',
    why: 'subnet_ids is a local the gate does not resolve to subnets of the configuration',
    files: mainFile({ locals: { subnets: [] }, resource: { ...key, aws_opensearch_domain: { search: domain({ vpc_options: [{ subnet_ids: ref('local.subnets'), security_group_ids: ['sg-search'] }] }) } } }),
    expect: { rules: ['TF-NET-22'] },
  },
  // TF-RES-20
  {
    id: 'data-platform/lambda-without-dead-letter-queue',
    why: 'dead_letter_config is left out: failed asynchronous events are dropped after two retries',
    files: mainFile({ resource: lambdaModule({ dead_letter_config: undefined }) }),
    expect: { rules: ['TF-RES-20'] },
  },
  {
    id: 'data-platform/lambda-dlq-from-variable-default-empty',
    why: 'the target ARN is a variable whose default is the empty string',
    files: mainFile({ variable: { dlq: { type: 'string', default: '' } }, resource: lambdaModule({ dead_letter_config: [{ target_arn: ref('var.dlq') }] }) }),
    expect: { rules: ['TF-RES-20'] },
  },
  // TF-ENC-20
  {
    id: 'data-platform/lambda-environment-under-aws-managed-key',
    why: 'kms_key_arn is left out, so the variables sit under aws/lambda',
    files: mainFile({ resource: lambdaModule({ kms_key_arn: undefined }) }),
    expect: { rules: ['TF-ENC-20'] },
  },
  {
    id: 'data-platform/lambda-environment-key-alias-aws',
    why: 'kms_key_arn names the AWS managed alias through a local',
    files: mainFile({ locals: { key: 'arn:aws:kms:eu-west-1:222222222222:alias/aws/lambda' }, resource: lambdaModule({ kms_key_arn: ref('local.key'), environment: [{ variables: { STAGE: 'dev' } }] }) }),
    expect: { rules: ['TF-ENC-20'] },
  },
  {
    id: 'data-platform/lambda-environment-key-conditional',
    why: 'kms_key_arn is a conditional between the customer key and none',
    files: mainFile({ variable: { encrypt: { type: 'bool', default: false } }, resource: lambdaModule({ kms_key_arn: ref('var.encrypt ? aws_kms_key.app.arn : null') }) }),
    expect: { rules: ['TF-ENC-20'] },
  },
  // TF-LOG-20
  {
    id: 'data-platform/lambda-log-group-not-declared',
    why: 'no aws_cloudwatch_log_group for /aws/lambda/worker: Lambda creates one unencrypted and kept forever',
    files: mainFile({ resource: { ...lambdaModule(), aws_cloudwatch_log_group: { other: { name: '/aws/lambda/other', retention_in_days: 365, kms_key_id: KEY } } } }),
    expect: { rules: ['TF-LOG-20'] },
  },
  {
    id: 'data-platform/lambda-log-group-retention-removed-by-override',
    why: 'an override file sets the log group retention to 0 (never expire)',
    files: {
      ...mainFile({ resource: lambdaModule() }),
      'logs_override.tf.json': { resource: { aws_cloudwatch_log_group: { worker: { retention_in_days: 0 } } } },
    },
    expect: { rules: ['TF-LOG-20'] },
  },
  {
    id: 'data-platform/lambda-function-name-from-variable',
    why: 'the function name is a variable, so no declared log group is known to be its own',
    files: mainFile({ variable: { name: { type: 'string', default: 'other' } }, resource: lambdaModule({ function_name: ref('var.name') }) }),
    expect: { rules: ['TF-LOG-20'] },
  },
  // TF-LP-20
  {
    id: 'data-platform/opensearch-without-fine-grained-access',
    why: 'advanced_security_options is left out: whoever the access policy admits reads every index',
    files: mainFile({ resource: { ...key, aws_opensearch_domain: { search: domain({ advanced_security_options: undefined }) } } }),
    expect: { rules: ['TF-LP-20'] },
  },
  {
    id: 'data-platform/opensearch-internal-user-database',
    why: 'fine-grained access control with an internal user database and a password master user, in block-array form',
    files: mainFile({ resource: { ...key, aws_opensearch_domain: { search: domain({ advanced_security_options: [{ enabled: true, internal_user_database_enabled: true, master_user_options: [{ master_user_name: 'admin', master_user_password: 'Password1!Password1!' }] }] }) } } }),
    expect: { rules: ['TF-LP-20'] },
  },
  {
    id: 'data-platform/opensearch-fgac-flag-from-variable-default',
    why: 'enabled comes from a variable whose default is false',
    files: mainFile({ variable: { fgac: { type: 'bool', default: false } }, resource: { ...key, aws_opensearch_domain: { search: domain({ advanced_security_options: { enabled: ref('var.fgac'), internal_user_database_enabled: false, master_user_options: { master_user_arn: ROLE } } }) } } }),
    expect: { rules: ['TF-LP-20'] },
  },
  // TF-MFA-20
  {
    id: 'data-platform/cognito-mfa-optional',
    why: 'MFA is OPTIONAL: an administrator who never set it up signs in with a password alone',
    files: mainFile({ resource: { aws_cognito_user_pool: { users: pool({ mfa_configuration: 'OPTIONAL' }) } } }),
    expect: { rules: ['TF-MFA-20'] },
  },
  {
    id: 'data-platform/cognito-mfa-unset',
    why: 'mfa_configuration is left out, which the provider reads as OFF',
    files: mainFile({ resource: { aws_cognito_user_pool: { users: pool({ mfa_configuration: undefined }) } } }),
    expect: { rules: ['TF-MFA-20'] },
  },
  {
    id: 'data-platform/cognito-mfa-from-local-conditional',
    why: 'mfa_configuration is a conditional on a local',
    files: mainFile({ locals: { prod: false }, resource: { aws_cognito_user_pool: { users: pool({ mfa_configuration: ref('local.prod ? "ON" : "OFF"') }) } } }),
    expect: { rules: ['TF-MFA-20'] },
  },
  {
    id: 'data-platform/cognito-mfa-off-in-override',
    why: 'an override file turns MFA off over a pool that requires it',
    files: {
      ...mainFile({ resource: { aws_cognito_user_pool: { users: pool() } } }),
      'cognito_override.tf.json': { resource: { aws_cognito_user_pool: { users: { mfa_configuration: 'OFF' } } } },
    },
    expect: { rules: ['TF-MFA-20'] },
  },
  // TF-MFA-21
  {
    id: 'data-platform/cognito-default-password-policy',
    why: 'password_policy is left out: Cognito accepts 8-character passwords',
    files: mainFile({ resource: { aws_cognito_user_pool: { users: pool({ password_policy: undefined }) } } }),
    expect: { rules: ['TF-MFA-21'] },
  },
  {
    id: 'data-platform/cognito-short-password-from-variable-default',
    why: 'minimum_length is a variable whose default is 8, in block-array form',
    files: mainFile({ variable: { length: { type: 'number', default: 8 } }, resource: { aws_cognito_user_pool: { users: pool({ password_policy: [{ minimum_length: ref('var.length') }] }) } } }),
    expect: { rules: ['TF-MFA-21'] },
  },
  {
    id: 'data-platform/cognito-no-symbols-as-string',
    why: 'require_symbols is the string "false", which Terraform converts to a boolean',
    files: mainFile({ resource: { aws_cognito_user_pool: { users: pool({ password_policy: { minimum_length: 14, require_symbols: 'false' } }) } } }),
    expect: { rules: ['TF-MFA-21'] },
  },
];

export const controls: RedTeamControl[] = [
  {
    id: 'data-platform/control-private-api',
    why: 'a PRIVATE API whose separate policy lets the account in and denies every other VPC endpoint',
    files: mainFile({ resource: { aws_api_gateway_rest_api: { api: privateApi() }, aws_api_gateway_rest_api_policy: { api: { rest_api_id: ref('aws_api_gateway_rest_api.api.id'), policy: policy({ ...INVOKE, Principal: { AWS: 'arn:aws:iam::222222222222:root' } }, DENY_OTHER_ENDPOINTS) } } } }),
  },
  {
    id: 'data-platform/control-lambda',
    why: 'a function in the VPC with a KMS dead-letter queue, environment under a customer key and a declared, encrypted log group with retention',
    files: mainFile({ resource: lambdaModule() }),
  },
  {
    id: 'data-platform/control-opensearch-and-cognito',
    why: 'an OpenSearch domain in the VPC with a customer key, node-to-node and HTTPS TLS 1.2, fine-grained access with an IAM master; a Cognito pool requiring MFA and strong passwords',
    files: mainFile({ resource: { ...key, aws_opensearch_domain: { search: domain() }, aws_cognito_user_pool: { users: pool() } } }),
  },
];
