/**
 * Which attributes of a managed resource name exactly one object. A reference
 * to one of them (`${aws_iam_role.ci.arn}`) is unknown in config mode, since
 * AWS assigns it at apply time, but it is a SPECIFIC value: the role managed
 * in this stack, never `*` and never something an attacker chose. Rules use
 * that to accept, say, a trust principal or a policy Resource that points at
 * a sibling resource. Any attribute not listed here (tags, outputs of
 * `terraform_data`, a DNS name, a CIDR) is not specific.
 */

/** Attributes that identify one object for every `aws_*` resource type: the ARN and the provider's ID. */
const EVERY_AWS_TYPE: readonly string[] = ['arn', 'id'];

/** Further identifying attributes, per type, for the types the rules ask about. */
const BY_TYPE: Readonly<Record<string, readonly string[]>> = {
  aws_iam_role: ['name', 'unique_id'],
  aws_iam_user: ['name', 'unique_id'],
  aws_iam_group: ['name', 'unique_id'],
  aws_iam_policy: ['name', 'policy_id'],
  aws_iam_instance_profile: ['name', 'unique_id'],
  aws_iam_openid_connect_provider: [],
  aws_iam_saml_provider: [],
  aws_kms_key: ['key_id'],
  aws_kms_alias: ['name', 'target_key_arn'],
  aws_kms_replica_key: ['key_id'],
  aws_s3_bucket: ['bucket'],
  aws_sns_topic: ['name'],
  aws_sqs_queue: ['name', 'url'],
  aws_secretsmanager_secret: ['name'],
  aws_lambda_function: ['function_name', 'qualified_arn'],
  aws_cloudwatch_log_group: ['name'],
  aws_ecr_repository: ['name', 'repository_url'],
  aws_dynamodb_table: ['name'],
  aws_ssoadmin_permission_set: [],
  aws_organizations_organizational_unit: [],
  aws_organizations_account: [],
  aws_security_group: ['name'],
  aws_vpc: [],
  aws_subnet: [],
  aws_lb: ['name'],
  aws_lb_target_group: ['name'],
};

/**
 * Resource types whose attributes never identify anything: their values are
 * whatever the configuration feeds them, known only at apply time.
 */
const OPAQUE_TYPES = new Set(['terraform_data', 'null_resource']);

/** Whether `type.name.<attribute>` names one specific object managed in the stack. */
export function isIdentifierAttribute(type: string, attribute: string): boolean {
  if (OPAQUE_TYPES.has(type) || !type.startsWith('aws_')) return false;
  return EVERY_AWS_TYPE.includes(attribute) || (BY_TYPE[type] ?? []).includes(attribute);
}

/** Types whose every attribute is opaque in config mode (`terraform_data`, `null_resource`). */
export function isOpaqueType(type: string): boolean {
  return OPAQUE_TYPES.has(type);
}
