import { IamPolicy, IamRole, IamRolePolicyAttachment } from '../../core/aws';
import { validateProps } from '../../core/validation';
import { CiDeployRolePropsSchema } from './ci-deploy-role.schema';
import { Construct, IConstruct } from '../../core/cdktf';
import { Environment, environmentRegions } from '../../core/environment';
import { environmentOf } from '../../core/environment-context';
import { describeConstruct, TenantformError } from '../../core/errors';
import { BASELINE_IAM_PATH, partitionOf } from './arn';
import { ALL_DEPLOY_SERVICES, DEFAULT_DEPLOY_SERVICES, deployActions, deployActionsByTagScope, DeployService, GLOBAL_DEPLOY_SERVICES, protectSecurityServicesStatement, taggingActions, UNTAGGABLE_DEPLOY_SERVICES } from './deploy-permissions';
import { GITHUB_OIDC_AUDIENCE, GITHUB_OIDC_HOST } from './github-oidc';
import { IAM_ROLE_NAME, isRoleSessionSeconds, ROLE_SESSION_SECONDS } from '../iam/role-limits';
import { PolicyConditions, policyJson, PolicyStatement } from '../iam/policy';
import { workloadBoundaryArn } from './workload-boundary';

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
   * @default - every service tenantform's constructs use, except the opt-in 'eks' and 'backup'
   */
  readonly services?: readonly DeployService[];
  /**
   * Longest CI session, in seconds (3600-43200).
   * @default 3600
   */
  readonly maxSessionDurationSeconds?: number;
  /**
   * Name of the role; its managed policies are named `<name>-<part>`
   * (`ci-deploy-state`, `ci-deploy-iam`, ...). IAM names are unique in an
   * account, so an environment that shares its account with another (staging
   * beside dev) needs a name of its own, such as `ci-deploy-staging`.
   * @default 'ci-deploy'
   */
  readonly name?: string;
}

/** The role's name unless the props give another. */
export const DEFAULT_CI_DEPLOY_ROLE_NAME = 'ci-deploy';

/** CI deploy roles by `<account>/<name>`, per app: IAM would refuse the second at apply time. */
const namesInApp = new WeakMap<IConstruct, Map<string, string>>();

const GITHUB_OWNER = /^[A-Za-z0-9](?:[A-Za-z0-9-]{0,38})$/;
const GITHUB_REPO = /^[A-Za-z0-9._-]{1,100}$/;
const GITHUB_ENVIRONMENT = /^[^*?:\s][^*?:]{0,254}$/;

/**
 * The role GitHub Actions assumes to deploy the workload stacks of one
 * environment. It trusts exactly one repository's one deployment environment
 * (`repo:<owner>/<repo>:environment:<env>`), holds no long-lived keys, and can
 * touch only the state of its own environment and the services the stacks use.
 * The baseline itself (this role included) is applied by a person through the
 * break-glass role, never by CI.
 *
 * Its service statements name no ARNs (Terraform creates the resources, so
 * their IDs do not exist before the call); instead each is scoped by the
 * `environment` tag the provider's default_tags put on every resource: a
 * create must carry `aws:RequestTag/environment = <env>`, a change, delete or
 * data read must find `aws:ResourceTag/environment = <env>` on the resource.
 * Services without tag-based authorization (Route 53, S3) are scoped by ARN.
 * Roles CI creates or changes must carry the environment's workload
 * permissions boundary (see workload-boundary.ts).
 */
export class CiDeployRole extends Construct {
  public readonly role: IamRole;
  /** The OIDC subject the trust accepts. */
  public readonly subject: string;

  constructor(scope: Construct, id: string, props: CiDeployRoleProps) {
    super(scope, id);
    validateProps(CiDeployRolePropsSchema, props, describeConstruct('CiDeployRole', this.node));
    const where = describeConstruct('CiDeployRole', this.node);
    const env = environmentOf(this, 'CiDeployRole');
    const partition = partitionOf(env.region);
    this.subject = githubSubject(props.github, env, where);
    const services = props.services ?? DEFAULT_DEPLOY_SERVICES;
    const unknown = services.filter((s) => !ALL_DEPLOY_SERVICES.includes(s));
    if (unknown.length > 0 || services.length === 0) {
      throw new TenantformError({ code: 'TF-IAM-032', where, problem: 'deploy services must be a non-empty list of known services.', value: unknown.length > 0 ? unknown : services, fix: `choose from ${ALL_DEPLOY_SERVICES.join(', ')}.` });
    }

    const name = props.name ?? DEFAULT_CI_DEPLOY_ROLE_NAME;
    claimName(this, env, name, where);
    const maxSession = props.maxSessionDurationSeconds ?? 3600;
    if (!isRoleSessionSeconds(maxSession)) {
      throw new TenantformError({ code: 'TF-IAM-036', where, problem: `the longest CI session must be a whole number of seconds from ${ROLE_SESSION_SECONDS.min} to ${ROLE_SESSION_SECONDS.max}, what IAM accepts for a role.`, value: maxSession, fix: 'leave it out for 3600, or raise it only for deploys that run longer than an hour.' });
    }

    this.role = new IamRole(this, 'role', {
      name,
      path: BASELINE_IAM_PATH,
      description: `GitHub Actions deploys ${env.name} from ${props.github.owner}/${props.github.repository}`,
      maxSessionDuration: maxSession,
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

    const boundaryArn = workloadBoundaryArn(env);
    const regionalServices = services.filter((s) => !GLOBAL_DEPLOY_SERVICES.has(s));
    const globalServices = services.filter((s) => GLOBAL_DEPLOY_SERVICES.has(s));
    const regional = serviceStatements('Regional', regionalServices, env, partition, { StringEquals: { 'aws:RequestedRegion': environmentRegions(env) } });
    const policies: Record<string, PolicyStatement[]> = {
      state: stateStatements(env, partition),
      iam: iamStatements(env, partition, boundaryArn),
      regional: [...regional.filter((st) => st.Sid !== 'RegionalChangeTagged'), protectSecurityServicesStatement()],
      // A managed policy holds at most 6,144 characters, so the long list of changes has its own.
      'regional-change': [...regional.filter((st) => st.Sid === 'RegionalChangeTagged'), neverRetagStatement(services, env)],
    };
    if (globalServices.length > 0) {
      // These APIs have no region to narrow by.
      policies.global = serviceStatements('Global', globalServices, env, partition, undefined);
    }
    for (const [part, statements] of Object.entries(policies)) {
      if (statements.length === 0) continue;
      const policy = new IamPolicy(this, `${part}-policy`, {
        name: `${name}-${part}`,
        path: BASELINE_IAM_PATH,
        description: `CI deploy permissions: ${part}`,
        policy: policyJson(statements),
      });
      if (policyLength(statements) > MANAGED_POLICY_MAX_CHARS) {
        throw new TenantformError({ code: 'TF-IAM-033', where, problem: `the CI deploy policy "${part}" exceeds IAM's ${MANAGED_POLICY_MAX_CHARS}-character limit for a managed policy.`, value: policyLength(statements), fix: 'deploy fewer services through this role (the `services` prop), or split the policy.' });
      }
      new IamRolePolicyAttachment(this, `${part}-attachment`, { role: this.role.name, policyArn: policy.arn });
    }
  }

  public get arn(): string {
    return this.role.arn;
  }
}

/**
 * TF-IAM-034 for a name IAM would refuse, TF-IAM-035 for a second CI deploy
 * role of the same name in the same account anywhere in the app (two stacks
 * of one account, such as dev's baseline and staging's CI stack).
 */
function claimName(role: CiDeployRole, env: Environment, name: string, where: string): void {
  if (typeof name !== 'string' || !IAM_ROLE_NAME.test(name)) {
    throw new TenantformError({ code: 'TF-IAM-034', where, problem: 'the CI deploy role name is not one IAM accepts (1 to 64 letters, digits and +=,.@_-).', value: name, fix: `leave name out for "${DEFAULT_CI_DEPLOY_ROLE_NAME}", or use e.g. "${DEFAULT_CI_DEPLOY_ROLE_NAME}-${env.name}".` });
  }
  const root = role.node.root;
  const claimed = namesInApp.get(root) ?? new Map<string, string>();
  namesInApp.set(root, claimed);
  // IAM compares role names without regard to case: CI-Deploy and ci-deploy are one name.
  const key = `${env.accountId}/${name.toLowerCase()}`;
  const first = claimed.get(key);
  if (first !== undefined) {
    throw new TenantformError({
      code: 'TF-IAM-035',
      where,
      problem: `account ${env.accountId} already gets a CI deploy role named "${name}" from ${first}; IAM role and policy names are unique in an account, so the second apply would fail.`,
      value: name,
      fix: `give one of them its own name, e.g. { name: "${DEFAULT_CI_DEPLOY_ROLE_NAME}-${env.name}" }.`,
    });
  }
  claimed.set(key, role.node.path);
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

/** IAM's limit for a managed policy document, counted without whitespace. */
const MANAGED_POLICY_MAX_CHARS = 6144;

function policyLength(statements: readonly PolicyStatement[]): number {
  return policyJson(statements).replace(/\s/g, '').length;
}

/** The environment-tag condition for creates (`RequestTag`) or for existing resources (`ResourceTag`). */
function taggedFor(kind: 'create' | 'change', env: Environment, extra: PolicyConditions['StringEquals'] = {}): PolicyConditions {
  return { StringEquals: { ...extra, [kind === 'create' ? 'aws:RequestTag/environment' : 'aws:ResourceTag/environment']: env.name } };
}

function withConditions(base: PolicyConditions | undefined, add: PolicyConditions): PolicyConditions {
  const out: Record<string, Record<string, unknown>> = {};
  for (const c of [base ?? {}, add]) for (const [operator, keys] of Object.entries(c)) out[operator] = { ...out[operator], ...keys };
  return out as PolicyConditions;
}

/**
 * The statements for a set of services: reads on `*`, creates scoped by the
 * request tag, changes by the resource tag; Route 53 by its resource types and
 * S3 by the workload bucket names (`tf-<env>-`, see LogBucket).
 */
function serviceStatements(prefix: string, services: readonly DeployService[], env: Environment, partition: string, base: PolicyConditions | undefined): PolicyStatement[] {
  const tagged = services.filter((s) => !UNTAGGABLE_DEPLOY_SERVICES.has(s)).map(deployActionsByTagScope);
  const cond = (add?: PolicyConditions) => (add ? withConditions(base, add) : base);
  const statement = (Sid: string, Action: string[], Resource: string | string[], Condition?: PolicyConditions): PolicyStatement[] =>
    Action.length === 0 ? [] : [{ Sid, Effect: 'Allow', Action, Resource, ...(Condition ? { Condition } : {}) }];
  return [
    ...statement(`${prefix}Read`, tagged.flatMap((t) => t.read), '*', cond()),
    ...statement(`${prefix}CreateTagged`, tagged.flatMap((t) => t.create), '*', cond(taggedFor('create', env))),
    ...statement(`${prefix}ChangeTagged`, tagged.flatMap((t) => t.change), '*', cond(taggedFor('change', env))),
    ...(services.includes('route53')
      ? [
          ...statement(`${prefix}ReadDns`, ['route53:List*', 'route53:Get*'], '*', cond()),
          ...statement(`${prefix}ManageDns`, deployActions('route53'), ['hostedzone/*', 'change/*', 'healthcheck/*'].map((r) => `arn:${partition}:route53:::${r}`), cond()),
        ]
      : []),
    ...(services.includes('s3')
      ? [
          ...statement(`${prefix}ListBuckets`, ['s3:ListAllMyBuckets'], '*', cond()),
          ...statement(`${prefix}WorkloadBuckets`, deployActions('s3'), [`arn:${partition}:s3:::tf-${env.name}-*`, `arn:${partition}:s3:::tf-${env.name}-*/*`], cond()),
        ]
      : []),
  ];
}

/**
 * Creates are scoped by the tag the request carries, so without this a create
 * permission could re-tag another environment's resource (in an account that
 * environments share) as this one's, and then change it.
 */
function neverRetagStatement(services: readonly DeployService[], env: Environment): PolicyStatement {
  return {
    Sid: 'NeverRetagOtherEnvironments',
    Effect: 'Deny',
    Action: taggingActions(services),
    Resource: '*',
    Condition: { StringNotEquals: { 'aws:ResourceTag/environment': env.name }, Null: { 'aws:ResourceTag/environment': 'false' } },
  };
}

/**
 * IAM for the workload stacks: roles, policies and instance profiles tagged
 * with this environment, roles only with the workload boundary attached
 * (`iam:PermissionsBoundary`, on the calls where IAM supplies that key), and
 * never the baseline's own identities.
 */
function iamStatements(env: Environment, partition: string, boundaryArn: string): PolicyStatement[] {
  const iam = (resource: string) => `arn:${partition}:iam::${env.accountId}:${resource}`;
  const boundary = { 'iam:PermissionsBoundary': boundaryArn };
  return [
    { Sid: 'ReadIam', Effect: 'Allow', Action: ['iam:GetRole', 'iam:GetRolePolicy', 'iam:ListRolePolicies', 'iam:ListAttachedRolePolicies', 'iam:ListInstanceProfilesForRole', 'iam:GetPolicy', 'iam:GetPolicyVersion', 'iam:ListPolicyVersions', 'iam:GetInstanceProfile', 'iam:GetOpenIDConnectProvider'], Resource: [iam('role/*'), iam('policy/*'), iam('instance-profile/*'), iam('oidc-provider/*')] },
    { Sid: 'CreateBoundedRoles', Effect: 'Allow', Action: ['iam:CreateRole'], Resource: iam('role/*'), Condition: taggedFor('create', env, boundary) },
    {
      Sid: 'ChangeBoundedRolePermissions',
      Effect: 'Allow',
      Action: ['iam:PutRolePolicy', 'iam:DeleteRolePolicy', 'iam:AttachRolePolicy', 'iam:DetachRolePolicy', 'iam:PutRolePermissionsBoundary'],
      Resource: iam('role/*'),
      Condition: taggedFor('change', env, boundary),
    },
    // IAM supplies no iam:PermissionsBoundary key to these calls; they grant no permissions.
    { Sid: 'ChangeWorkloadRoles', Effect: 'Allow', Action: ['iam:DeleteRole', 'iam:UpdateRole', 'iam:UpdateAssumeRolePolicy', 'iam:TagRole', 'iam:UntagRole'], Resource: iam('role/*'), Condition: taggedFor('change', env) },
    { Sid: 'CreateWorkloadPolicies', Effect: 'Allow', Action: ['iam:CreatePolicy'], Resource: iam('policy/*'), Condition: taggedFor('create', env) },
    { Sid: 'ChangeWorkloadPolicies', Effect: 'Allow', Action: ['iam:DeletePolicy', 'iam:CreatePolicyVersion', 'iam:DeletePolicyVersion', 'iam:TagPolicy', 'iam:UntagPolicy'], Resource: iam('policy/*'), Condition: taggedFor('change', env) },
    { Sid: 'CreateInstanceProfiles', Effect: 'Allow', Action: ['iam:CreateInstanceProfile'], Resource: iam('instance-profile/*'), Condition: taggedFor('create', env) },
    { Sid: 'ChangeInstanceProfiles', Effect: 'Allow', Action: ['iam:DeleteInstanceProfile', 'iam:AddRoleToInstanceProfile', 'iam:RemoveRoleFromInstanceProfile', 'iam:TagInstanceProfile', 'iam:UntagInstanceProfile'], Resource: iam('instance-profile/*'), Condition: taggedFor('change', env) },
    { Sid: 'PassWorkloadRoles', Effect: 'Allow', Action: 'iam:PassRole', Resource: iam('role/*'), Condition: taggedFor('change', env, { 'iam:PassedToService': [...PASSABLE_TO] }) },
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
    { Sid: 'KeepTheBoundary', Effect: 'Deny', Action: ['iam:DeleteRolePermissionsBoundary'], Resource: iam('role/*') },
    // Attached as a grant, the boundary (a ceiling of "*") would hand out everything it does not deny.
    { Sid: 'NeverGrantTheBoundary', Effect: 'Deny', Action: ['iam:AttachRolePolicy', 'iam:AttachUserPolicy', 'iam:AttachGroupPolicy'], Resource: '*', Condition: { ArnEquals: { 'iam:PolicyARN': boundaryArn } } },
  ];
}
