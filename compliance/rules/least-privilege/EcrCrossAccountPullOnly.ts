import { LocatedPolicy, resourcePolicies } from '../../iam/documents';
import { checkStatements, describeStatement, StatementProblem } from '../../iam/statement-rule';
import { PolicyStatement } from '../../policy';
import { defineRule, isUnknown } from '../../rule-kit';
import { StackModel } from '../../types';

/** What pulling an image takes; everything else (push, delete, policy, tags) is write. */
const PULL_ACTIONS: readonly string[] = ['ecr:BatchGetImage', 'ecr:GetDownloadUrlForLayer', 'ecr:BatchCheckLayerAvailability', 'ecr:DescribeImages', 'ecr:DescribeRepositories', 'ecr:ListImages', 'ecr:DescribeImageScanFindings'];

const ACCOUNT_ARN = /^arn:aws[a-z-]*:iam::(\d{12}):(root|role\/.+|user\/.+)$/;

function ownAccount(stack: StackModel): string | undefined {
  return stack.accounts.length === 1 ? stack.accounts[0] : undefined;
}

/** The account a principal names (`123456789012`, an account root or a role/user ARN), or undefined. */
function accountOf(id: string): string | undefined {
  if (/^\d{12}$/.test(id)) return id;
  return ACCOUNT_ARN.exec(id)?.[1];
}

function inspect(stack: StackModel, s: PolicyStatement): StatementProblem[] {
  if (isUnknown(s.Effect) || s.Effect !== 'Allow') return [];
  const what = describeStatement(s);
  if (s.Principal === undefined && s.NotPrincipal === undefined) return [];
  if (s.NotPrincipal !== undefined) return [{ status: 'fail', message: `${what} uses NotPrincipal, which names who is excluded, not who may pull`, finding: 'NotPrincipal' }];
  if (isUnknown(s.Principal)) return [{ status: 'unknown', message: `${what} has a principal that cannot be resolved`, finding: 'Principal::?' }];
  const own = ownAccount(stack);
  const foreign: string[] = [];
  for (const [type, ids] of Object.entries(s.Principal!)) {
    for (const id of ids) {
      if (isUnknown(id)) return [{ status: 'unknown', message: `${what} has a principal that cannot be resolved`, finding: 'Principal::?' }];
      if (type === 'Service') continue;
      if (id === '*' || id.includes('*')) return [{ status: 'fail', message: `${what} grants to ${JSON.stringify(id)}: a cross-account repository policy names accounts or their roles, never a wildcard`, finding: `Principal::${id}` }];
      const account = accountOf(id);
      if (account === undefined) return [{ status: 'unknown', message: `${what} names principal ${JSON.stringify(id)}, whose account the gate cannot read`, finding: `Principal::${id}` }];
      if (account !== own) foreign.push(id);
    }
  }
  if (foreign.length === 0) return [];
  if (s.Action.length === 0) return [{ status: 'fail', message: `${what} grants other accounts (${foreign.join(', ')}) everything but some actions (NotAction)`, finding: 'NotAction' }];
  const problems: StatementProblem[] = [];
  for (const action of s.Action) {
    if (isUnknown(action)) problems.push({ status: 'unknown', message: `${what} has an action that cannot be resolved`, finding: 'Action::?' });
    else if (!PULL_ACTIONS.some((pull) => pull.toLowerCase() === action.toLowerCase())) problems.push({ status: 'fail', message: `${what} grants other accounts (${foreign.join(', ')}) ${action}, which is not a pull action`, finding: `Action::${action}` });
  }
  return problems;
}

/** TF-LP-40: a repository policy lets other accounts pull, by name, and do nothing else. */
export const EcrCrossAccountPullOnly = defineRule(
  {
    id: 'TF-LP-40',
    title: 'Ensure ECR repository and registry policies grant other accounts pull actions only, to named accounts or roles, never to "*"',
    category: 'least-privilege',
    level: 'error',
    resourceTypes: ['aws_ecr_repository_policy', 'aws_ecr_registry_policy'],
    remediation:
      `Name each consuming account's root or its roles as principals and grant only ${PULL_ACTIONS.join(', ')}. Pushing belongs to the registry's own account (its CI role). "*" with an organization condition still fails here: name the accounts.`,
    references: { checkov: ['CKV_AWS_32'], cdkNag: [] },
  },
  (stack) => {
    const policies: LocatedPolicy[] = resourcePolicies(stack).filter((p) => p.resource.type === 'aws_ecr_repository_policy' || p.resource.type === 'aws_ecr_registry_policy');
    return checkStatements(policies, (s) => inspect(stack, s), 'other accounts may pull only, and are named');
  },
);
