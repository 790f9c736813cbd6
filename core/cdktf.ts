/**
 * The one place tenantform imports the CDK for Terraform runtime.
 *
 * cdktf is final upstream and a community fork (cdktn) carries it on. Every
 * other module imports from here, so moving to the fork means changing the two
 * module names below and nothing else.
 */
export {
  App,
  DataTerraformRemoteStateS3,
  Annotations,
  Aspects,
  Fn,
  IAspect,
  LocalBackend,
  S3Backend,
  TerraformElement,
  TerraformIterator,
  TerraformOutput,
  TerraformResource,
  TerraformStack,
  Testing,
  Token,
} from 'cdktf';
export { Construct, IConstruct, Node } from 'constructs';
