import { bool, int, list, literal, oneOf, opt, Schema, str, strict, union } from '../../core/validation';
import type { OrganizationTrailOptions, SecurityServicesProps } from './security-services';

export const OrganizationTrailOptionsSchema = strict({ organizationId: str(), trailName: opt(str()), bucketName: opt(str()), retentionDays: opt(int()), objectLockDays: opt(int()) }) satisfies Schema<OrganizationTrailOptions>;

export const SecurityServicesPropsSchema = strict({
  guardDuty: opt(bool()),
  inspector: opt(union([literal(false), list(oneOf(['EC2', 'ECR', 'LAMBDA'] as const))])),
  securityHubStandards: opt(union([literal(false), list(oneOf(['aws-foundational-security-best-practices', 'cis-aws-foundations-benchmark-v3'] as const))])),
  organizationTrail: opt(OrganizationTrailOptionsSchema),
}) satisfies Schema<SecurityServicesProps>;
