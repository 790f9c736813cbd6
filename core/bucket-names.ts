/**
 * S3 bucket naming, checked at synth so a bad name fails
 * with a coded error instead of at `terraform validate` or mid-apply.
 */

/**
 * A general-purpose S3 bucket name: 3-63 lowercase letters, digits, dots and
 * hyphens, starting and ending with a letter or digit, no two dots in a row,
 * and not shaped like an IPv4 address (the S3 naming rules).
 */
export function isS3BucketName(name: string): boolean {
  return /^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/.test(name) && !name.includes('..') && !/^\d{1,3}(\.\d{1,3}){3}$/.test(name);
}
