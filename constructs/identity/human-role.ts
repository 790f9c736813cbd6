import { IamRole, IamRolePolicy, IamRolePolicyAttachment } from '../../core/aws';
import { validateProps } from '../../core/validation';
import { HumanRolePropsSchema } from './human-role.schema';
import { Construct } from '../../core/cdktf';
import { describeConstruct, TenantformError } from '../../core/errors';
import { accountRootArn, awsManagedPolicyArn, BASELINE_IAM_PATH } from './arn';
import { mfaTrustConditions } from './mfa';
import { assertNoWildcardActions, policyJson, PolicyStatement } from '../iam/policy';
import { isRoleSessionSeconds, ROLE_SESSION_SECONDS } from '../iam/role-limits';

export interface HumanRoleProps {
  /** Role name, e.g. `operator`. */
  readonly roleName: string;
  readonly description: string;
  readonly partition: string;
  /** The account whose IAM users may assume the role (its own). */
  readonly accountId: string;
  /**
   * Oldest MFA sign-in, in seconds, the role still accepts.
   * @default 3600
   */
  readonly maxMfaAgeSeconds?: number;
  /**
   * Longest role session, in seconds.
   * @default 3600
   */
  readonly maxSessionDurationSeconds?: number;
  /**
   * AWS-managed policies by name (e.g. `job-function/ViewOnlyAccess`).
   * @default - none
   */
  readonly awsManagedPolicies?: readonly string[];
  /**
   * Inline permissions; `*` and `service:*` actions are refused.
   * @default - none
   */
  readonly statements?: readonly PolicyStatement[];
}

/**
 * A role people assume from their IAM user. The trust only accepts callers
 * who signed in with MFA recently: `aws:MultiFactorAuthPresent` true and
 * `aws:MultiFactorAuthAge` under the limit.
 */
export class HumanRole extends Construct {
  public readonly role: IamRole;
  /** Managed policy attachments, keyed by policy name. */
  public readonly attachments: Readonly<Record<string, IamRolePolicyAttachment>>;

  constructor(scope: Construct, id: string, props: HumanRoleProps) {
    super(scope, id);
    validateProps(HumanRolePropsSchema, props, describeConstruct('HumanRole', this.node));
    const where = describeConstruct('HumanRole', this.node);
    const session = props.maxSessionDurationSeconds ?? 3600;
    if (!isRoleSessionSeconds(session)) {
      throw new TenantformError({ code: 'TF-IAM-012', where, problem: `role session duration must be ${ROLE_SESSION_SECONDS.min} to ${ROLE_SESSION_SECONDS.max} seconds, what IAM accepts for a role.`, value: session, fix: 'use e.g. 3600.' });
    }
    const conditions = mfaTrustConditions(props.maxMfaAgeSeconds ?? 3600, where);
    if (props.statements) assertNoWildcardActions(props.statements, where);
    this.role = new IamRole(this, 'role', {
      name: props.roleName,
      path: BASELINE_IAM_PATH,
      description: props.description,
      maxSessionDuration: session,
      assumeRolePolicy: policyJson([
        {
          Sid: 'HumansWithRecentMfa',
          Effect: 'Allow',
          Principal: { AWS: accountRootArn(props.partition, props.accountId) },
          Action: 'sts:AssumeRole',
          Condition: conditions,
        },
      ]),
    });
    const attachments: Record<string, IamRolePolicyAttachment> = {};
    for (const name of props.awsManagedPolicies ?? []) {
      attachments[name] = new IamRolePolicyAttachment(this, `managed-${name.replace(/\//g, '-')}`, {
        role: this.role.name,
        policyArn: awsManagedPolicyArn(props.partition, name),
      });
    }
    this.attachments = attachments;
    if (props.statements && props.statements.length > 0) {
      new IamRolePolicy(this, 'permissions', { name: 'permissions', role: this.role.name, policy: policyJson(props.statements) });
    }
  }

  /** The role ARN (a token). */
  public get arn(): string {
    return this.role.arn;
  }
}
