import { AuroraPostgresCluster, DeliveryPipeline, PlatformKeys, SharedVpc } from 'tenantform/constructs';
import { App, TenantformStack } from 'tenantform/stacks';
import { BUILD_ROLE_NAME, DataPlatformConfig, DEPLOY_ROLE_NAME, PIPELINE_NAME } from './config';
import { DEPLOYMENT_ACCOUNT, tooling } from './environments';

/**
 * The tooling account: CodePipeline with CodeBuild in the VPC's private
 * subnets, CodeArtifact for third-party packages, a quality gate, image
 * builds into scanned ECR repositories, integration tests against an
 * Aurora Serverless database only the builds reach, and cross-account
 * deploys into the deployment account.
 */
export class ToolingStack extends TenantformStack {
  public readonly pipeline: DeliveryPipeline;
  public readonly integrationDatabase: AuroraPostgresCluster;

  constructor(scope: App, config: DataPlatformConfig) {
    super(scope, 'tooling-cicd', { environment: tooling });
    const network = new SharedVpc(this, 'network', { cidrBlock: '10.30.0.0/16', azCount: 2 });
    const privateSubnets = network.subnets.private.map((s) => s.id);
    const keys = new PlatformKeys(this, 'keys');

    this.pipeline = new DeliveryPipeline(this, 'pipeline', {
      name: PIPELINE_NAME,
      vpcId: network.vpc.id,
      subnetIds: privateSubnets,
      source: config.source,
      logsKmsKeyArn: keys.logs.arn,
      deployTargets: [{ environment: 'deployment', roleArn: `arn:aws:iam::${DEPLOYMENT_ACCOUNT}:role/${DEPLOY_ROLE_NAME}` }],
      imageRepositories: ['backend', 'frontend'],
      privilegedBuildReason: 'docker build of the Amazon Linux based platform images needs the Docker daemon',
      packageUpstreams: ['pypi', 'npmjs'],
    });
    if (this.pipeline.buildRoleName !== BUILD_ROLE_NAME) throw new Error(`the deployment account trusts ${BUILD_ROLE_NAME}, but the pipeline builds as ${this.pipeline.buildRoleName}`);

    // Integration tests run against this database; only the builds' security group reaches it.
    this.integrationDatabase = new AuroraPostgresCluster(this, 'integration-db', {
      name: 'integration',
      vpcId: network.vpc.id,
      subnetIds: network.subnets.isolated.map((s) => s.id),
      allowedSecurityGroups: { codebuild: this.pipeline.securityGroup.id },
      minCapacityAcu: 0.5,
      maxCapacityAcu: 2,
    });
    this.pipeline.allowEgressTo('integration-db', this.integrationDatabase.securityGroupId, this.integrationDatabase.port);
  }
}
