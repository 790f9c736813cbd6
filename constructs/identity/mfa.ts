import { TenantformError } from '../../core/errors';
import { iamVariable, PolicyConditions, PolicyStatement } from '../iam/policy';

/**
 * What a user may do before they have signed in with MFA: enough to enrol a
 * device and change their own password, nothing else.
 */
export const MFA_SELF_SERVICE_ACTIONS: readonly string[] = [
  'iam:ChangePassword',
  'iam:GetAccountPasswordPolicy',
  'iam:GetUser',
  'iam:GetLoginProfile',
  'iam:CreateVirtualMFADevice',
  'iam:EnableMFADevice',
  'iam:ListMFADevices',
  'iam:ListVirtualMFADevices',
  'iam:ResyncMFADevice',
  'sts:GetSessionToken',
];

/**
 * Denies everything but MFA and password self-service to a caller without MFA.
 *
 * `BoolIfExists` is essential: calls signed with a long-term access key carry no
 * `aws:MultiFactorAuthPresent` key at all, so a plain `Bool ... false` would
 * never match them and the deny would fail open for API users.
 */
export function forceMfaDenyStatement(): PolicyStatement {
  return {
    Sid: 'DenyAllWithoutMfa',
    Effect: 'Deny',
    NotAction: [...MFA_SELF_SERVICE_ACTIONS],
    Resource: '*',
    Condition: { BoolIfExists: { 'aws:MultiFactorAuthPresent': 'false' } },
  };
}

/** Lets each user manage their own password and MFA device, and nobody else's. */
export function mfaSelfServiceStatements(partition: string, accountId: string): PolicyStatement[] {
  const self = `arn:${partition}:iam::${accountId}:user/${iamVariable('aws:username')}`;
  return [
    { Sid: 'ReadAccountBasics', Effect: 'Allow', Action: ['iam:GetAccountPasswordPolicy', 'iam:ListVirtualMFADevices'], Resource: '*' },
    {
      Sid: 'ManageOwnPasswordAndMfa',
      Effect: 'Allow',
      Action: ['iam:ChangePassword', 'iam:GetUser', 'iam:GetLoginProfile', 'iam:EnableMFADevice', 'iam:ListMFADevices', 'iam:ResyncMFADevice'],
      Resource: self,
    },
    // Virtual MFA devices may be named freely since 2022, so the device ARN cannot be tied to the user name.
    { Sid: 'CreateOwnVirtualMfa', Effect: 'Allow', Action: ['iam:CreateVirtualMFADevice'], Resource: `arn:${partition}:iam::${accountId}:mfa/*` },
    {
      Sid: 'DeactivateOwnMfaOnlyWithMfa',
      Effect: 'Allow',
      Action: ['iam:DeactivateMFADevice'],
      Resource: self,
      Condition: { Bool: { 'aws:MultiFactorAuthPresent': 'true' } },
    },
  ];
}

/** Longest MFA age a human role may accept: 12 hours, the longest role session. */
export const MAX_MFA_AGE_SECONDS = 43_200;

/** Conditions a human-assumed role puts on its trust: MFA present and recent. */
export function mfaTrustConditions(maxMfaAgeSeconds: number, where: string): PolicyConditions {
  if (!Number.isInteger(maxMfaAgeSeconds) || maxMfaAgeSeconds < 60 || maxMfaAgeSeconds > MAX_MFA_AGE_SECONDS) {
    throw new TenantformError({
      code: 'TF-IAM-010',
      where,
      problem: `MFA age limit must be a whole number of seconds from 60 to ${MAX_MFA_AGE_SECONDS}.`,
      value: maxMfaAgeSeconds,
      fix: 'use e.g. 3600 (one hour).',
    });
  }
  return {
    Bool: { 'aws:MultiFactorAuthPresent': 'true' },
    NumericLessThan: { 'aws:MultiFactorAuthAge': String(maxMfaAgeSeconds) },
  };
}
