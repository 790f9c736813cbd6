import { IamPolicy, IamRole, IamRolePolicyAttachment } from '../../core/aws';
import { Annotations, Construct } from '../../core/cdktf';
import { Environment, environmentRegions } from '../../core/environment';
import { environmentOf } from '../../core/environment-context';
import { describeConstruct, TenantformError } from '../../core/errors';
import { suppress } from '../../core/suppressions';
import { BASELINE_IAM_PATH, partitionOf } from './arn';
import { ALL_DEPLOY_SERVICES, deployActions, DeployService, GLOBAL_DEPLOY_SERVICES, protectSecurityServicesStatement } from './deploy-permissions';
import { GITHUB_OIDC_AUDIENCE, GITHUB_OIDC_HOST } from './github-oidc';
import { policyJson, PolicyStatement } from './policy';

/** Which GitHub workflow runs may deploy. */
export interface GithubDeploySource {
  /** Organization or user that owns the repository. */
  readonly owner: string;
  /** Repository name. */
  readonly repository: string;
  /**
   * GitHub deployment environment whose jobs may assume the role; protect it
   * with required reviewers in GitHub.
   * @default - the tenantform environment's name (`prod` trusts only `prod`)
   */
  readonly environment?: string;
}

export interface CiDeployRoleProps {
  /** ARN of the account's GitHub OIDC provider. */
  readonly oidcProviderArn: string;
  readonly github: GithubDeploySource;
  /**
   * AWS services the workload stacks manage.
   * @default - every service tenantform's constructs use
   */
  readonly services?: readonly DeployService[];
  /**
   * A permissions boundary every role CI creates must carry. Without one, CI
   * can create a role more powerful than itself; a warning says so.
   * @default - none (warning at synth)
   */
  readonly workloadPermissionsBoundaryArn?: string;
  /**
   * Longest CI session, in seconds.
   * @default 3600
   */
  readonly maxSessionDurationSeconds?: number;
}

const GITHUB_OWNER = /^[A-Za-z0-9](?:[A-Za-z0-9-]{0,38})$/;
const GITHUB_REPO = /^[A-Za-z0-9._-]{1,100}$/;
const GITHUB_ENVIRONMENT = /^[^*?:\s][^*?:]{0,254}$/;

/** Why CI's service statements act on `Resource: "*"`, for the comment-equivalent suppression. */
const WILDCARD_REASON =
  'Terraform creates these resources, so their ARNs (random IDs) do not exist before the call; ' +
  'the statement is limited to the environment regions and the account is pinned by the role, and the security services are protected by an explicit deny.';

/**
 * The role GitHub Actions assumes to deploy the workload stacks of one
 * environment. It trusts exactly one repository's one deployment environment
 * (`repo:<owner>/<repo>:environment:<env>`), holds no long-lived keys, and can
 * touch only the state of its own environment and the services the stacks use.
 * The baseline itself (this role included) is applied by a person through the
 * break-glass role, never by CI.
 */
export class CiDeployRole extends Construct {
  public readonly role: IamRole;
  /** The OIDC subject the trust accepts. */
  public readonly subject: string;

  constructor(scope: Construct, id: string, props: CiDeployRoleProps) {
    super(scope, id);
    const where = describeConstruct('CiDeployRole', this.node);
    const env = environmentOf(this, 'CiDeployRole');
    const partition = partitionOf(env.region);
    this.subject = githubSubject(props.github, env, where);
    const services = props.services ?? ALL_DEPLOY_SERVICES;
    const unknown = services.filter((s) => !ALL_DEPLOY_SERVICES.includes(s));
    if (unknown.length > 0 || services.length === 0) {
      throw new TenantformError({ code: 'TF-IAM-032', where, problem: 'deploy services must be a non-empty list of known services.', value: unknown.length > 0 ? unknown : services, fix: `choose from ${ALL_DEPLOY_SERVICES.join(', ')}.` });
    }

    this.role = new IamRole(this, 'role', {
      name: 'ci-deploy',
      path: BASELINE_IAM_PATH,
      description: `GitHub Actions deploys ${env.name} from ${props.github.owner}/${props.github.repository}`,
      maxSessionDuration: props.maxSessionDurationSeconds ?? 3600,
      assumeRolePolicy: policyJson([
        {
          Sid: 'GithubEnvironmentOnly',
          Effect: 'Allow',
          Principal: { Federated: props.oidcProviderArn },
          Action: 'sts:AssumeRoleWithWebIdentity',
          Condition: { StringEquals: { [`${GITHUB_OIDC_HOST}:aud`]: GITHUB_OIDC_AUDIENCE, [`${GITHUB_OIDC_HOST}:sub`]: this.subject } },
        },
      ]),
    });

    const policies: Record<string, PolicyStatement[]> = {
      state: stateStatements(env, partition),
      iam: iamStatements(env.accountId, partition, props.workloadPermissionsBoundaryArn),
      regional: [
        {
          Sid: 'RegionalServices',
          Effect: 'Allow',
          Action: services.filter((s) => !GLOBAL_DEPLOY_SERVICES.has(s)).flatMap(deployActions),
          // Resource "*": see WILDCARD_REASON; narrowed to the environment's regions.
          Resource: '*',
          Condition: { StringEquals: { 'aws:RequestedRegion': environmentRegions(env) } },
        },
        protectSecurityServicesStatement(),
      ],
    };
    const global = services.filter((s) => GLOBAL_DEPLOY_SERVICES.has(s)).flatMap(deployActions);
    if (global.length > 0) {
      // Resource "*": see WILDCARD_REASON; these APIs have no region to narrow by.
      policies.global = [{ Sid: 'GlobalServices', Effect: 'Allow', Action: global, Resource: '*' }];
    }
    for (const [name, statements] of Object.entries(policies)) {
      if (statements.length === 0) continue;
      const policy = new IamPolicy(this, `${name}-policy`, {
        name: `ci-deploy-${name}`,
        path: BASELINE_IAM_PATH,
        description: `CI deploy permissions: ${name}`,
        policy: policyJson(statements),
      });
      if (name === 'regional' || name === 'global') suppress(policy, 'TF-LP-3', WILDCARD_REASON);
      if (name === 'iam') {
        suppress(
          policy,
          'TF-LP-5',
          'CI creates and updates the workload roles of the stacks it deploys; baseline roles, users and identity providers are explicitly denied, and workloadPermissionsBoundaryArn caps what those roles may hold.',
        );
      }
      if (name === 'regional') {
        suppress(policy, 'TF-LP-5', 'RunInstances is needed to launch tenant hosts; the roles it can pass are limited by the iam policy (PassedToService, no baseline roles).');
      }
      new IamRolePolicyAttachment(this, `${name}-attachment`, { role: this.role.name, policyArn: policy.arn });
    }
    if (props.workloadPermissionsBoundaryArn === undefined) {
      Annotations.of(this).addWarning(
        'CiDeployRole: no workloadPermissionsBoundaryArn, so CI may create roles with more permissions than it has itself. Set a boundary once your workload roles carry it.',
      );
    }
  }

  public get arn(): string {
    return this.role.arn;
  }
}

function githubSubject(github: GithubDeploySource, env: Environment, where: string): string {
  if (typeof github.owner !== 'string' || !GITHUB_OWNER.test(github.owner) || typeof github.repository !== 'string' || !GITHUB_REPO.test(github.repository)) {
    throw new TenantformError({ code: 'TF-IAM-030', where, problem: 'GitHub owner or repository name is not valid (and may not contain wildcards).', value: `${github.owner}/${github.repository}`, fix: 'use the exact names, e.g. { owner: "acme", repository: "infra" }.' });
  }
  const environment = github.environment ?? env.name;
  if (typeof environment !== 'string' || !GITHUB_ENVIRONMENT.test(environment)) {
    throw new TenantformError({
      code: 'TF-IAM-031',
      where,
      problem: 'the GitHub environment must be one exact name: a wildcard or colon would let other workflows deploy.',
      value: environment,
      fix: `use the GitHub environment for "${env.name}", e.g. "${env.name}".`,
    });
  }
  return `repo:${github.owner}/${github.repository}:environment:${environment}`;
}

function stateStatements(env: Environment, partition: string): PolicyStatement[] {
  const state = env.state;
  // Local state (tests, sandboxes) needs no AWS permissions.
  if (state.kind !== 's3') return [];
  const prefix = state.keyPrefix ?? 'tenantform';
  const region = state.region ?? env.region;
  const statements: PolicyStatement[] = [
    { Sid: 'ListStatePrefix', Effect: 'Allow', Action: ['s3:ListBucket'], Resource: `arn:${partition}:s3:::${state.bucket}`, Condition: { StringLike: { 's3:prefix': [`${prefix}/*`] } } },
    { Sid: 'ReadWriteState', Effect: 'Allow', Action: ['s3:GetObject', 's3:PutObject', 's3:DeleteObject'], Resource: `arn:${partition}:s3:::${state.bucket}/${prefix}/*` },
  ];
  const kms = ['kms:Decrypt', 'kms:Encrypt', 'kms:GenerateDataKey', 'kms:DescribeKey'];
  if (/^arn:[^:]+:kms:[^:]+:\d{12}:key\//.test(state.kmsKeyId)) {
    statements.push({ Sid: 'StateKey', Effect: 'Allow', Action: kms, Resource: state.kmsKeyId });
  } else {
    const alias = state.kmsKeyId.replace(/^arn:[^:]+:kms:[^:]+:\d{12}:/, '');
    // Only the alias is known here, and IAM authorizes KMS calls on the key ARN;
    // the key/* wildcard is narrowed to the one key carrying that alias.
    statements.push({
      Sid: 'StateKeyByAlias',
      Effect: 'Allow',
      Action: kms,
      Resource: `arn:${partition}:kms:${region}:${env.accountId}:key/*`,
      Condition: { 'ForAnyValue:StringEquals': { 'kms:ResourceAliases': alias.startsWith('alias/') ? alias : `alias/${alias}` } },
    });
  }
  if (state.dynamodbLockTable) {
    statements.push({ Sid: 'StateLock', Effect: 'Allow', Action: ['dynamodb:GetItem', 'dynamodb:PutItem', 'dynamodb:DeleteItem', 'dynamodb:DescribeTable'], Resource: `arn:${partition}:dynamodb:${region}:${env.accountId}:table/${state.dynamodbLockTable}` });
  }
  return statements;
}

/** Roles services run as, for the workload stacks; the baseline's own identities are off limits. */
const PASSABLE_TO: readonly string[] = ['ec2.amazonaws.com', 'ecs-tasks.amazonaws.com', 'apigateway.amazonaws.com', 'vpc-flow-logs.amazonaws.com', 'rds.amazonaws.com', 'monitoring.rds.amazonaws.com', 'dlm.amazonaws.com', 'events.amazonaws.com'];

function iamStatements(accountId: string, partition: string, boundaryArn: string | undefined): PolicyStatement[] {
  const iam = (resource: string) => `arn:${partition}:iam::${accountId}:${resource}`;
  const boundary = boundaryArn ? { Condition: { StringEquals: { 'iam:PermissionsBoundary': boundaryArn } } } : {};
  return [
    { Sid: 'ReadIam', Effect: 'Allow', Action: ['iam:GetRole', 'iam:GetRolePolicy', 'iam:ListRolePolicies', 'iam:ListAttachedRolePolicies', 'iam:ListInstanceProfilesForRole', 'iam:GetPolicy', 'iam:GetPolicyVersion', 'iam:ListPolicyVersions', 'iam:GetInstanceProfile', 'iam:GetOpenIDConnectProvider'], Resource: [iam('role/*'), iam('policy/*'), iam('instance-profile/*'), iam('oidc-provider/*')] },
    {
      Sid: 'ManageWorkloadRoles',
      Effect: 'Allow',
      Action: ['iam:CreateRole', 'iam:DeleteRole', 'iam:UpdateRole', 'iam:UpdateAssumeRolePolicy', 'iam:TagRole', 'iam:UntagRole', 'iam:PutRolePolicy', 'iam:DeleteRolePolicy', 'iam:AttachRolePolicy', 'iam:DetachRolePolicy', 'iam:PutRolePermissionsBoundary'],
      Resource: iam('role/*'),
      ...boundary,
    },
    { Sid: 'ManageWorkloadPolicies', Effect: 'Allow', Action: ['iam:CreatePolicy', 'iam:DeletePolicy', 'iam:CreatePolicyVersion', 'iam:DeletePolicyVersion', 'iam:TagPolicy', 'iam:UntagPolicy'], Resource: iam('policy/*') },
    { Sid: 'ManageInstanceProfiles', Effect: 'Allow', Action: ['iam:CreateInstanceProfile', 'iam:DeleteInstanceProfile', 'iam:AddRoleToInstanceProfile', 'iam:RemoveRoleFromInstanceProfile', 'iam:TagInstanceProfile', 'iam:UntagInstanceProfile'], Resource: iam('instance-profile/*') },
    { Sid: 'PassWorkloadRoles', Effect: 'Allow', Action: 'iam:PassRole', Resource: iam('role/*'), Condition: { StringEquals: { 'iam:PassedToService': [...PASSABLE_TO] } } },
    {
      Sid: 'ServiceLinkedRoles',
      Effect: 'Allow',
      Action: 'iam:CreateServiceLinkedRole',
      Resource: iam('role/aws-service-role/*'),
      Condition: { StringEquals: { 'iam:AWSServiceName': ['elasticloadbalancing.amazonaws.com', 'ecs.amazonaws.com', 'autoscaling.amazonaws.com', 'rds.amazonaws.com', 'application-autoscaling.amazonaws.com'] } },
    },
    {
      Sid: 'NeverTouchBaselineIdentities',
      Effect: 'Deny',
      Action: ['iam:Create*', 'iam:Delete*', 'iam:Update*', 'iam:Put*', 'iam:Attach*', 'iam:Detach*', 'iam:Tag*', 'iam:Untag*', 'iam:Add*', 'iam:Remove*', 'iam:PassRole'],
      Resource: [iam(`role${BASELINE_IAM_PATH}*`), iam(`policy${BASELINE_IAM_PATH}*`), iam(`group${BASELINE_IAM_PATH}*`), iam('user/*'), iam('oidc-provider/*'), iam('saml-provider/*')],
    },
    { Sid: 'NeverCreateLongLivedCredentials', Effect: 'Deny', Action: ['iam:CreateUser', 'iam:CreateAccessKey', 'iam:CreateLoginProfile'], Resource: '*' },
    ...(boundaryArn ? [{ Sid: 'KeepTheBoundary', Effect: 'Deny' as const, Action: ['iam:DeleteRolePermissionsBoundary', 'iam:CreatePolicyVersion', 'iam:DeletePolicy', 'iam:SetDefaultPolicyVersion'], Resource: [boundaryArn] }] : []),
  ];
}
