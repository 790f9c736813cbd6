/**
 * IAM action matching and the curated action classes the least-privilege
 * rules use. Classes follow the AWS service authorization reference's access
 * levels, approximated by the action's verb, with explicit entries where the
 * verb misleads (kms:CreateGrant manages permissions), and a list of the
 * data-plane reads that must never count as harmless on `*`.
 */

/** True when the IAM action pattern (with `*`/`?` wildcards, case-insensitive) matches the action. */
export function actionMatches(pattern: string, action: string): boolean {
  const p = pattern.toLowerCase();
  const a = action.toLowerCase();
  if (p === '*' || p === a) return true;
  if (!p.includes('*') && !p.includes('?')) return false;
  const re = new RegExp(`^${p.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*').replace(/\?/g, '.')}$`);
  return re.test(a);
}

export type AccessLevel = 'read' | 'list' | 'write' | 'permissions-management' | 'tagging';

/** Actions that change who may do what, whatever their verb says. */
const PERMISSIONS_MANAGEMENT = new Set(
  [
    'kms:CreateGrant', 'kms:PutKeyPolicy', 'kms:RetireGrant', 'kms:RevokeGrant',
    's3:PutBucketPolicy', 's3:DeleteBucketPolicy', 's3:PutBucketAcl', 's3:PutObjectAcl', 's3:PutBucketPublicAccessBlock', 's3:PutAccountPublicAccessBlock',
    'sqs:AddPermission', 'sqs:RemovePermission', 'sqs:SetQueueAttributes',
    'sns:AddPermission', 'sns:RemovePermission', 'sns:SetTopicAttributes',
    'lambda:AddPermission', 'lambda:RemovePermission',
    'ecr:SetRepositoryPolicy', 'ecr:DeleteRepositoryPolicy',
    'secretsmanager:PutResourcePolicy', 'secretsmanager:DeleteResourcePolicy',
    'ram:CreateResourceShare', 'ram:AssociateResourceShare',
    'sts:AssumeRole',
    'organizations:AttachPolicy', 'organizations:DetachPolicy',
  ].map((a) => a.toLowerCase()),
);

/**
 * Data-plane reads: each returns the contents of a secret, object, parameter,
 * item, message, log event or key, not configuration. AWS files most of them
 * under the "Read" access level, yet on `Resource: "*"` they hand over every
 * secret or object of the account, so they are never exempt from scoping.
 * A wildcard action (`secretsmanager:Get*`, `s3:GetObject*`, `ssm:GetParameter*`)
 * is sensitive when it matches any of them. This is the one list; rules import it.
 */
export const SENSITIVE_DATA_READS: readonly string[] = [
  // object stores and file systems
  's3:GetObject', 's3:GetObjectVersion', 's3:GetObjectTorrent', 's3:GetObjectVersionTorrent', 's3:GetObjectVersionForReplication',
  'elasticfilesystem:ClientMount',
  // secrets, parameters, keys
  'secretsmanager:GetSecretValue', 'secretsmanager:BatchGetSecretValue',
  'ssm:GetParameter', 'ssm:GetParameters', 'ssm:GetParametersByPath', 'ssm:GetParameterHistory',
  'kms:Decrypt', 'kms:ReEncryptFrom',
  'ec2:GetPasswordData',
  'glue:GetConnection', 'glue:GetConnections',
  'lambda:GetFunction',
  // databases, queues, streams, logs
  'dynamodb:GetItem', 'dynamodb:BatchGetItem', 'dynamodb:Query', 'dynamodb:Scan', 'dynamodb:GetRecords', 'dynamodb:PartiQLSelect',
  'sqs:ReceiveMessage',
  'kinesis:GetRecords',
  'logs:GetLogEvents', 'logs:FilterLogEvents', 'logs:GetQueryResults',
  'es:ESHttpGet',
  'athena:GetQueryResults',
  'redshift-data:GetStatementResult',
  'rds:DownloadDBLogFilePortion',
  'ecr:BatchGetImage', 'ecr:GetDownloadUrlForLayer',
];

/** True when the action (or wildcard pattern) can read one of the sensitive data-plane actions above. */
export function readsSensitiveData(action: string): boolean {
  return SENSITIVE_DATA_READS.some((sensitive) => actionMatches(action, sensitive));
}

/**
 * Actions that AWS does not scope to resources, so `Resource: "*"` is the only
 * way to grant them (CloudWatch metrics, X-Ray, the SSM agent channels, the
 * ENIs a VPC Lambda manages).
 */
export const RESOURCE_LESS_ACTIONS = new Set(
  [
    'cloudwatch:PutMetricData', 'xray:PutTraceSegments', 'xray:PutTelemetryRecords', 'ecr:GetAuthorizationToken', 'sts:GetCallerIdentity',
    'ssmmessages:CreateControlChannel', 'ssmmessages:CreateDataChannel', 'ssmmessages:OpenControlChannel', 'ssmmessages:OpenDataChannel',
    'ec2messages:AcknowledgeMessage', 'ec2messages:DeleteMessage', 'ec2messages:FailMessage', 'ec2messages:GetEndpoint', 'ec2messages:GetMessages', 'ec2messages:SendReply',
    'ssm:UpdateInstanceInformation',
    'ec2:CreateNetworkInterface', 'ec2:DeleteNetworkInterface', 'ec2:AssignPrivateIpAddresses', 'ec2:UnassignPrivateIpAddresses',
  ].map((a) => a.toLowerCase()),
);

/** The access level of an action or action pattern; wildcard patterns take the most powerful level they can reach. */
export function accessLevel(action: string): AccessLevel {
  const a = action.toLowerCase();
  const [service = '', verbPart = ''] = a.split(':');
  if (a === '*' || verbPart === '*' || verbPart === '') return 'permissions-management';
  if (PERMISSIONS_MANAGEMENT.has(a)) return 'permissions-management';
  if (service === 'iam' && !/^(get|list|generate|simulate)/.test(verbPart)) return 'permissions-management';
  if (verbPart.includes('*') && !/^(get|list|describe|head)/.test(verbPart)) return 'permissions-management';
  if (/^(tag|untag)/.test(verbPart)) return 'tagging';
  if (/^(describe|list)/.test(verbPart)) return 'list';
  if (/^(get|head|batchget|lookup|search|view|check)/.test(verbPart)) return 'read';
  return 'write';
}

/**
 * True when the action needs scoping: anything but a configuration read or
 * list, and not one AWS only grants on `*`. Data-plane reads need scoping
 * whatever their access level says.
 */
export function needsScoping(action: string): boolean {
  if (RESOURCE_LESS_ACTIONS.has(action.toLowerCase())) return false;
  const level = accessLevel(action);
  return (level !== 'read' && level !== 'list') || readsSensitiveData(action);
}

/** True when the pattern matches every action of every service (`*`, `*:*`). */
export function isEveryAction(action: string): boolean {
  return /^\*+(:\*+)?$/.test(action);
}
