import { PolicyStatementSchema } from '../iam/policy.schema';
import { dict, int, list, opt, ref, Schema, str, strict } from '../../core/validation';
import type { AccountAssignmentSpec, IdentityCenterAccessProps, PermissionSetSpec } from './identity-center-access';

export const PermissionSetSpecSchema = strict({
  description: str(),
  sessionDurationHours: opt(int()),
  managedPolicies: opt(list(str())),
  inlinePolicy: opt(list(PolicyStatementSchema)),
}) satisfies Schema<PermissionSetSpec>;

export const AccountAssignmentSpecSchema = strict({ permissionSet: str(), groupId: ref(), accountIds: list(str()) }) satisfies Schema<AccountAssignmentSpec>;

export const IdentityCenterAccessPropsSchema = strict({
  instanceArn: str(),
  permissionSets: dict(PermissionSetSpecSchema),
  assignments: dict(AccountAssignmentSpecSchema),
}) satisfies Schema<IdentityCenterAccessProps>;
