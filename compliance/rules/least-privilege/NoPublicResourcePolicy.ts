import { boundsPrincipal, Verdict } from '../../iam/conditions';
import { RESOURCE_POLICY_ATTRIBUTES, resourcePolicies } from '../../iam/documents';
import { grantsToEveryone } from '../../iam/principals';
import { checkStatements, describeStatement } from '../../iam/statement-rule';
import { PolicyStatement } from '../../policy';
import { checkEach, defineRule, fail, isUnknown, pass, unknown } from '../../rule-kit';
import { ResourceModel, RuleOutcome } from '../../types';

/**
 * A Lambda permission states its grant as arguments; read as the statement
 * AWS builds from them, so the one principal-bounding logic judges it.
 */
function lambdaPermissionStatement(r: ResourceModel): PolicyStatement {
  const condition: Record<string, Record<string, unknown[]>> = {};
  const add = (operator: string, key: string, value: unknown) => {
    if (value !== undefined && value !== null) ((condition[operator] ??= {})[key] ??= []).push(value);
  };
  add('StringEquals', 'aws:SourceAccount', r.values.source_account);
  add('ArnLike', 'aws:SourceArn', r.values.source_arn);
  add('StringEquals', 'aws:PrincipalOrgID', r.values.principal_org_id);
  const principal = r.values.principal;
  return {
    Effect: 'Allow',
    Action: [],
    Resource: [],
    Principal: isUnknown(principal) ? principal : { AWS: [typeof principal === 'string' ? principal : String(JSON.stringify(principal))] },
    ...(Object.keys(condition).length > 0 ? { Condition: condition as PolicyStatement['Condition'] } : {}),
  };
}

function judge(s: PolicyStatement, what: string): { status: 'fail' | 'unknown'; message: string } | undefined {
  if (isUnknown(s.Effect)) return { status: 'unknown', message: `${what} has an effect that cannot be resolved.` };
  if (s.Effect !== 'Allow') return undefined;
  const everyone = grantsToEveryone(s);
  if (everyone.kind === 'no') return undefined;
  if (everyone.kind === 'unknown') return { status: 'unknown', message: `${what}: ${everyone.reason}.` };
  const bounded: Verdict = boundsPrincipal(s);
  if (bounded.kind === 'yes') return undefined;
  return { status: bounded.kind === 'no' ? 'fail' : 'unknown', message: `${what} grants access to everyone: ${bounded.reason}.` };
}

/** TF-LP-10: no resource policy opens a key, bucket, queue, topic, secret, repository or function to everyone. */
export const NoPublicResourcePolicy = defineRule(
  {
    id: 'TF-LP-10',
    title: 'Ensure no resource policy grants access to everyone',
    category: 'least-privilege',
    level: 'error',
    resourceTypes: [...Object.keys(RESOURCE_POLICY_ATTRIBUTES), 'aws_lambda_permission'],
    remediation:
      'Name the principals (an account root, a role ARN, a service with aws:SourceAccount). "*" is accepted only with a condition that bounds who the caller is: StringEquals on aws:PrincipalOrgID, aws:PrincipalAccount, aws:SourceAccount or kms:CallerAccount, or aws:PrincipalArn / aws:SourceArn with a fixed account. sts:ExternalId, MFA, aws:SecureTransport, network (aws:SourceIp, aws:SourceVpce) and IfExists conditions do not bound the caller. For aws_lambda_permission set source_account, source_arn or principal_org_id when principal is "*".',
    references: { checkov: ['CKV_AWS_33', 'CKV_AWS_70', 'CKV_AWS_301'] },
  },
  (stack) => [
    ...checkStatements(
      resourcePolicies(stack),
      (s) => {
        const problem = judge(s, describeStatement(s));
        return problem === undefined ? [] : [{ ...problem, finding: 'Principal::*' }];
      },
      'the resource policy names who may use the resource.',
    ),
    ...checkEach(stack, ['aws_lambda_permission'], (r): RuleOutcome => {
      const problem = judge(lambdaPermissionStatement(r), 'the permission');
      if (problem === undefined) return pass(r.address, 'the permission names who may invoke the function.');
      return problem.status === 'fail' ? fail(r.address, problem.message, 'Principal::*') : unknown(r.address, problem.message, 'Principal::*');
    }),
  ],
);
