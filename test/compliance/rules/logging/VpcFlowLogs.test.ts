import { VpcFlowLogs } from '../../../../compliance/rules/logging';
import { fixtureStack, ref, verdicts } from '../../../support/rules-fixtures';

describe('TF-LOG-1 VpcFlowLogs', () => {
  it('needs a flow log per VPC; an unresolvable one makes the rest unknown', () => {
    expect(verdicts(VpcFlowLogs, fixtureStack({ aws_vpc: { logged: {}, dark: {} }, aws_flow_log: { f: { vpc_id: ref('aws_vpc.logged.id'), traffic_type: 'ALL' } } }))).toEqual({ fail: ['aws_vpc.dark'], unknown: [], pass: ['aws_vpc.logged'] });
    expect(verdicts(VpcFlowLogs, fixtureStack({ aws_vpc: { v: {} }, aws_flow_log: { f: { vpc_id: ref('var.vpc') } } }))).toEqual({ fail: [], unknown: ['aws_vpc.v'], pass: [] });
  });

  it('Noncompliance: accepted-only traffic records no rejected probes; an unresolved traffic type is unknown', () => {
    const stack = fixtureStack({
      aws_vpc: { accept_only: {}, reject_only: {}, typed_by_var: {} },
      aws_flow_log: {
        a: { vpc_id: ref('aws_vpc.accept_only.id'), traffic_type: 'ACCEPT' },
        r: { vpc_id: ref('aws_vpc.reject_only.id'), traffic_type: 'REJECT' },
        v: { vpc_id: ref('aws_vpc.typed_by_var.id'), traffic_type: ref('var.traffic') },
      },
    });
    expect(verdicts(VpcFlowLogs, stack)).toEqual({ fail: ['aws_vpc.accept_only'], unknown: ['aws_vpc.typed_by_var'], pass: ['aws_vpc.reject_only'] });
  });

  it('Noncompliance: a flow log whose vpc_id chooses between two VPCs covers neither for sure', () => {
    const stack = fixtureStack({
      aws_vpc: { a: {}, b: {} },
      aws_flow_log: { f: { vpc_id: ref('var.pick ? aws_vpc.a.id : aws_vpc.b.id'), traffic_type: 'ALL' } },
    });
    expect(verdicts(VpcFlowLogs, stack)).toEqual({ fail: [], unknown: ['aws_vpc.a', 'aws_vpc.b'], pass: [] });
  });
});
