import { arn, dict, int, list, opt, Schema, str, strict } from '../../core/validation';
import type { PullAccount, SharedRegistryProps } from './shared-registry';

export const PullAccountSchema = strict({ accountId: str(), roleNames: opt(list(str())) }) satisfies Schema<PullAccount>;

export const SharedRegistryPropsSchema = strict({
  repositories: list(str()),
  pullAccounts: dict(PullAccountSchema),
  pushRoleNames: opt(list(str())),
  kmsKeyArn: opt(arn()),
  keepImages: opt(int()),
}) satisfies Schema<SharedRegistryProps>;
