/**
 * ARN building blocks. The partition follows the region, so the same code
 * works in the China and GovCloud partitions.
 */
export function partitionOf(region: string): string {
  if (region.startsWith('cn-')) return 'aws-cn';
  if (region.startsWith('us-gov-')) return 'aws-us-gov';
  return 'aws';
}

/** `arn:<partition>:iam::<account>:root`: the account itself as a principal. */
export function accountRootArn(partition: string, accountId: string): string {
  return `arn:${partition}:iam::${accountId}:root`;
}

/** ARN of an AWS-managed IAM policy, e.g. `ReadOnlyAccess` or `job-function/ViewOnlyAccess`. */
export function awsManagedPolicyArn(partition: string, name: string): string {
  return `arn:${partition}:iam::aws:policy/${name}`;
}

/** Every IAM path tenantform's baseline identities live under; CI may not touch it. */
export const BASELINE_IAM_PATH = '/tenantform-baseline/';
