import { AlbAccessLogs } from '../../../../compliance/rules/logging';
import { fixtureStack, ref, verdicts } from '../../../support/rules-fixtures';

describe('TF-LOG-3 AlbAccessLogs', () => {
  it('checks application load balancers only; `enabled` defaults to false in the provider, so a bucket alone logs nothing', () => {
    const stack = fixtureStack({
      aws_lb: {
        logged: { access_logs: [{ bucket: 'logs', enabled: true }] },
        bucket_only: { access_logs: [{ bucket: 'logs' }] },
        disabled: { access_logs: [{ bucket: 'logs', enabled: false }] },
        none: { load_balancer_type: 'application' },
        nlb: { load_balancer_type: 'network' },
        from_var: { access_logs: [{ bucket: 'logs', enabled: ref('var.on') }] },
      },
      aws_alb: { legacy: {} },
    });
    expect(verdicts(AlbAccessLogs, stack)).toEqual({
      fail: ['aws_alb.legacy', 'aws_lb.bucket_only', 'aws_lb.disabled', 'aws_lb.none'],
      unknown: ['aws_lb.from_var'],
      pass: ['aws_lb.logged'],
    });
  });

  it('reads object and array block forms and string booleans; a computed block or type is unknown', () => {
    const stack = fixtureStack({
      aws_lb: {
        object_form: { access_logs: { bucket: 'logs', enabled: 'true' } },
        string_false: { access_logs: { bucket: 'logs', enabled: 'false' } },
        enabled_no_bucket: { access_logs: { bucket: '', enabled: true } },
        computed_block: { access_logs: ref('var.logs') },
        computed_type: { load_balancer_type: ref('var.type') },
      },
    });
    expect(verdicts(AlbAccessLogs, stack)).toEqual({
      fail: ['aws_lb.enabled_no_bucket', 'aws_lb.string_false'],
      unknown: ['aws_lb.computed_block', 'aws_lb.computed_type'],
      pass: ['aws_lb.object_form'],
    });
  });
});
