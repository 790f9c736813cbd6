import { AwsProvider, IamRolePolicyAttachment, S3AccountPublicAccessBlock } from '../../core/aws';
import { Construct } from '../../core/cdktf';
import { environmentRegions, holdsCustomerData } from '../../core/environment';
import { environmentOf } from '../../core/environment-context';
import { describeConstruct, TenantformError } from '../../core/errors';
import { suppress } from '../../core/suppressions';
import { guardArns, validateProps } from '../../core/validation';
import { AccountBaselinePropsSchema, guardCiEnvironment } from './account-baseline.schema';
import { partitionOf } from './arn';
import { AuditTrail, AuditTrailProps } from './audit-trail';
import { CiDeployRole } from './ci-deploy-role';
import { ConfigRecorder } from './config-recorder';
import { DeployService } from './deploy-permissions';
import { GithubDeploySource } from './ci-deploy-role';
import { GithubOidcProvider } from './github-oidc';
import { HumanGroups } from './groups';
import { HumanRole } from './human-role';
import { PasswordPolicy, PasswordPolicyProps } from './password-policy';
import { RegionalSecurity } from './regional-security';
import { SessionManager, SessionManagerProps, sessionOperatorStatements } from './session-manager';
import { HumanUser, HumanUsers } from './users';
import { WorkloadBoundary } from './workload-boundary';

export interface CiDeployOptions extends GithubDeploySource {
  /**
   * Maps a differently named GitHub environment to this tenantform
   * environment: `{ environment: 'production', forEnvironment: 'prod' }`.
   * Without it, a GitHub environment other than the stack's own is refused
   * (TF-PRP-013), so a prod baseline cannot trust dev's workflows by mistake.
   * @default - the GitHub environment must be named like the tenantform environment
   */
  readonly forEnvironment?: string;
  /**
   * AWS services the workload stacks manage.
   * @default - every service tenantform's constructs use, except the opt-in 'eks' and 'backup'
   */
  readonly services?: readonly DeployService[];
}

export interface AccountBaselineProps {
  /** The people with IAM users in this account. */
  readonly users: readonly HumanUser[];
  /**
   * Account password policy settings.
   * @default - 14 characters minimum, 90-day expiry
   */
  readonly passwordPolicy?: PasswordPolicyProps;
  /**
   * Oldest MFA sign-in, in seconds, the human roles accept.
   * @default 3600
   */
  readonly maxMfaAgeSeconds?: number;
  /**
   * Whether developers may assume the operator role (shell on hosts).
   * @default - only where the environment holds no customer data
   */
  readonly developersMayOperate?: boolean;
  /**
   * GitHub repository whose deployment environment may deploy here through OIDC.
   * @default - no CI role
   */
  readonly ciDeploy?: CiDeployOptions;
  /**
   * CloudTrail settings.
   * @default - multi-region trail `tenantform-audit`, one year in S3 and in CloudWatch Logs
   */
  readonly auditTrail?: AuditTrailProps;
  /**
   * Record resource configuration with AWS Config.
   * @default true
   */
  readonly awsConfig?: boolean;
  /**
   * Session Manager settings for operator access.
   * @default - one-year transcript retention, 20-minute idle timeout
   */
  readonly sessionManager?: SessionManagerProps;
  /**
   * Providers for the environment's additional regions, keyed by region; the
   * regional services are enabled in each.
   * @default - home region only
   */
  readonly regionalProviders?: Readonly<Record<string, AwsProvider>>;
}

/** Why the break-glass role may hold AdministratorAccess. */
export const BREAK_GLASS_REASON =
  'Break-glass access for incidents and for applying this baseline; the role is assumable only with recent MFA by the admins group, and every use is recorded by CloudTrail.';

/**
 * Everything one environment account needs before workloads arrive: the
 * password policy, MFA-enforcing groups and the people in them, MFA-guarded
 * break-glass and operator roles, GitHub OIDC deploys, operator shell access
 * through logged Session Manager sessions, and the security services
 * (CloudTrail, GuardDuty, Access Analyzer, EBS encryption by default, the S3
 * account public access block, AWS Config).
 */
export class AccountBaseline extends Construct {
  public readonly passwordPolicy: PasswordPolicy;
  public readonly breakGlassRole: HumanRole;
  public readonly operatorRole: HumanRole;
  public readonly groups: HumanGroups;
  public readonly users: HumanUsers;
  public readonly sessionManager: SessionManager;
  public readonly auditTrail: AuditTrail;
  public readonly regionalSecurity: Readonly<Record<string, RegionalSecurity>>;
  /** The permissions boundary of every workload role (see workload-boundary.ts). */
  public readonly workloadBoundary: WorkloadBoundary;
  public readonly githubOidc?: GithubOidcProvider;
  public readonly ciDeployRole?: CiDeployRole;
  public readonly configRecorder?: ConfigRecorder;

  constructor(scope: Construct, id: string, props: AccountBaselineProps) {
    super(scope, id);
    const where = describeConstruct('AccountBaseline', this.node);
    validateProps(AccountBaselinePropsSchema, props, where);
    const env = environmentOf(this, 'AccountBaseline');
    guardArns(props, env, where);
    guardCiEnvironment(props.ciDeploy, env, where);
    const partition = partitionOf(env.region);
    const account = env.accountId;
    const regions = environmentRegions(env);
    for (const region of Object.keys(props.regionalProviders ?? {})) {
      if (!regions.includes(region) || region === env.region) {
        throw new TenantformError({ code: 'TF-IAM-060', where, problem: `regional providers must be for the environment's additional regions (${regions.slice(1).join(', ') || 'none'}).`, value: region, fix: 'add the region to the environment\'s additionalRegions, or drop the provider.' });
      }
    }

    this.passwordPolicy = new PasswordPolicy(this, 'password-policy', props.passwordPolicy);

    this.breakGlassRole = new HumanRole(this, 'break-glass', {
      roleName: 'break-glass-admin',
      description: 'Incident and baseline administration; MFA required',
      partition,
      accountId: account,
      maxMfaAgeSeconds: props.maxMfaAgeSeconds,
      awsManagedPolicies: ['AdministratorAccess'],
    });
    const admin = this.breakGlassRole.attachments.AdministratorAccess as IamRolePolicyAttachment;
    suppress(admin, 'TF-LP-9', BREAK_GLASS_REASON);
    suppress(admin, 'TF-LP-1', BREAK_GLASS_REASON);

    this.sessionManager = new SessionManager(this, 'session-manager', props.sessionManager);
    this.operatorRole = new HumanRole(this, 'operator', {
      roleName: 'operator',
      description: 'Shell access to hosts through logged Session Manager sessions; MFA required',
      partition,
      accountId: account,
      maxMfaAgeSeconds: props.maxMfaAgeSeconds,
      awsManagedPolicies: ['job-function/ViewOnlyAccess'],
      statements: sessionOperatorStatements(env),
    });

    this.groups = new HumanGroups(this, 'groups', {
      partition,
      accountId: account,
      breakGlassRoleArn: this.breakGlassRole.arn,
      operatorRoleArn: this.operatorRole.arn,
      developersMayOperate: props.developersMayOperate ?? !holdsCustomerData(env),
    });
    this.users = new HumanUsers(this, 'users', { users: props.users, groups: this.groups.groups });
    // Every workload role carries it, so it exists whether or not CI deploys here.
    this.workloadBoundary = new WorkloadBoundary(this, 'workload-boundary', env);

    if (props.ciDeploy) {
      const { services, forEnvironment: _mapped, ...github } = props.ciDeploy;
      this.githubOidc = new GithubOidcProvider(this, 'github-oidc');
      this.ciDeployRole = new CiDeployRole(this, 'ci-deploy', { oidcProviderArn: this.githubOidc.arn, github, services });
    }

    const recordConfig = props.awsConfig ?? true;
    this.auditTrail = new AuditTrail(this, 'audit-trail', { ...props.auditTrail, allowConfigDelivery: recordConfig || props.auditTrail?.allowConfigDelivery });
    if (recordConfig) {
      this.configRecorder = new ConfigRecorder(this, 'config', { bucketName: this.auditTrail.bucket.bucket.bucket, kmsKeyArn: this.auditTrail.key.key.arn });
    }

    new S3AccountPublicAccessBlock(this, 's3-account-public-access', { blockPublicAcls: true, blockPublicPolicy: true, ignorePublicAcls: true, restrictPublicBuckets: true });
    // Keyed by region name so adding a region never moves another region's resources.
    const regional: Record<string, RegionalSecurity> = {};
    for (const region of regions) {
      regional[region] = new RegionalSecurity(this, `region-${region}`, { region, provider: props.regionalProviders?.[region] });
    }
    this.regionalSecurity = regional;
  }
}
