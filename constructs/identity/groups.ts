import { IamGroup, IamGroupPolicy, IamGroupPolicyAttachment } from '../../core/aws';
import { validateProps } from '../../core/validation';
import { HumanGroupsPropsSchema } from './groups.schema';
import { describeConstruct } from '../../core/errors';
import { Construct } from '../../core/cdktf';
import { awsManagedPolicyArn, BASELINE_IAM_PATH } from './arn';
import { forceMfaDenyStatement, mfaSelfServiceStatements } from './mfa';
import { policyJson, PolicyStatement } from '../iam/policy';

/** The four human groups every account gets. */
export const HUMAN_GROUP_NAMES = ['admins', 'power-users', 'developers', 'read-only'] as const;
export type HumanGroupName = (typeof HUMAN_GROUP_NAMES)[number];

export interface HumanGroupsProps {
  readonly partition: string;
  readonly accountId: string;
  /** The break-glass administrator role; only `admins` may assume it. */
  readonly breakGlassRoleArn: string;
  /** The operator role (SSM sessions); `admins` and `power-users` may assume it. */
  readonly operatorRoleArn: string;
  /**
   * Whether `developers` may assume the operator role too.
   * @default false
   */
  readonly developersMayOperate?: boolean;
}

/**
 * The human groups. Each carries the force-MFA deny, so joining any group is
 * enough to make MFA mandatory for console and API alike, plus its own
 * permissions. Standing permissions are read-only; changes go through roles.
 */
export class HumanGroups extends Construct {
  public readonly groups: Readonly<Record<HumanGroupName, IamGroup>>;

  constructor(scope: Construct, id: string, props: HumanGroupsProps) {
    super(scope, id);
    validateProps(HumanGroupsPropsSchema, props, describeConstruct('HumanGroups', this.node));
    const { partition, accountId } = props;
    const assume = (sid: string, arns: readonly string[]): PolicyStatement => ({
      Sid: sid,
      Effect: 'Allow',
      Action: 'sts:AssumeRole',
      Resource: [...arns],
      Condition: { Bool: { 'aws:MultiFactorAuthPresent': 'true' } },
    });
    const permissions: Record<HumanGroupName, { managed: readonly string[]; statements: readonly PolicyStatement[] }> = {
      admins: {
        managed: ['ReadOnlyAccess'],
        statements: [
          // Console passwords and lost MFA devices are reset through break-glass: letting one admin reset
          // another's login is itself a privilege-escalation path.
          assume('AssumeAdminRoles', [props.breakGlassRoleArn, props.operatorRoleArn]),
        ],
      },
      'power-users': { managed: ['ReadOnlyAccess'], statements: [assume('AssumeOperator', [props.operatorRoleArn])] },
      developers: {
        managed: ['job-function/ViewOnlyAccess'],
        statements: [
          {
            Sid: 'ReadLogs',
            Effect: 'Allow',
            Action: ['logs:GetLogEvents', 'logs:FilterLogEvents', 'logs:StartQuery', 'logs:GetQueryResults', 'logs:StopQuery'],
            Resource: `arn:${partition}:logs:*:${accountId}:log-group:*`,
          },
          ...(props.developersMayOperate ? [assume('AssumeOperator', [props.operatorRoleArn])] : []),
        ],
      },
      'read-only': { managed: ['job-function/ViewOnlyAccess'], statements: [] },
    };
    const groups = {} as Record<HumanGroupName, IamGroup>;
    for (const name of HUMAN_GROUP_NAMES) {
      const group = new IamGroup(this, name, { name, path: BASELINE_IAM_PATH });
      new IamGroupPolicy(this, `${name}-require-mfa`, {
        name: 'require-mfa',
        group: group.name,
        policy: policyJson([forceMfaDenyStatement(), ...mfaSelfServiceStatements(partition, accountId)]),
      });
      const own = permissions[name];
      if (own.statements.length > 0) {
        new IamGroupPolicy(this, `${name}-permissions`, { name: 'permissions', group: group.name, policy: policyJson(own.statements) });
      }
      for (const managed of own.managed) {
        new IamGroupPolicyAttachment(this, `${name}-${managed.replace(/\//g, '-')}`, { group: group.name, policyArn: awsManagedPolicyArn(partition, managed) });
      }
      groups[name] = group;
    }
    this.groups = groups;
  }
}
