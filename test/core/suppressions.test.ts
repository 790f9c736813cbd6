import { KmsKey } from '../../core/aws';
import { suppress } from '../../core/suppressions';
import { TenantformStack } from '../../stacks/tenantform-stack';
import { DEV, newApp, synthJson } from '../support/synth';

class KeyStack extends TenantformStack {}

function keyStack() {
  const stack = new KeyStack(newApp(), 'dev-keys', { environment: DEV });
  return { stack, key: new KmsKey(stack, 'key', { enableKeyRotation: true }) };
}

describe('suppress', () => {
  test('writes suppressions into the resource "//" metadata, keeping cdktf metadata', () => {
    const { stack, key } = keyStack();
    suppress(key, 'TF-LP-3', 'key policies address the key itself as "*"');
    suppress(key, 'TF-LP-2', 'kms:Describe* is read-only here', { finding: 'Action::kms:Describe*' });
    const meta = Object.values(synthJson(stack).resource!.aws_kms_key!)[0]!['//'] as Record<string, unknown>;
    expect(meta.metadata).toBeDefined();
    expect(meta.tenantform).toEqual({
      suppressions: [
        { ruleId: 'TF-LP-3', reason: 'key policies address the key itself as "*"' },
        { ruleId: 'TF-LP-2', reason: 'kms:Describe* is read-only here', finding: 'Action::kms:Describe*' },
      ],
    });
  });

  test.each([
    ['TF-MFA-1', 'TF-SUP-002'],
    ['TF-SEP-3', 'TF-SUP-002'],
    ['LP-3', 'TF-SUP-001'],
  ])('refuses %s with %s', (ruleId, code) => {
    const { key } = keyStack();
    expect(() => suppress(key, ruleId, 'a long enough reason')).toThrow(`[${code}]`);
  });

  test('refuses a reason under 10 characters', () => {
    const { key } = keyStack();
    expect(() => suppress(key, 'TF-LP-3', '  too short ')).toThrow(/\[TF-SUP-003\] suppress dev-keys\/key/);
  });
});
