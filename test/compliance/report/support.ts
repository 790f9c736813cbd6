import { Finding } from '../../../compliance/types';
import { Summary } from '../../../compliance/engine';

/** A finding with every contract field, for reporter tests that need exact control over their input. */
export function finding(overrides: Partial<Finding> = {}): Finding {
  return {
    ruleId: 'TF-LP-3',
    title: 'Ensure no policy allows write actions on every resource',
    category: 'least-privilege',
    level: 'error',
    status: 'fail',
    stack: 'prod-platform',
    address: 'aws_iam_policy.ci_policy_1A2B3C4D',
    message: 'allows s3:PutObject on "*".',
    remediation: 'Name the resources the statement may write to.',
    ...overrides,
  };
}

export function summaryOf(findings: readonly Finding[], stacks = 1, rules = 50): Summary {
  const count = (s: Finding['status']) => findings.filter((f) => f.status === s).length;
  return { stacks, rules, pass: count('pass'), fail: count('fail'), unknown: count('unknown'), suppressed: count('suppressed'), baselined: count('baselined'), failed: findings.some((f) => f.status === 'fail' || f.status === 'unknown') };
}
