import { PolicyStatement } from '../iam/policy';

/**
 * What deploying tenantform's workload stacks touches, per AWS service, as
 * verb-prefixed action patterns. Keeping it a table makes a new service a
 * one-line, reviewable change.
 */
export type DeployService =
  | 'ec2' | 'elasticloadbalancing' | 'autoscaling' | 'ecs' | 'ecr' | 'servicediscovery' | 'application-autoscaling'
  | 'apigateway' | 'cloudfront' | 'wafv2' | 'route53' | 'acm'
  | 'logs' | 'cloudwatch' | 'sns' | 'sqs' | 'ssm' | 'secretsmanager' | 'rds' | 'kms' | 's3' | 'dlm'
  | 'eks' | 'backup';

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
  // Clusters, node groups, add-ons, access entries (AssociateAccessPolicy) and pod identity associations.
  eks: [...CRUD, 'Associate', 'Disassociate'],
  // Vaults, plans and selections; StartBackupJob and restores stay with people.
  backup: [...CRUD],
};

/** Services whose API calls are made in us-east-1 whatever the environment's region. */
export const GLOBAL_DEPLOY_SERVICES: ReadonlySet<DeployService> = new Set(['cloudfront', 'route53']);

export const ALL_DEPLOY_SERVICES = Object.keys(SERVICE_VERBS) as DeployService[];

/** Services only some apps deploy (EKS platforms, AWS Backup plans): a CI role gets them when its `services` names them. */
const OPT_IN_DEPLOY_SERVICES: ReadonlySet<DeployService> = new Set(['eks', 'backup']);

/** What a CI role may deploy when its `services` are not given: everything but the opt-in services. */
export const DEFAULT_DEPLOY_SERVICES: readonly DeployService[] = ALL_DEPLOY_SERVICES.filter((s) => !OPT_IN_DEPLOY_SERVICES.has(s));

/** `ec2:Describe*`, ... for one service. */
export function deployActions(service: DeployService): string[] {
  return SERVICE_VERBS[service].map((v) => action(service, v));
}

function action(service: DeployService, verb: string): string {
  return service === 'apigateway' ? `apigateway:${verb}` : `${service}:${verb}*`;
}

/**
 * Services whose IAM authorization supports neither `aws:RequestTag` nor
 * `aws:ResourceTag` for the resources the stacks manage; they are scoped by
 * ARN instead (see ci-deploy-role.ts).
 */
export const UNTAGGABLE_DEPLOY_SERVICES: ReadonlySet<DeployService> = new Set(['route53', 's3']);

/** Verbs that only read configuration. */
const READ_VERBS: ReadonlySet<string> = new Set(['Describe', 'Get', 'List', 'GET']);
/** `Get` verbs that also read data (secret values, parameters, images, log events, passwords): scoped like changes. */
const DATA_READ_SERVICES: ReadonlySet<DeployService> = new Set(['ec2', 'ecr', 'logs', 'secretsmanager', 'ssm', 'kms']);
/** Verbs that make a resource: the request carries its tags (the provider's default_tags). */
const CREATE_VERBS: ReadonlySet<string> = new Set(['Create', 'Request', 'Allocate', 'RunInstances', 'POST', 'Copy', 'Restore']);
/** Verbs that create or change depending on the call (PutParameter, RegisterTaskDefinition, PUT of a method): in both sets. */
const CREATE_OR_CHANGE_VERBS: ReadonlySet<string> = new Set(['Put', 'PUT', 'Register']);

/** One service's deploy actions by how tags can scope them. */
export interface DeployActionsByTagScope {
  /** Configuration reads; AWS scopes few of them, and they reveal no data. */
  readonly read: readonly string[];
  /** Calls that create a resource: scoped by `aws:RequestTag`. */
  readonly create: readonly string[];
  /** Calls on an existing resource (change, delete, tag, data reads): scoped by `aws:ResourceTag`. */
  readonly change: readonly string[];
}

/** Splits a service's deploy actions into read, create and change sets. */
export function deployActionsByTagScope(service: DeployService): DeployActionsByTagScope {
  const read: string[] = [];
  const create: string[] = [];
  const change: string[] = [];
  for (const verb of SERVICE_VERBS[service]) {
    const a = action(service, verb);
    if (READ_VERBS.has(verb) && !(verb === 'Get' && DATA_READ_SERVICES.has(service))) read.push(a);
    else if (CREATE_VERBS.has(verb)) create.push(a);
    else {
      if (CREATE_OR_CHANGE_VERBS.has(verb)) create.push(a);
      change.push(a);
    }
  }
  return { read, create, change };
}

/** Tagging calls of the deploy services, for the deny that keeps CI off other environments' resources. */
export function taggingActions(services: readonly DeployService[]): string[] {
  const out = new Set<string>();
  for (const service of services) {
    if (UNTAGGABLE_DEPLOY_SERVICES.has(service)) continue;
    if (service === 'apigateway') continue; // tags are PUT/DELETE on /tags, covered by the resource-tag condition
    if (service === 'ec2') out.add('ec2:CreateTags').add('ec2:DeleteTags');
    if (service === 'elasticloadbalancing' || service === 'acm') out.add(`${service}:AddTags*`).add(`${service}:RemoveTags*`);
    if (service === 'rds' || service === 'ssm') out.add(`${service}:AddTagsToResource`).add(`${service}:RemoveTagsFromResource`);
    out.add(`${service}:Tag*`).add(`${service}:Untag*`);
  }
  return [...out];
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
