import { TenantformError } from '../../core/errors';

/**
 * A tenant ID is one DNS label: the tenant is served at `<id>.<domain>`, and
 * the ID names its stack (`<env>-tenant-<id>`), so it must be valid in both.
 * It also starts the Terraform names of the tenant's resources, and a
 * Terraform name cannot start with a digit (`aws_ebs_volume.42_...` is no
 * reference), so the label starts with a letter.
 */
export const TENANT_ID_PATTERN = /^[a-z](?:[a-z0-9-]{0,61}[a-z0-9])?$/;

export function isTenantId(value: unknown): value is string {
  return typeof value === 'string' && TENANT_ID_PATTERN.test(value);
}

/** Throws TF-TEN-002 unless `id` is a lowercase DNS label. */
export function assertTenantId(id: unknown, where: string): asserts id is string {
  if (!isTenantId(id)) {
    throw new TenantformError({
      code: 'TF-TEN-002',
      where,
      problem: 'tenant ID must be a DNS label: 1-63 lowercase letters, digits or hyphens, starting with a letter and not ending with a hyphen.',
      value: id,
      fix: 'use an ID such as "acme" or "acme-eu"; it becomes the host name <id>.<domain>.',
    });
  }
}
