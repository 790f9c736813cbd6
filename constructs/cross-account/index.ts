export { CrossAccountRole, CrossAccountRoleProps } from './cross-account-role';
export { ExternalIdSecret, ExternalIdSecretProps } from './external-id-secret';
