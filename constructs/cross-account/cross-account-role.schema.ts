import { Schema, arn, int, list, opt, ref, str, strict } from '../../core/validation';
import type { CrossAccountRoleProps } from './cross-account-role';

export const CrossAccountRolePropsSchema = strict({
  roleName: ref(),
  trustedEnvironment: ref(),
  trustedRoleNames: opt(list(ref())),
  externalId: opt(ref()),
  maxSessionDurationSeconds: opt(int()),
  permissionsBoundaryArn: opt(arn()),
  description: opt(str()),
}) satisfies Schema<CrossAccountRoleProps>;
