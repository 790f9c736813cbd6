/**
 * AWS managed policies that amount to administration, and the places Terraform
 * attaches managed policies. An attachment the gate cannot resolve is unknown.
 */
import { ResourceModel, StackModel } from '../types';
import { isSpecificUnknown, isUnknown, listValue } from '../values';
import { Verdict, YES } from './conditions';

/**
 * Admin-equivalent AWS managed policies by name, each with why. A principal
 * holding one can make itself administrator, or reads and changes every piece
 * of data of the account.
 */
export const ADMIN_EQUIVALENT_POLICIES: Readonly<Record<string, string>> = {
  AdministratorAccess: 'allows every action on every resource',
  PowerUserAccess: 'allows every action outside IAM and Organizations, including all data of every service',
  IAMFullAccess: 'allows iam:*, so the holder can grant itself anything',
  'AdministratorAccess-Amplify': 'creates roles and passes them to services (iam:CreateRole, iam:PassRole), a path to administrator',
  'AdministratorAccess-AWSElasticBeanstalk': 'passes roles and controls EC2, Auto Scaling and CloudFormation broadly',
  AWSOrganizationsFullAccess: 'controls the organization: SCPs, accounts, delegated administrators',
  'job-function/SystemAdministrator': 'passes roles and administers EC2, networking and databases',
  'job-function/DatabaseAdministrator': 'passes roles and reads and changes every database',
  'job-function/NetworkAdministrator': 'changes every network path of the account',
  SecretsManagerReadWrite: 'reads every secret of the account',
  AWSCloudShellFullAccess: 'gives a shell with the caller’s full credentials',
};

/**
 * Any other `...FullAccess` managed policy grants `service:*` on `*`: the
 * service's data and its permission-management calls (bucket policies, key
 * grants, queue permissions).
 */
const FULL_ACCESS = /(^|\/)[\w-]*FullAccess(_v\d+)?$/;

const AWS_MANAGED = /^arn:aws[\w-]*:iam::aws:policy\/(.+)$/;

/** Why an AWS managed policy ARN is admin-equivalent, or undefined when it is not. */
export function adminEquivalence(arn: string): string | undefined {
  const m = AWS_MANAGED.exec(arn);
  if (m === null) return undefined;
  const name = m[1]!;
  const path = name.replace(/^(service-role|aws-service-role)\//, '');
  const listed = ADMIN_EQUIVALENT_POLICIES[path] ?? ADMIN_EQUIVALENT_POLICIES[path.split('/').pop()!];
  if (listed !== undefined) return listed;
  return FULL_ACCESS.test(path) ? 'grants a whole service (service:*), its data and its permission-management calls included' : undefined;
}

/** Resource type → attribute holding attached managed policy ARNs. */
export const MANAGED_ATTACHMENTS: Readonly<Record<string, string>> = {
  aws_iam_role_policy_attachment: 'policy_arn',
  aws_iam_user_policy_attachment: 'policy_arn',
  aws_iam_group_policy_attachment: 'policy_arn',
  aws_iam_policy_attachment: 'policy_arn',
  aws_ssoadmin_managed_policy_attachment: 'managed_policy_arn',
  aws_iam_role: 'managed_policy_arns',
  aws_iam_role_policy_attachments_exclusive: 'policy_arns',
  aws_iam_user_policy_attachments_exclusive: 'policy_arns',
  aws_iam_group_policy_attachments_exclusive: 'policy_arns',
};

/**
 * Whether one attached ARN is acceptable: `no` for an admin-equivalent AWS
 * managed policy, `unknown` for an ARN the gate cannot resolve or a customer
 * managed policy that is not defined in this stack (its content is unseen).
 */
export function attachedPolicyVerdict(stack: StackModel, arn: unknown): Verdict {
  if (isUnknown(arn)) {
    // A policy of this stack: its statements are judged by the statement rules.
    if (isSpecificUnknown(arn) && arn.refs.every((r) => r.startsWith('aws_iam_policy.'))) return YES;
    return { kind: 'unknown', reason: `the attached policy ARN ${arn.$unknown} cannot be resolved` };
  }
  if (typeof arn !== 'string') return { kind: 'unknown', reason: `the attached policy ARN ${JSON.stringify(arn)} is not a string` };
  if (AWS_MANAGED.test(arn)) {
    const why = adminEquivalence(arn);
    return why === undefined ? YES : { kind: 'no', reason: `${arn} ${why}` };
  }
  const own = /^arn:aws[\w-]*:iam::(\d{12}):policy\/(?:.*\/)?([^/]+)$/.exec(arn);
  if (own !== null && stack.accounts.includes(own[1]!) && definedPolicyNames(stack).has(own[2]!)) return YES;
  return { kind: 'unknown', reason: `${arn} is not a policy of this stack, so what it grants cannot be seen` };
}

/** Names of the stack's customer-managed policies, computed once per stack so attachments stay linear. */
const POLICY_NAMES = new WeakMap<StackModel, Set<string>>();

function definedPolicyNames(stack: StackModel): Set<string> {
  let names = POLICY_NAMES.get(stack);
  if (names === undefined) {
    names = new Set<string>();
    for (const r of stack.resources.values()) if (r.type === 'aws_iam_policy' && typeof r.values.name === 'string') names.add(r.values.name);
    POLICY_NAMES.set(stack, names);
  }
  return names;
}

/** The managed policy ARNs a resource attaches; an unresolvable list is one unknown entry. */
export function attachedArns(resource: ResourceModel): unknown[] {
  const raw = resource.values[MANAGED_ATTACHMENTS[resource.type]!];
  if (raw === undefined || raw === null) return [];
  if (isUnknown(raw)) return [raw];
  return [...listValue(raw)];
}
