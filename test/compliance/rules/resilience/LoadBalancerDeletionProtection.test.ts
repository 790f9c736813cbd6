import { LoadBalancerDeletionProtection } from '../../../../compliance/rules/resilience';
import { fixtureStack, ref, verdicts } from '../../../support/rules-fixtures';

describe('TF-RES-4 LoadBalancerDeletionProtection', () => {
  it('needs deletion protection on prod load balancers', () => {
    const stack = fixtureStack({ aws_lb: { on: { enable_deletion_protection: true }, off: {} }, aws_alb: { var: { enable_deletion_protection: ref('var.p') } } });
    expect(verdicts(LoadBalancerDeletionProtection, stack)).toEqual({ fail: ['aws_lb.off'], unknown: ['aws_alb.var'], pass: ['aws_lb.on'] });
  });

  it('reads string booleans; dev stacks are out of scope', () => {
    const blocks = { aws_lb: { on: { enable_deletion_protection: 'true' }, off: { enable_deletion_protection: 'false' } } };
    expect(verdicts(LoadBalancerDeletionProtection, fixtureStack(blocks))).toEqual({ fail: ['aws_lb.off'], unknown: [], pass: ['aws_lb.on'] });
    expect(verdicts(LoadBalancerDeletionProtection, fixtureStack(blocks, { environment: 'dev' }))).toEqual({ fail: [], unknown: [], pass: [] });
  });
});
