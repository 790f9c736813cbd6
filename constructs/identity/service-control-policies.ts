import { BASELINE_IAM_PATH } from './arn';
import { PolicyStatement } from '../iam/policy';

/**
 * Service control policy documents for the organization. They are guardrails
 * over every principal in a member account, including its administrators;
 * they grant nothing.
 */

/** Actions served from a global endpoint (us-east-1) that a region allow-list must not block. */
export const GLOBAL_SERVICE_ACTIONS: readonly string[] = [
  'iam:*', 'organizations:*', 'account:*', 'sts:*', 'support:*', 'trustedadvisor:*', 'health:*',
  'budgets:*', 'ce:*', 'cur:*', 'aws-portal:*', 'pricing:*', 'billing:*', 'tax:*', 'invoicing:*',
  'route53:*', 'route53domains:*', 'cloudfront:*', 'globalaccelerator:*', 'waf:*', 'shield:*',
  'sso:*', 'identitystore:*', 'iam-identity-center:*', 'networkmanager:*',
  's3:GetAccountPublicAccessBlock', 's3:PutAccountPublicAccessBlock', 's3:ListAllMyBuckets', 'kms:ListAliases',
];

/** The role that may still change the security services (incident response, applying the baseline). */
export function breakGlassPrincipalPattern(partition: string): string {
  return `arn:${partition}:iam::*:role${BASELINE_IAM_PATH}break-glass-admin`;
}

/** Nobody leaves the organization, so its guardrails cannot be shed. */
export function denyLeaveOrganization(): PolicyStatement[] {
  return [{ Sid: 'DenyLeavingTheOrganization', Effect: 'Deny', Action: 'organizations:LeaveOrganization', Resource: '*' }];
}

/** The root user of member accounts can do nothing; people use IAM identities with MFA. */
export function denyRootUser(partition: string): PolicyStatement[] {
  return [
    {
      Sid: 'DenyRootUser',
      Effect: 'Deny',
      // A deny: "every action" is the point here, and it grants nothing.
      Action: '*',
      Resource: '*',
      Condition: { StringLike: { 'aws:PrincipalArn': `arn:${partition}:iam::*:root` } },
    },
  ];
}

/** Only the listed regions, except for global services whose endpoint lives in us-east-1. */
export function regionAllowList(regions: readonly string[]): PolicyStatement[] {
  return [
    {
      Sid: 'DenyOutsideAllowedRegions',
      Effect: 'Deny',
      NotAction: [...GLOBAL_SERVICE_ACTIONS],
      Resource: '*',
      Condition: { StringNotEquals: { 'aws:RequestedRegion': [...regions] } },
    },
  ];
}

/** Actions that would blind the audit trail or the threat detection. */
export const SECURITY_SERVICE_TAMPERING: readonly string[] = [
  'cloudtrail:StopLogging', 'cloudtrail:DeleteTrail', 'cloudtrail:UpdateTrail', 'cloudtrail:PutEventSelectors', 'cloudtrail:PutInsightSelectors',
  'guardduty:DeleteDetector', 'guardduty:UpdateDetector', 'guardduty:DeleteMembers', 'guardduty:DisassociateFromMasterAccount',
  'guardduty:DisassociateFromAdministratorAccount', 'guardduty:StopMonitoringMembers', 'guardduty:UpdateMalwareScanSettings',
  'config:DeleteConfigurationRecorder', 'config:StopConfigurationRecorder', 'config:DeleteDeliveryChannel', 'config:PutConfigurationRecorder',
  'config:PutDeliveryChannel', 'config:DeleteRetentionConfiguration',
  'access-analyzer:DeleteAnalyzer',
  'ec2:DisableEbsEncryptionByDefault',
  's3:PutAccountPublicAccessBlock',
];

/** Security services and the baseline's roles can only be changed through the break-glass role. */
export function protectSecurityServices(partition: string): PolicyStatement[] {
  const unlessBreakGlass = { ArnNotLike: { 'aws:PrincipalArn': breakGlassPrincipalPattern(partition) } };
  return [
    { Sid: 'ProtectAuditAndDetection', Effect: 'Deny', Action: [...SECURITY_SERVICE_TAMPERING], Resource: '*', Condition: unlessBreakGlass },
    {
      Sid: 'ProtectBaselineRoles',
      Effect: 'Deny',
      Action: [
        'iam:AttachRolePolicy', 'iam:DeleteRole', 'iam:DeleteRolePermissionsBoundary', 'iam:DeleteRolePolicy', 'iam:DetachRolePolicy',
        'iam:PutRolePermissionsBoundary', 'iam:PutRolePolicy', 'iam:UpdateAssumeRolePolicy', 'iam:UpdateRole', 'iam:UpdateRoleDescription',
      ],
      Resource: `arn:${partition}:iam::*:role${BASELINE_IAM_PATH}*`,
      Condition: unlessBreakGlass,
    },
  ];
}

/** Irreversible or credential-minting actions need an MFA session (CI sessions have none, so they need a person). */
export const MFA_SENSITIVE_ACTIONS: readonly string[] = [
  'iam:CreateUser', 'iam:CreateAccessKey', 'iam:DeleteUser', 'iam:CreateLoginProfile',
  'kms:ScheduleKeyDeletion', 'kms:DisableKey',
  's3:DeleteBucket', 'ec2:DeleteVolume', 'rds:DeleteDBCluster', 'rds:DeleteDBInstance',
];

/** Denies the sensitive actions to sessions without MFA; `BoolIfExists` so long-term keys are caught too. */
export function requireMfaForSensitiveActions(): PolicyStatement[] {
  return [
    {
      Sid: 'SensitiveActionsNeedMfa',
      Effect: 'Deny',
      Action: [...MFA_SENSITIVE_ACTIONS],
      Resource: '*',
      Condition: { BoolIfExists: { 'aws:MultiFactorAuthPresent': 'false' } },
    },
  ];
}
