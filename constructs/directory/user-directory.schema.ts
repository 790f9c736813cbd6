import { bool, byKey, int, list, literal, oneOf, opt, ref, Schema, str, strict } from '../../core/validation';
import type { DirectoryGroup, DirectoryPasswordPolicy, FederatedIdentityProvider, UserDirectoryProps } from './user-directory';

export const FederatedIdentityProviderSchema = byKey('kind', [
  strict({ kind: literal('SAML'), name: str(), metadataUrl: str() }),
  strict({ kind: literal('OIDC'), name: str(), issuer: str(), clientId: ref(), clientSecret: ref() }),
]) satisfies Schema<FederatedIdentityProvider>;

export const DirectoryPasswordPolicySchema = strict({ minimumLength: opt(int()), temporaryPasswordValidityDays: opt(int()), passwordHistorySize: opt(int()) }) satisfies Schema<DirectoryPasswordPolicy>;

export const DirectoryGroupSchema = strict({ name: str(), description: opt(str()), admin: opt(bool()) }) satisfies Schema<DirectoryGroup>;

export const UserDirectoryPropsSchema = strict({
  directoryName: str(),
  domainPrefix: str(),
  callbackUrls: list(str()),
  logoutUrls: opt(list(str())),
  federation: opt(FederatedIdentityProviderSchema),
  passwordPolicy: opt(DirectoryPasswordPolicySchema),
  mfa: opt(oneOf(['required', 'optional'] as const)),
  groups: opt(list(DirectoryGroupSchema)),
}) satisfies Schema<UserDirectoryProps>;
