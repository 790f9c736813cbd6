/**
 * The one place tenantform names the AWS provider bindings, with its two
 * siblings: core/aws-stacks.ts (what only stacks/ instantiates) and
 * core/aws-examples.ts (what only examples and tests use).
 *
 * The provider package is tied to its runtime: `@cdktf/provider-aws` 20.x binds
 * cdktf 0.21 and hashicorp/aws 5.x, while the CDK Terrain fork publishes
 * `@cdktn/provider-aws` against hashicorp/aws 6.x. Every other module imports
 * provider classes from these files, so changing the provider package is a
 * change to their module names (plus the v6 attribute changes the README's
 * "CDK Terrain" section lists). Lint forbids provider imports elsewhere.
 *
 * Only deep `lib/<resource>` paths: the package root loads every resource the
 * provider has (seconds and hundreds of MB per process). Each line below is a
 * require() at load time that `require('tenantform/constructs')` pays for, so
 * a class belongs here only when constructs/ or core/ creates it at runtime.
 */
export { AccessanalyzerAnalyzer } from '@cdktf/provider-aws/lib/accessanalyzer-analyzer';
export { AcmCertificate } from '@cdktf/provider-aws/lib/acm-certificate';
export { AcmCertificateValidation } from '@cdktf/provider-aws/lib/acm-certificate-validation';
export { ApiGatewayAccount } from '@cdktf/provider-aws/lib/api-gateway-account';
export { ApiGatewayApiKey } from '@cdktf/provider-aws/lib/api-gateway-api-key';
export { ApiGatewayAuthorizer } from '@cdktf/provider-aws/lib/api-gateway-authorizer';
export { ApiGatewayBasePathMapping } from '@cdktf/provider-aws/lib/api-gateway-base-path-mapping';
export { ApiGatewayDeployment } from '@cdktf/provider-aws/lib/api-gateway-deployment';
export { ApiGatewayDomainName } from '@cdktf/provider-aws/lib/api-gateway-domain-name';
export { ApiGatewayIntegration } from '@cdktf/provider-aws/lib/api-gateway-integration';
export { ApiGatewayMethod } from '@cdktf/provider-aws/lib/api-gateway-method';
export { ApiGatewayMethodSettings } from '@cdktf/provider-aws/lib/api-gateway-method-settings';
export { ApiGatewayRequestValidator } from '@cdktf/provider-aws/lib/api-gateway-request-validator';
export { ApiGatewayResource } from '@cdktf/provider-aws/lib/api-gateway-resource';
export { ApiGatewayRestApi } from '@cdktf/provider-aws/lib/api-gateway-rest-api';
export { ApiGatewayRestApiPolicy } from '@cdktf/provider-aws/lib/api-gateway-rest-api-policy';
export { ApiGatewayStage } from '@cdktf/provider-aws/lib/api-gateway-stage';
export { ApiGatewayUsagePlan } from '@cdktf/provider-aws/lib/api-gateway-usage-plan';
export { ApiGatewayUsagePlanKey } from '@cdktf/provider-aws/lib/api-gateway-usage-plan-key';
export { ApiGatewayVpcLink } from '@cdktf/provider-aws/lib/api-gateway-vpc-link';
export { AppautoscalingPolicy } from '@cdktf/provider-aws/lib/appautoscaling-policy';
export { AppautoscalingTarget } from '@cdktf/provider-aws/lib/appautoscaling-target';
export { BackupPlan } from '@cdktf/provider-aws/lib/backup-plan';
export { BackupSelection } from '@cdktf/provider-aws/lib/backup-selection';
export { BackupVault } from '@cdktf/provider-aws/lib/backup-vault';
export { CloudfrontDistribution } from '@cdktf/provider-aws/lib/cloudfront-distribution';
export { CloudfrontOriginAccessControl } from '@cdktf/provider-aws/lib/cloudfront-origin-access-control';
export { Cloudtrail } from '@cdktf/provider-aws/lib/cloudtrail';
export { CloudwatchLogGroup } from '@cdktf/provider-aws/lib/cloudwatch-log-group';
export { CloudwatchLogResourcePolicy } from '@cdktf/provider-aws/lib/cloudwatch-log-resource-policy';
export { CloudwatchMetricAlarm } from '@cdktf/provider-aws/lib/cloudwatch-metric-alarm';
export { CodeartifactDomain } from '@cdktf/provider-aws/lib/codeartifact-domain';
export { CodeartifactRepository } from '@cdktf/provider-aws/lib/codeartifact-repository';
export { CodebuildProject } from '@cdktf/provider-aws/lib/codebuild-project';
export { Codepipeline } from '@cdktf/provider-aws/lib/codepipeline';
export { CognitoIdentityProvider } from '@cdktf/provider-aws/lib/cognito-identity-provider';
export { CognitoUserGroup } from '@cdktf/provider-aws/lib/cognito-user-group';
export { CognitoUserPool } from '@cdktf/provider-aws/lib/cognito-user-pool';
export { CognitoUserPoolClient } from '@cdktf/provider-aws/lib/cognito-user-pool-client';
export { CognitoUserPoolDomain } from '@cdktf/provider-aws/lib/cognito-user-pool-domain';
export { ConfigConfigurationRecorder } from '@cdktf/provider-aws/lib/config-configuration-recorder';
export { ConfigConfigurationRecorderStatus } from '@cdktf/provider-aws/lib/config-configuration-recorder-status';
export { ConfigDeliveryChannel } from '@cdktf/provider-aws/lib/config-delivery-channel';
export { DataAwsSsmParameter } from '@cdktf/provider-aws/lib/data-aws-ssm-parameter';
export { DataAwsSubnet } from '@cdktf/provider-aws/lib/data-aws-subnet';
export { DbInstance } from '@cdktf/provider-aws/lib/db-instance';
export { DbSubnetGroup } from '@cdktf/provider-aws/lib/db-subnet-group';
export { DefaultNetworkAcl } from '@cdktf/provider-aws/lib/default-network-acl';
export { DefaultSecurityGroup } from '@cdktf/provider-aws/lib/default-security-group';
export { EbsDefaultKmsKey } from '@cdktf/provider-aws/lib/ebs-default-kms-key';
export { EbsEncryptionByDefault } from '@cdktf/provider-aws/lib/ebs-encryption-by-default';
export { EbsVolume } from '@cdktf/provider-aws/lib/ebs-volume';
export { EcrLifecyclePolicy } from '@cdktf/provider-aws/lib/ecr-lifecycle-policy';
export { EcrRepository } from '@cdktf/provider-aws/lib/ecr-repository';
export { EcsCluster } from '@cdktf/provider-aws/lib/ecs-cluster';
export { EcsService } from '@cdktf/provider-aws/lib/ecs-service';
export { EcsTaskDefinition } from '@cdktf/provider-aws/lib/ecs-task-definition';
export { Eip } from '@cdktf/provider-aws/lib/eip';
export { FlowLog } from '@cdktf/provider-aws/lib/flow-log';
export { GuarddutyDetector } from '@cdktf/provider-aws/lib/guardduty-detector';
export { GuarddutyDetectorFeature } from '@cdktf/provider-aws/lib/guardduty-detector-feature';
export { IamAccountPasswordPolicy } from '@cdktf/provider-aws/lib/iam-account-password-policy';
export { IamGroup } from '@cdktf/provider-aws/lib/iam-group';
export { IamGroupPolicy } from '@cdktf/provider-aws/lib/iam-group-policy';
export { IamGroupPolicyAttachment } from '@cdktf/provider-aws/lib/iam-group-policy-attachment';
export { IamInstanceProfile } from '@cdktf/provider-aws/lib/iam-instance-profile';
export { IamOpenidConnectProvider } from '@cdktf/provider-aws/lib/iam-openid-connect-provider';
export { IamPolicy } from '@cdktf/provider-aws/lib/iam-policy';
export { IamRole } from '@cdktf/provider-aws/lib/iam-role';
export { IamRolePolicy } from '@cdktf/provider-aws/lib/iam-role-policy';
export { IamRolePolicyAttachment } from '@cdktf/provider-aws/lib/iam-role-policy-attachment';
export { IamUser } from '@cdktf/provider-aws/lib/iam-user';
export { IamUserGroupMembership } from '@cdktf/provider-aws/lib/iam-user-group-membership';
export { IamUserLoginProfile } from '@cdktf/provider-aws/lib/iam-user-login-profile';
export { Instance } from '@cdktf/provider-aws/lib/instance';
export { InternetGateway } from '@cdktf/provider-aws/lib/internet-gateway';
export { KmsAlias } from '@cdktf/provider-aws/lib/kms-alias';
export { KmsKey } from '@cdktf/provider-aws/lib/kms-key';
export { LakeformationPermissions } from '@cdktf/provider-aws/lib/lakeformation-permissions';
export { LambdaEventSourceMapping } from '@cdktf/provider-aws/lib/lambda-event-source-mapping';
export { LambdaFunction } from '@cdktf/provider-aws/lib/lambda-function';
export { LambdaPermission } from '@cdktf/provider-aws/lib/lambda-permission';
export { Lb } from '@cdktf/provider-aws/lib/lb';
export { LbListener } from '@cdktf/provider-aws/lib/lb-listener';
export { LbListenerRule } from '@cdktf/provider-aws/lib/lb-listener-rule';
export { LbTargetGroup } from '@cdktf/provider-aws/lib/lb-target-group';
export { LbTargetGroupAttachment } from '@cdktf/provider-aws/lib/lb-target-group-attachment';
export { NatGateway } from '@cdktf/provider-aws/lib/nat-gateway';
export { NetworkAcl } from '@cdktf/provider-aws/lib/network-acl';
export type { NetworkAclEgress, NetworkAclIngress } from '@cdktf/provider-aws/lib/network-acl';
// Type only: constructs take a provider as a prop; stacks create it (core/aws-stacks.ts).
export type { AwsProvider } from '@cdktf/provider-aws/lib/provider';
export { OpensearchDomain } from '@cdktf/provider-aws/lib/opensearch-domain';
export { RdsCluster } from '@cdktf/provider-aws/lib/rds-cluster';
export { RdsClusterInstance } from '@cdktf/provider-aws/lib/rds-cluster-instance';
export { Route } from '@cdktf/provider-aws/lib/route';
export { RouteTable } from '@cdktf/provider-aws/lib/route-table';
export { RouteTableAssociation } from '@cdktf/provider-aws/lib/route-table-association';
export { Route53Record } from '@cdktf/provider-aws/lib/route53-record';
export { Route53Zone } from '@cdktf/provider-aws/lib/route53-zone';
export { S3AccountPublicAccessBlock } from '@cdktf/provider-aws/lib/s3-account-public-access-block';
export { S3Bucket } from '@cdktf/provider-aws/lib/s3-bucket';
export { S3BucketLifecycleConfiguration } from '@cdktf/provider-aws/lib/s3-bucket-lifecycle-configuration';
export { S3BucketObjectLockConfigurationA } from '@cdktf/provider-aws/lib/s3-bucket-object-lock-configuration';
export { S3BucketOwnershipControls } from '@cdktf/provider-aws/lib/s3-bucket-ownership-controls';
export { S3BucketPolicy } from '@cdktf/provider-aws/lib/s3-bucket-policy';
export { S3BucketPublicAccessBlock } from '@cdktf/provider-aws/lib/s3-bucket-public-access-block';
export { S3BucketServerSideEncryptionConfigurationA } from '@cdktf/provider-aws/lib/s3-bucket-server-side-encryption-configuration';
export { S3BucketVersioningA } from '@cdktf/provider-aws/lib/s3-bucket-versioning';
export { SecretsmanagerSecret } from '@cdktf/provider-aws/lib/secretsmanager-secret';
export { SecretsmanagerSecretVersion } from '@cdktf/provider-aws/lib/secretsmanager-secret-version';
export { SecurityGroup } from '@cdktf/provider-aws/lib/security-group';
export { SnsTopic } from '@cdktf/provider-aws/lib/sns-topic';
export { SnsTopicPolicy } from '@cdktf/provider-aws/lib/sns-topic-policy';
export { SnsTopicSubscription } from '@cdktf/provider-aws/lib/sns-topic-subscription';
export { SqsQueue } from '@cdktf/provider-aws/lib/sqs-queue';
export { SqsQueuePolicy } from '@cdktf/provider-aws/lib/sqs-queue-policy';
export { SsmDocument } from '@cdktf/provider-aws/lib/ssm-document';
export { SsmParameter } from '@cdktf/provider-aws/lib/ssm-parameter';
export { Subnet } from '@cdktf/provider-aws/lib/subnet';
export { VolumeAttachment } from '@cdktf/provider-aws/lib/volume-attachment';
export { Vpc } from '@cdktf/provider-aws/lib/vpc';
export { VpcEndpoint } from '@cdktf/provider-aws/lib/vpc-endpoint';
export { VpcSecurityGroupEgressRule } from '@cdktf/provider-aws/lib/vpc-security-group-egress-rule';
export { VpcSecurityGroupIngressRule } from '@cdktf/provider-aws/lib/vpc-security-group-ingress-rule';
export { Wafv2WebAcl } from '@cdktf/provider-aws/lib/wafv2-web-acl';
export type { Wafv2WebAclRule } from '@cdktf/provider-aws/lib/wafv2-web-acl';
export { Wafv2WebAclAssociation } from '@cdktf/provider-aws/lib/wafv2-web-acl-association';
// Issue 15 (web platform on EKS): database options, EKS, registry, Identity Center, security services, cost.
export { BcmdataexportsExport } from '@cdktf/provider-aws/lib/bcmdataexports-export';
export { BudgetsBudget } from '@cdktf/provider-aws/lib/budgets-budget';
export { CeCostAllocationTag } from '@cdktf/provider-aws/lib/ce-cost-allocation-tag';
export { DataAwsEc2ManagedPrefixList } from '@cdktf/provider-aws/lib/data-aws-ec2-managed-prefix-list';
export { DbParameterGroup } from '@cdktf/provider-aws/lib/db-parameter-group';
export { EcrRepositoryPolicy } from '@cdktf/provider-aws/lib/ecr-repository-policy';
export { EksAccessEntry } from '@cdktf/provider-aws/lib/eks-access-entry';
export { EksAccessPolicyAssociation } from '@cdktf/provider-aws/lib/eks-access-policy-association';
export { EksAddon } from '@cdktf/provider-aws/lib/eks-addon';
export { EksCluster } from '@cdktf/provider-aws/lib/eks-cluster';
export { EksNodeGroup } from '@cdktf/provider-aws/lib/eks-node-group';
export { EksPodIdentityAssociation } from '@cdktf/provider-aws/lib/eks-pod-identity-association';
export { Inspector2Enabler } from '@cdktf/provider-aws/lib/inspector2-enabler';
export { LaunchTemplate } from '@cdktf/provider-aws/lib/launch-template';
export { RdsClusterParameterGroup } from '@cdktf/provider-aws/lib/rds-cluster-parameter-group';
export { SecretsmanagerSecretRotation } from '@cdktf/provider-aws/lib/secretsmanager-secret-rotation';
export { SecurityhubAccount } from '@cdktf/provider-aws/lib/securityhub-account';
export { SecurityhubStandardsSubscription } from '@cdktf/provider-aws/lib/securityhub-standards-subscription';
export { SsoadminAccountAssignment } from '@cdktf/provider-aws/lib/ssoadmin-account-assignment';
export { SsoadminManagedPolicyAttachment } from '@cdktf/provider-aws/lib/ssoadmin-managed-policy-attachment';
export { SsoadminPermissionSet } from '@cdktf/provider-aws/lib/ssoadmin-permission-set';
export { SsoadminPermissionSetInlinePolicy } from '@cdktf/provider-aws/lib/ssoadmin-permission-set-inline-policy';
// The organization's tag policy, written by CostControls in the management account.
export { OrganizationsPolicy } from '@cdktf/provider-aws/lib/organizations-policy';
export { OrganizationsPolicyAttachment } from '@cdktf/provider-aws/lib/organizations-policy-attachment';
