import { CustomerDataWhereAllowed } from '../../../../compliance/rules/account-separation/CustomerDataWhereAllowed';
import { awsProvider, byStatus, fixtureStack, runRule } from '../../support/compliance-fixtures';

const resource = {
  aws_ebs_volume: {
    customer: { size: 10, tags: { 'tenantform:data-class': 'customer' } },
    synthetic: { size: 10, tags: { 'tenantform:data-class': 'synthetic' } },
    untagged: { size: 10 },
    var_class: { size: 10, tags: { 'tenantform:data-class': '${var.class}' } },
  },
};

describe('TF-SEP-4 customer data only where allowed', () => {
  test('GIVEN an environment that allows customer data THEN customer volumes pass', () => {
    const stack = fixtureStack({ provider: awsProvider('111111111111', 'prod', { 'tenantform:customer-data': 'true' }), resource });
    expect(byStatus(runRule(CustomerDataWhereAllowed, stack))).toEqual({ fail: [], unknown: ['aws_ebs_volume.var_class'], suppressed: [], pass: ['aws_ebs_volume.customer', 'aws_ebs_volume.synthetic'] });
  });

  test.each([
    ['false', { 'tenantform:customer-data': 'false' }],
    ['missing', {}],
  ])('GIVEN the customer-data tag is %s THEN customer volumes fail', (_n, extra) => {
    const stack = fixtureStack({ provider: awsProvider('222222222222', 'dev', extra), resource });
    expect(byStatus(runRule(CustomerDataWhereAllowed, stack))).toEqual({ fail: ['aws_ebs_volume.customer'], unknown: ['aws_ebs_volume.var_class'], suppressed: [], pass: ['aws_ebs_volume.synthetic'] });
  });

  test('tags that cannot be resolved at all are unknown', () => {
    const stack = fixtureStack({ resource: { aws_ebs_volume: { v: { size: 1, tags: '${var.tags}' } } } });
    expect(byStatus(runRule(CustomerDataWhereAllowed, stack)).unknown).toEqual(['aws_ebs_volume.v']);
  });
});
