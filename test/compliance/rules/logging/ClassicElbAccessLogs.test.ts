import { ClassicElbAccessLogs } from '../../../../compliance/rules/logging';
import { fixtureStack, ref, verdicts } from '../../../support/rules-fixtures';

const listener = [{ instance_port: 443, instance_protocol: 'tcp', lb_port: 443, lb_protocol: 'tcp' }];

describe('TF-LOG-7 ClassicElbAccessLogs', () => {
  it('needs an access_logs block; enabled defaults to true on a classic ELB', () => {
    const stack = fixtureStack({
      aws_elb: {
        logged: { listener, access_logs: { bucket: 'logs', interval: 5 } },
        logged_array_string: { listener, access_logs: [{ bucket: 'logs', enabled: 'true' }] },
        none: { listener },
        disabled: { listener, access_logs: { bucket: 'logs', enabled: false } },
        disabled_string: { listener, access_logs: [{ bucket: 'logs', enabled: 'false' }] },
        from_var: { listener, access_logs: { bucket: 'logs', enabled: ref('var.on') } },
        computed_block: { listener, access_logs: ref('var.logs') },
      },
    });
    expect(verdicts(ClassicElbAccessLogs, stack)).toEqual({
      fail: ['aws_elb.disabled', 'aws_elb.disabled_string', 'aws_elb.none'],
      unknown: ['aws_elb.computed_block', 'aws_elb.from_var'],
      pass: ['aws_elb.logged', 'aws_elb.logged_array_string'],
    });
  });
});
