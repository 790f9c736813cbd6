/**
 * Provider classes only stacks/ instantiates: the AWS provider itself and the
 * organization resources. They live apart from core/aws.ts because its
 * re-exports load eagerly and `require('tenantform/constructs')` would pay
 * for them (the provider block's bindings alone are half a megabyte).
 * Constructs that take a provider as a prop use the type-only `AwsProvider`
 * from core/aws.ts; lint forbids them this file.
 *
 * A move of the provider package changes this file, core/aws.ts and
 * core/aws-examples.ts.
 */
export { OrganizationsAccount } from '@cdktf/provider-aws/lib/organizations-account';
export { OrganizationsOrganization } from '@cdktf/provider-aws/lib/organizations-organization';
export { OrganizationsOrganizationalUnit } from '@cdktf/provider-aws/lib/organizations-organizational-unit';
export { OrganizationsPolicy } from '@cdktf/provider-aws/lib/organizations-policy';
export { OrganizationsPolicyAttachment } from '@cdktf/provider-aws/lib/organizations-policy-attachment';
export { AwsProvider, awsProviderEndpointsToTerraform } from '@cdktf/provider-aws/lib/provider';
