export { IdentityCenterAccess, IdentityCenterAccessProps, PermissionSetSpec, AccountAssignmentSpec } from './identity-center-access';
