/**
 * Key-management actions for a key policy's account statement: everything
 * needed to administer a key, listed instead of `kms:*` so that using the key
 * for data is granted separately and deliberately. Shared by every key
 * tenantform creates (flow logs, platform data and logs keys, baseline keys).
 */
export const KEY_ADMIN_ACTIONS: readonly string[] = [
  'kms:Create*', 'kms:Describe*', 'kms:Enable*', 'kms:List*', 'kms:Put*', 'kms:Update*',
  'kms:Revoke*', 'kms:Disable*', 'kms:Get*', 'kms:Delete*', 'kms:TagResource', 'kms:UntagResource',
  'kms:ScheduleKeyDeletion', 'kms:CancelKeyDeletion', 'kms:RotateKeyOnDemand',
];
