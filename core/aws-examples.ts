/**
 * Provider classes that only examples and tests use, kept out of core/aws.ts
 * because its re-exports load eagerly: every class there is paid for by
 * `require('tenantform/constructs')`. Lint forbids library code (core/,
 * constructs/, stacks/, compliance/, bin/) from importing this file; a class
 * the library starts to use moves to core/aws.ts.
 *
 * A move of the provider package changes this file and core/aws.ts.
 */
export { AmiLaunchPermission } from '@cdktf/provider-aws/lib/ami-launch-permission';
export { AutoscalingGroup } from '@cdktf/provider-aws/lib/autoscaling-group';
export { DataAwsIamPolicyDocument } from '@cdktf/provider-aws/lib/data-aws-iam-policy-document';
export { KmsGrant } from '@cdktf/provider-aws/lib/kms-grant';
export { LaunchTemplate } from '@cdktf/provider-aws/lib/launch-template';
export { S3BucketReplicationConfigurationA } from '@cdktf/provider-aws/lib/s3-bucket-replication-configuration';
