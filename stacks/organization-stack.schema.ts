import { bool, EnvironmentSchema, known, list, opt, Schema, str, strict } from '../core/validation';
import type { OrganizationalUnitName, OrganizationStackProps } from './organization-stack';

export const MemberAccountSchema = strict({
  name: str(),
  accountId: str(),
  // TF-ORG-003 explains an unknown OU.
  organizationalUnit: known<OrganizationalUnitName>(),
  email: opt(str()),
  environment: opt(EnvironmentSchema),
});

export const OrganizationStackPropsSchema = strict({
  environment: EnvironmentSchema,
  accounts: list(MemberAccountSchema),
  allowedRegions: opt(list(str())),
  requireMfaForSensitiveActions: opt(bool()),
  awsServiceAccessPrincipals: opt(list(str())),
}) satisfies Schema<OrganizationStackProps>;
