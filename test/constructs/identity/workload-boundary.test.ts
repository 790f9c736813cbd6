import { WorkloadBoundary, workloadBoundaryArn } from '../../../constructs/identity/workload-boundary';
import { DEV, PROD, resourcesOf, synthJson } from '../../support/synth';
import { parsePolicy, testStack } from './helpers';

describe('WorkloadBoundary', () => {
  test('its ARN follows from the account alone, under the baseline path CI may not touch', () => {
    expect(workloadBoundaryArn(DEV)).toBe(`arn:aws:iam::${DEV.accountId}:policy/tenantform-baseline/workload-boundary`);
    expect(workloadBoundaryArn({ accountId: PROD.accountId, region: 'cn-north-1' })).toBe(`arn:aws-cn:iam::${PROD.accountId}:policy/tenantform-baseline/workload-boundary`);
  });

  test('is the policy at that ARN, and denies all of IAM so no bounded role can lift its own boundary', () => {
    const stack = testStack(DEV);
    new WorkloadBoundary(stack, 'boundary', DEV);
    const [policy] = Object.values(resourcesOf(synthJson(stack), 'aws_iam_policy'));
    expect(policy).toMatchObject({ name: 'workload-boundary', path: '/tenantform-baseline/' });
    const deny = parsePolicy(policy!.policy).Statement.find((s) => s.Effect === 'Deny')!;
    expect(deny).toMatchObject({ Resource: '*', Action: expect.arrayContaining(['iam:*', 'organizations:*', 'cloudtrail:StopLogging']) });
    expect(deny.Condition).toBeUndefined();
  });
});
