import { PolicyStatement } from './policy';

/**
 * What deploying tenantform's workload stacks touches, per AWS service, as
 * verb-prefixed action patterns. Keeping it a table makes a new service a
 * one-line, reviewable change.
 */
export type DeployService =
  | 'ec2' | 'elasticloadbalancing' | 'autoscaling' | 'ecs' | 'ecr' | 'servicediscovery' | 'application-autoscaling'
  | 'apigateway' | 'cloudfront' | 'wafv2' | 'route53' | 'acm'
  | 'logs' | 'cloudwatch' | 'sns' | 'sqs' | 'ssm' | 'secretsmanager' | 'rds' | 'kms' | 's3' | 'dlm';

const CRUD = ['Describe', 'Get', 'List', 'Create', 'Delete', 'Update', 'Put', 'Tag', 'Untag'];

/** Verbs per service; each becomes `<service>:<Verb>*`. */
const SERVICE_VERBS: Readonly<Record<DeployService, readonly string[]>> = {
  ec2: [...CRUD, 'Modify', 'Associate', 'Disassociate', 'Attach', 'Detach', 'Authorize', 'Revoke', 'Replace', 'Allocate', 'Release', 'RunInstances', 'TerminateInstances', 'StartInstances', 'StopInstances', 'Enable', 'Disable', 'Accept'],
  elasticloadbalancing: [...CRUD, 'Modify', 'Register', 'Deregister', 'Add', 'Remove', 'Set'],
  autoscaling: [...CRUD, 'Attach', 'Detach', 'Set', 'Suspend', 'Resume'],
  ecs: [...CRUD, 'Register', 'Deregister'],
  ecr: [...CRUD, 'Set', 'BatchGetImage', 'BatchCheckLayerAvailability', 'InitiateLayerUpload', 'UploadLayerPart', 'CompleteLayerUpload', 'BatchDeleteImage'],
  servicediscovery: [...CRUD, 'Register', 'Deregister'],
  'application-autoscaling': [...CRUD, 'Register', 'Deregister'],
  apigateway: ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'],
  cloudfront: [...CRUD],
  wafv2: [...CRUD, 'Associate', 'Disassociate'],
  route53: [...CRUD, 'Change', 'Associate', 'Disassociate'],
  acm: [...CRUD, 'Request', 'Add', 'Remove'],
  logs: [...CRUD, 'Associate', 'Disassociate'],
  cloudwatch: [...CRUD, 'Enable', 'Disable', 'Set'],
  sns: [...CRUD, 'Set', 'Subscribe', 'Unsubscribe', 'Add', 'Remove'],
  sqs: [...CRUD, 'Set', 'Add', 'Remove'],
  ssm: [...CRUD, 'Add', 'Remove', 'Register', 'Deregister', 'Modify', 'Label'],
  secretsmanager: [...CRUD, 'Rotate', 'Cancel', 'Restore', 'Replicate'],
  rds: [...CRUD, 'Modify', 'Add', 'Remove', 'Reboot', 'Start', 'Stop', 'Copy', 'Restore', 'Failover'],
  // Deleting or disabling a key destroys data for good, so those stay with humans: no Schedule/Disable verbs.
  kms: ['Describe', 'Get', 'List', 'Create', 'Tag', 'Untag', 'Enable', 'Update', 'PutKeyPolicy', 'Encrypt', 'Decrypt', 'GenerateDataKey', 'ReEncrypt'],
  s3: ['Get', 'List', 'Put', 'CreateBucket', 'DeleteBucket', 'DeleteObject'],
  dlm: [...CRUD],
};

/** Services whose API calls are made in us-east-1 whatever the environment's region. */
export const GLOBAL_DEPLOY_SERVICES: ReadonlySet<DeployService> = new Set(['cloudfront', 'route53']);

export const ALL_DEPLOY_SERVICES = Object.keys(SERVICE_VERBS) as DeployService[];

/** `ec2:Describe*`, ... for one service. */
export function deployActions(service: DeployService): string[] {
  const verbs = SERVICE_VERBS[service];
  if (service === 'apigateway') return verbs.map((v) => `apigateway:${v}`);
  return verbs.map((v) => `${service}:${v}*`);
}

/**
 * Security services the CI role may never switch off or rewrite, whatever its
 * allows say; only the MFA-guarded break-glass role can.
 */
export const PROTECTED_SECURITY_ACTIONS: readonly string[] = [
  'cloudtrail:StopLogging', 'cloudtrail:DeleteTrail', 'cloudtrail:UpdateTrail', 'cloudtrail:PutEventSelectors',
  'guardduty:DeleteDetector', 'guardduty:UpdateDetector', 'guardduty:DisassociateFromMasterAccount',
  'config:StopConfigurationRecorder', 'config:DeleteConfigurationRecorder', 'config:DeleteDeliveryChannel',
  'access-analyzer:DeleteAnalyzer',
  'ec2:DisableEbsEncryptionByDefault', 'ec2:ResetEbsDefaultKmsKeyId', 'ec2:ModifyEbsDefaultKmsKeyId',
  's3:PutAccountPublicAccessBlock',
  'organizations:LeaveOrganization',
];

/** A deny that keeps a role away from the security services. */
export function protectSecurityServicesStatement(): PolicyStatement {
  return { Sid: 'NeverWeakenSecurityServices', Effect: 'Deny', Action: [...PROTECTED_SECURITY_ACTIONS], Resource: '*' };
}
