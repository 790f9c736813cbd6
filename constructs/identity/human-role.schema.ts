import { int, list, opt, Schema, str, strict } from '../../core/validation';
import type { HumanRoleProps } from './human-role';
import { PolicyStatementSchema } from '../iam/policy.schema';

export const HumanRolePropsSchema = strict({
  roleName: str(),
  description: str(),
  partition: str(),
  accountId: str(),
  maxMfaAgeSeconds: opt(int()),
  maxSessionDurationSeconds: opt(int()),
  awsManagedPolicies: opt(list(str())),
  statements: opt(list(PolicyStatementSchema)),
}) satisfies Schema<HumanRoleProps>;
