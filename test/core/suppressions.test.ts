import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { KmsKey } from '../../core/aws';
import { RULE_IDS } from '../../core/rule-ids';
import { isAcceptableReason, suppress } from '../../core/suppressions';
import { checkStacks } from '../../compliance/engine';
import { allRules } from '../../compliance/rules';
import { fixtureStack } from '../compliance/support/compliance-fixtures';
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
    ['TF-LP-999', 'TF-SUP-001'],
    ['TF-XYZ-1', 'TF-SUP-001'],
    ['tf-lp-3', 'TF-SUP-001'],
  ])('refuses %s with %s', (ruleId, code) => {
    const { key } = keyStack();
    expect(() => suppress(key, ruleId, 'a long enough reason')).toThrow(`[${code}]`);
  });

  test('refuses a reason under 10 characters', () => {
    const { key } = keyStack();
    expect(() => suppress(key, 'TF-LP-3', '  too short ')).toThrow(/\[TF-SUP-003\] suppress dev-keys\/key/);
  });

  test('accepts checkov check IDs, which the catalogue does not hold', () => {
    const { key } = keyStack();
    expect(() => suppress(key, 'CKV_AWS_7', 'rotation is handled by the external key store here')).not.toThrow();
    expect(() => suppress(key, 'CKV2_AWS_64', 'the key policy is the default account delegation')).not.toThrow();
  });

  const FILLER = ['aaaaaaaaaa', '..........', 'xxxxxxxxxx', '1234567890', 'TODO TODO!', 'FIXME later', 'n/a n/a n/a n/a', 'TBD TBD TBD TBD', 'x x x x x x x x', 'reason reason reason'];

  test.each(FILLER)('refuses the filler reason %j', (reason) => {
    const { key } = keyStack();
    expect(() => suppress(key, 'TF-LP-3', reason)).toThrow(/\[TF-SUP-003\]/);
  });
});

describe('isAcceptableReason, shared by suppress() and the engine', () => {
  test.each(['key policies address the key itself as "*"', 'kms:Describe* is read-only here', 'ALB access log delivery supports only SSE-S3 (AES256)', 'log stream names are generated at run time'])('accepts %j', (reason) => {
    expect(isAcceptableReason(reason)).toBe(true);
  });

  test.each([...['aaaaaaaaaa', '..........', 'xxxxxxxxxx', '1234567890', 'TODO TODO!'], '   short   ', 42, undefined])('refuses %j', (reason) => {
    expect(isAcceptableReason(reason)).toBe(false);
  });

  test('the engine ignores a hand-written suppression whose reason is filler, and honours a real one', () => {
    const openTrust = JSON.stringify({ Statement: [{ Effect: 'Allow', Action: 'logs:PutLogEvents', Resource: '*' }] });
    const policy = (reason: string) => ({ policy: openTrust, '//': { tenantform: { suppressions: [{ ruleId: 'TF-LP-3', reason }] } } });
    const stack = fixtureStack({ resource: { aws_iam_policy: { filler: policy('aaaaaaaaaa'), todo: policy('TODO TODO!'), real: policy('log stream names are generated at run time') } } });
    const findings = checkStacks([stack], allRules.filter((r) => r.meta.id === 'TF-LP-3'));
    const status = Object.fromEntries(findings.map((f) => [f.address, f.status]));
    expect(status).toEqual({ 'aws_iam_policy.filler': 'fail', 'aws_iam_policy.todo': 'fail', 'aws_iam_policy.real': 'suppressed' });
    expect(findings.find((f) => f.address === 'aws_iam_policy.filler')!.message).toMatch(/suppression ignored: its reason explains nothing/);
  });
});

describe('rule IDs as data (core/rule-ids.ts)', () => {
  test('equal the catalogue (run `npm run rules:doc` when this fails)', () => {
    expect([...RULE_IDS].sort()).toEqual(allRules.map((r) => r.meta.id).sort());
  });

  test('core imports nothing from compliance, so suppress() never loads the rules', () => {
    const dir = join(__dirname, '..', '..', 'core');
    const offenders = readdirSync(dir).filter((f) => f.endsWith('.ts') && /from '\.\.\/compliance/.test(readFileSync(join(dir, f), 'utf8')));
    expect(offenders).toEqual([]);
  });
});
