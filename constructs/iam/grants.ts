import { IamRolePolicy } from '../../core/aws';
import { IConstruct } from '../../core/cdktf';
import { describeConstruct, TenantformError } from '../../core/errors';
import { assertNoWildcardActions, PolicyConditions, policyJson, PolicyStatement } from './policy';

/**
 * Least-privilege grants in the style of AWS CDK's `grant*` methods.
 *
 * The helper for each kind of resource decides which actions a use needs and
 * which ARNs they apply to; callers only say "this role may read that bucket".
 * Each grant is its own inline role policy named after the grant, so adding or
 * removing one grant never rewrites another. Inline role policies share a
 * 10,240-character quota per role, which comfortably fits dozens of grants.
 */

/** A role that can receive grants: an `IamRole` or anything with a name in the construct tree. */
export type Grantee = IConstruct & { readonly name: string };

/** A resource that can be granted on: anything with an ARN (most provider resources). */
export interface GrantTarget {
  /** The resource ARN; a token is fine. Never `*`. */
  readonly arn: string;
  /** Present on provider resources; its ID names the grant when no `id` is given. */
  readonly node?: { readonly id: string };
}

/** What a caller of the low-level {@link grant} writes: explicit actions on explicit ARNs. */
export interface GrantStatement {
  /** Actions, e.g. `['s3:GetObject']`. Never `*` or `service:*`. */
  readonly actions: readonly string[];
  /** Resource ARNs. Never the bare `*`. */
  readonly resources: readonly string[];
  /**
   * Conditions narrowing the grant further.
   * @default - none
   */
  readonly conditions?: PolicyConditions;
}

export interface GrantOptions {
  /**
   * Stable name of the grant; it becomes the policy name `grant-<id>` and part
   * of the Terraform address, so changing it replaces the policy.
   * @default - derived from the helper and the resource's construct ID
   */
  readonly id?: string;
}

/** The result of a grant: the inline policy that carries it. */
export interface Grant {
  readonly policy: IamRolePolicy;
  readonly statements: readonly PolicyStatement[];
}

/**
 * A few read actions that AWS only authorizes on `*` (they name no resource).
 * Helpers may use them; callers of {@link grant} may not.
 */
const UNSCOPABLE_READ_ACTIONS: ReadonlySet<string> = new Set([
  'ecr:GetAuthorizationToken',
  // Lambda checks these when it attaches a function to a VPC; EC2 authorizes Describe calls only on "*".
  'ec2:DescribeNetworkInterfaces',
  'ec2:DescribeSubnets',
  // X-Ray trace segments belong to no resource.
  'xray:PutTraceSegments',
  'xray:PutTelemetryRecords',
  // Controllers that discover infrastructure (Karpenter, the AWS Load Balancer Controller): EC2, ELB, ACM,
  // IAM server-certificate, pricing and WAF/Shield lookups that the service authorizes only on "*".
  'ec2:DescribeAccountAttributes',
  'ec2:DescribeAddresses',
  'ec2:DescribeAvailabilityZones',
  'ec2:DescribeCoipPools',
  'ec2:DescribeImages',
  'ec2:DescribeInstances',
  'ec2:DescribeInstanceTypeOfferings',
  'ec2:DescribeInstanceTypes',
  'ec2:DescribeInternetGateways',
  'ec2:DescribeLaunchTemplates',
  'ec2:DescribeRouteTables',
  'ec2:DescribeSecurityGroups',
  'ec2:DescribeSpotPriceHistory',
  'ec2:DescribeTags',
  'ec2:DescribeVpcs',
  'ec2:GetCoipPoolUsage',
  'elasticloadbalancing:DescribeListenerAttributes',
  'elasticloadbalancing:DescribeListenerCertificates',
  'elasticloadbalancing:DescribeListeners',
  'elasticloadbalancing:DescribeLoadBalancerAttributes',
  'elasticloadbalancing:DescribeLoadBalancers',
  'elasticloadbalancing:DescribeRules',
  'elasticloadbalancing:DescribeSSLPolicies',
  'elasticloadbalancing:DescribeTags',
  'elasticloadbalancing:DescribeTargetGroupAttributes',
  'elasticloadbalancing:DescribeTargetGroups',
  'elasticloadbalancing:DescribeTargetHealth',
  'elasticloadbalancing:DescribeTrustStores',
  'acm:DescribeCertificate',
  'acm:ListCertificates',
  'iam:GetServerCertificate',
  'iam:ListServerCertificates',
  'pricing:GetProducts',
  'shield:GetSubscriptionState',
  'wafv2:GetWebACLForResource',
  'cognito-idp:DescribeUserPoolClient',
  // CodeBuild in a VPC looks up the VPC's DHCP options, groups and VPCs; CodeArtifact logins ask STS for a bearer token.
  'ec2:DescribeDhcpOptions',
  'sts:GetServiceBearerToken',
]);

/**
 * Read actions that AWS authorizes only on `"*"` (they name no resource), for
 * controllers that discover what they manage. Only actions on the curated
 * list above are accepted: anything else, a write above all, is refused with
 * TF-IAM-002, so this cannot become a way around scoped grants.
 */
export function grantUnscopableRead(grantee: Grantee, id: string, actions: readonly string[]): Grant {
  const where = describeConstruct('grant', grantee.node);
  const outside = actions.filter((a) => !UNSCOPABLE_READ_ACTIONS.has(a));
  if (actions.length === 0 || outside.length > 0) {
    throw new TenantformError({
      code: 'TF-IAM-002',
      where,
      problem: 'only read actions that AWS authorizes on "*" alone may be granted on every resource.',
      value: actions.length === 0 ? actions : outside,
      fix: 'grant the other actions on the ARNs they act on with grant(), or a helper for that resource type.',
    });
  }
  const statements: GrantStatement[] = [{ actions: [...actions], resources: ['*'] }];
  validateStatements(statements, where, true);
  return attach(grantee, id, statements, where);
}

const GRANT_ID = /^[A-Za-z0-9+=,.@_-]{1,100}$/;

/**
 * Grants explicit actions on explicit ARNs. The building block for resource
 * authors; prefer the typed helpers below. Rejects `*` actions and resources
 * with a coded error.
 */
export function grant(grantee: Grantee, id: string, statements: readonly GrantStatement[]): Grant {
  const where = describeConstruct('grant', grantee.node);
  validateStatements(statements, where, false);
  return attach(grantee, id, statements, where);
}

function validateStatements(statements: readonly GrantStatement[], where: string, trusted: boolean): void {
  if (statements.length === 0) {
    throw new TenantformError({ code: 'TF-IAM-003', where, problem: 'a grant needs at least one statement.', value: statements, fix: 'pass the actions and ARNs to grant.' });
  }
  for (const s of statements) {
    if (s.actions.length === 0 || s.resources.length === 0) {
      throw new TenantformError({ code: 'TF-IAM-003', where, problem: 'each grant statement needs at least one action and one resource.', value: s, fix: 'name the actions and the ARNs they apply to.' });
    }
    assertNoWildcardActions([{ Effect: 'Allow', Action: s.actions }], where);
    for (const action of s.actions) {
      if (action.includes('*') && !/^[a-z0-9-]+:[A-Za-z]+\*$/.test(action)) {
        throw new TenantformError({ code: 'TF-IAM-001', where, problem: 'a grant action may only end in a wildcard after a verb prefix (e.g. "kms:GenerateDataKey*").', value: action, fix: 'name the action exactly.' });
      }
    }
    for (const resource of s.resources) {
      const allowedStar = trusted && s.actions.every((a) => UNSCOPABLE_READ_ACTIONS.has(a));
      if (resource.trim() === '*' && !allowedStar) {
        throw new TenantformError({
          code: 'TF-IAM-002',
          where,
          problem: 'a grant may not apply to every resource ("*").',
          value: { actions: s.actions, resource },
          fix: 'pass the ARN of the resource (e.g. bucket.arn), or use the grant helper for that resource type.',
        });
      }
    }
  }
}

function attach(grantee: Grantee, id: string, statements: readonly GrantStatement[], where: string): Grant {
  if (!GRANT_ID.test(id)) {
    throw new TenantformError({ code: 'TF-IAM-005', where, problem: 'grant ID must be 1-100 characters of letters, digits and +=,.@_-.', value: id, fix: 'use a short stable name such as "read-config-bucket".' });
  }
  const constructId = `grant-${id}`;
  if (grantee.node.tryFindChild(constructId)) {
    throw new TenantformError({ code: 'TF-IAM-004', where, problem: 'this role already has a grant with that ID.', value: id, fix: 'pass a distinct `id` option for the second grant.' });
  }
  const policyStatements: PolicyStatement[] = statements.map((s) => ({
    Effect: 'Allow',
    Action: [...s.actions],
    Resource: [...s.resources],
    ...(s.conditions ? { Condition: s.conditions } : {}),
  }));
  // The policy lives under the role in the construct tree, so it always lands in the role's stack.
  const policy = new IamRolePolicy(grantee, constructId, {
    name: constructId,
    role: grantee.name,
    policy: policyJson(policyStatements),
  });
  return { policy, statements: policyStatements };
}

function helperGrant(grantee: Grantee, verb: string, target: GrantTarget, options: GrantOptions, statements: readonly GrantStatement[]): Grant {
  const where = describeConstruct('grant', grantee.node);
  if (typeof target.arn !== 'string' || target.arn.trim() === '*' || target.arn.trim() === '') {
    throw new TenantformError({ code: 'TF-IAM-002', where, problem: `${verb} needs the ARN of one resource, not a wildcard.`, value: target.arn, fix: 'pass the resource itself (e.g. key, bucket) or its ARN.' });
  }
  const id = options.id ?? (target.node ? `${verb}-${target.node.id}` : undefined);
  if (id === undefined) {
    throw new TenantformError({ code: 'TF-IAM-005', where, problem: 'a grant on a bare ARN needs a stable `id`.', value: target.arn, fix: 'pass { id: "..." } as the last argument.' });
  }
  validateStatements(statements, where, true);
  return attach(grantee, id, statements, where);
}

/** Use of a KMS key to decrypt (reading encrypted data). */
export function grantKeyDecrypt(key: GrantTarget, grantee: Grantee, options: GrantOptions = {}): Grant {
  return helperGrant(grantee, 'kms-decrypt', key, options, [{ actions: ['kms:Decrypt', 'kms:DescribeKey'], resources: [key.arn] }]);
}

/** Use of a KMS key to encrypt and decrypt (reading and writing encrypted data). */
export function grantKeyEncryptDecrypt(key: GrantTarget, grantee: Grantee, options: GrantOptions = {}): Grant {
  return helperGrant(grantee, 'kms-use', key, options, [
    { actions: ['kms:Encrypt', 'kms:Decrypt', 'kms:ReEncrypt*', 'kms:GenerateDataKey*', 'kms:DescribeKey'], resources: [key.arn] },
  ]);
}

/**
 * Use of a KMS key by EC2 on the role's behalf (attaching encrypted EBS
 * volumes): EC2 needs a grant, and only for AWS resources.
 */
export function grantKeyForEbs(key: GrantTarget, grantee: Grantee, options: GrantOptions = {}): Grant {
  return helperGrant(grantee, 'kms-ebs', key, options, [
    { actions: ['kms:Decrypt', 'kms:GenerateDataKeyWithoutPlaintext', 'kms:ReEncrypt*', 'kms:DescribeKey'], resources: [key.arn] },
    { actions: ['kms:CreateGrant'], resources: [key.arn], conditions: { Bool: { 'kms:GrantIsForAWSResource': 'true' } } },
  ]);
}

export interface BucketGrantOptions extends GrantOptions {
  /**
   * Only objects under this key prefix (no leading slash), e.g. `tenants/acme/`.
   * @default - the whole bucket
   */
  readonly keyPrefix?: string;
}

function bucketStatements(grantee: Grantee, bucket: GrantTarget, options: BucketGrantOptions, objectActions: readonly string[]): GrantStatement[] {
  const prefix = options.keyPrefix ?? '';
  if (prefix.includes('*') || prefix.startsWith('/')) {
    throw new TenantformError({ code: 'TF-IAM-006', where: describeConstruct('grant', grantee.node), problem: 'key prefix must be a literal path without wildcards or a leading slash.', value: prefix, fix: 'pass a prefix such as "tenants/acme/".' });
  }
  return [
    { actions: ['s3:ListBucket'], resources: [bucket.arn], ...(prefix ? { conditions: { StringLike: { 's3:prefix': [`${prefix}*`] } } } : {}) },
    { actions: objectActions, resources: [`${bucket.arn}/${prefix}*`] },
  ];
}

/** Read objects of an S3 bucket (optionally one prefix). */
export function grantBucketRead(bucket: GrantTarget, grantee: Grantee, options: BucketGrantOptions = {}): Grant {
  return helperGrant(grantee, 's3-read', bucket, options, bucketStatements(grantee, bucket, options, ['s3:GetObject', 's3:GetObjectVersion']));
}

/** Read and write objects of an S3 bucket (optionally one prefix). */
export function grantBucketReadWrite(bucket: GrantTarget, grantee: Grantee, options: BucketGrantOptions = {}): Grant {
  return helperGrant(grantee, 's3-readwrite', bucket, options, bucketStatements(grantee, bucket, options, ['s3:GetObject', 's3:GetObjectVersion', 's3:PutObject', 's3:DeleteObject']));
}

/** Write log events into one CloudWatch Logs group (the `arn` attribute, without `:*`). */
export function grantLogGroupWrite(logGroup: GrantTarget, grantee: Grantee, options: GrantOptions = {}): Grant {
  return helperGrant(grantee, 'logs-write', logGroup, options, [
    { actions: ['logs:DescribeLogStreams'], resources: [`${logGroup.arn}:*`] },
    { actions: ['logs:CreateLogStream', 'logs:PutLogEvents'], resources: [`${logGroup.arn}:log-stream:*`] },
  ]);
}

/** Pull images from one ECR repository. */
export function grantImagePull(repository: GrantTarget, grantee: Grantee, options: GrantOptions = {}): Grant {
  return helperGrant(grantee, 'ecr-pull', repository, options, [
    { actions: ['ecr:BatchGetImage', 'ecr:GetDownloadUrlForLayer', 'ecr:BatchCheckLayerAvailability'], resources: [repository.arn] },
    // The registry login token names no repository; AWS only authorizes it on "*".
    { actions: ['ecr:GetAuthorizationToken'], resources: ['*'] },
  ]);
}

/** Read one Secrets Manager secret's value. */
export function grantSecretRead(secret: GrantTarget, grantee: Grantee, options: GrantOptions = {}): Grant {
  return helperGrant(grantee, 'secret-read', secret, options, [{ actions: ['secretsmanager:GetSecretValue', 'secretsmanager:DescribeSecret'], resources: [secret.arn] }]);
}

/** Read one SSM parameter. */
export function grantParameterRead(parameter: GrantTarget, grantee: Grantee, options: GrantOptions = {}): Grant {
  return helperGrant(grantee, 'ssm-param-read', parameter, options, [{ actions: ['ssm:GetParameter', 'ssm:GetParameters'], resources: [parameter.arn] }]);
}

/** Send messages to one SQS queue. */
export function grantQueueSend(queue: GrantTarget, grantee: Grantee, options: GrantOptions = {}): Grant {
  return helperGrant(grantee, 'sqs-send', queue, options, [{ actions: ['sqs:SendMessage', 'sqs:GetQueueAttributes'], resources: [queue.arn] }]);
}

/** Receive and delete messages from one SQS queue. */
export function grantQueueConsume(queue: GrantTarget, grantee: Grantee, options: GrantOptions = {}): Grant {
  return helperGrant(grantee, 'sqs-consume', queue, options, [
    { actions: ['sqs:ReceiveMessage', 'sqs:DeleteMessage', 'sqs:ChangeMessageVisibility', 'sqs:GetQueueAttributes'], resources: [queue.arn] },
  ]);
}

/** Publish to one SNS topic. */
export function grantTopicPublish(topic: GrantTarget, grantee: Grantee, options: GrantOptions = {}): Grant {
  return helperGrant(grantee, 'sns-publish', topic, options, [{ actions: ['sns:Publish'], resources: [topic.arn] }]);
}

/** Send trace segments to X-Ray (a traced Lambda function or task). */
export function grantTracing(grantee: Grantee, options: GrantOptions = {}): Grant {
  const where = describeConstruct('grant', grantee.node);
  const statements: GrantStatement[] = [{ actions: ['xray:PutTraceSegments', 'xray:PutTelemetryRecords'], resources: ['*'] }];
  validateStatements(statements, where, true);
  return attach(grantee, options.id ?? 'xray-tracing', statements, where);
}

/**
 * What Lambda needs to attach a function to a VPC: create its network
 * interfaces only in the given subnets and security groups, and manage only
 * network interfaces of the account and Region.
 */
export function grantVpcNetworkInterfaces(grantee: Grantee, network: { readonly partition: string; readonly region: string; readonly accountId: string; readonly subnetIds: readonly string[]; readonly securityGroupIds: readonly string[] }, options: GrantOptions = {}): Grant {
  const where = describeConstruct('grant', grantee.node);
  const ec2 = `arn:${network.partition}:ec2:${network.region}:${network.accountId}`;
  const interfaces = `${ec2}:network-interface/*`;
  const statements: GrantStatement[] = [
    { actions: ['ec2:CreateNetworkInterface'], resources: [interfaces, ...network.subnetIds.map((id) => `${ec2}:subnet/${id}`), ...network.securityGroupIds.map((id) => `${ec2}:security-group/${id}`)] },
    { actions: ['ec2:DeleteNetworkInterface', 'ec2:AssignPrivateIpAddresses', 'ec2:UnassignPrivateIpAddresses'], resources: [interfaces] },
    { actions: ['ec2:DescribeNetworkInterfaces', 'ec2:DescribeSubnets'], resources: ['*'] },
  ];
  validateStatements(statements, where, true);
  return attach(grantee, options.id ?? 'ec2-vpc-interfaces', statements, where);
}

/** Push images into one ECR repository (and pull the layers a build reuses). */
export function grantImagePush(repository: GrantTarget, grantee: Grantee, options: GrantOptions = {}): Grant {
  return helperGrant(grantee, 'ecr-push', repository, options, [
    {
      actions: ['ecr:BatchCheckLayerAvailability', 'ecr:BatchGetImage', 'ecr:GetDownloadUrlForLayer', 'ecr:InitiateLayerUpload', 'ecr:UploadLayerPart', 'ecr:CompleteLayerUpload', 'ecr:PutImage'],
      resources: [repository.arn],
    },
    { actions: ['ecr:GetAuthorizationToken'], resources: ['*'] },
  ]);
}

/**
 * Read packages from one CodeArtifact repository: a login token for its
 * domain (STS issues the bearer token only for CodeArtifact), the repository
 * endpoint and the packages.
 */
export function grantPackageRead(repository: GrantTarget & { readonly domainArn: string }, grantee: Grantee, options: GrantOptions = {}): Grant {
  return helperGrant(grantee, 'codeartifact-read', repository, options, [
    { actions: ['codeartifact:GetAuthorizationToken'], resources: [repository.domainArn] },
    { actions: ['codeartifact:GetRepositoryEndpoint', 'codeartifact:ReadFromRepository'], resources: [repository.arn] },
    { actions: ['sts:GetServiceBearerToken'], resources: ['*'], conditions: { StringEquals: { 'sts:AWSServiceName': 'codeartifact.amazonaws.com' } } },
  ]);
}

/**
 * What CodeBuild needs to run a build in a VPC: network interfaces only in
 * the given subnets and groups, the interface permission only for CodeBuild
 * and those subnets, and the VPC lookups EC2 authorizes only on "*".
 */
export function grantBuildNetworkInterfaces(grantee: Grantee, network: { readonly partition: string; readonly region: string; readonly accountId: string; readonly subnetIds: readonly string[]; readonly securityGroupIds: readonly string[] }, options: GrantOptions = {}): Grant {
  const where = describeConstruct('grant', grantee.node);
  const ec2 = `arn:${network.partition}:ec2:${network.region}:${network.accountId}`;
  const interfaces = `${ec2}:network-interface/*`;
  const statements: GrantStatement[] = [
    { actions: ['ec2:CreateNetworkInterface'], resources: [interfaces, ...network.subnetIds.map((id) => `${ec2}:subnet/${id}`), ...network.securityGroupIds.map((id) => `${ec2}:security-group/${id}`)] },
    { actions: ['ec2:DeleteNetworkInterface'], resources: [interfaces] },
    {
      actions: ['ec2:CreateNetworkInterfacePermission'],
      resources: [interfaces],
      conditions: { StringEquals: { 'ec2:AuthorizedService': 'codebuild.amazonaws.com' }, ArnEquals: { 'ec2:Subnet': network.subnetIds.map((id) => `${ec2}:subnet/${id}`) } },
    },
    { actions: ['ec2:DescribeDhcpOptions', 'ec2:DescribeNetworkInterfaces', 'ec2:DescribeSecurityGroups', 'ec2:DescribeSubnets', 'ec2:DescribeVpcs'], resources: ['*'] },
  ];
  validateStatements(statements, where, true);
  return attach(grantee, options.id ?? 'ec2-build-interfaces', statements, where);
}

/** Start and follow builds of the given CodeBuild projects (a pipeline's role). */
export function grantBuildRun(projects: readonly GrantTarget[], grantee: Grantee, options: GrantOptions & { readonly id: string }): Grant {
  const where = describeConstruct('grant', grantee.node);
  const statements: GrantStatement[] = [{ actions: ['codebuild:StartBuild', 'codebuild:BatchGetBuilds', 'codebuild:StopBuild'], resources: projects.map((p) => p.arn) }];
  validateStatements(statements, where, true);
  return attach(grantee, options.id, statements, where);
}

/** Assume the given roles (cross-account deploy roles, each along its target's declared trust edge). */
export function grantAssumeRoles(roleArns: readonly string[], grantee: Grantee, options: GrantOptions & { readonly id: string }): Grant {
  const where = describeConstruct('grant', grantee.node);
  const statements: GrantStatement[] = [{ actions: ['sts:AssumeRole'], resources: [...roleArns] }];
  validateStatements(statements, where, true);
  return attach(grantee, options.id, statements, where);
}

/** Use one CodeStar connection (a pipeline's source stage). */
export function grantConnectionUse(connectionArn: string, grantee: Grantee, options: GrantOptions = {}): Grant {
  return helperGrant(grantee, 'connection-use', { arn: connectionArn }, { id: options.id ?? 'source-connection' }, [{ actions: ['codestar-connections:UseConnection'], resources: [connectionArn] }]);
}
