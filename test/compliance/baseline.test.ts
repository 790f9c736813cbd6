import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { applyBaseline, createBaseline, parseBaseline, readBaseline, serializeBaseline } from '../../compliance/baseline';
import { gateFailures } from '../../compliance/engine';
import { finding } from './report/support';

describe('baseline', () => {
  const old = finding({ constructPath: 'prod-platform/ci/policy', finding: 'Action::s3:PutObject' });
  const mfa = finding({ ruleId: 'TF-MFA-1', category: 'mfa', address: 'aws_iam_user.alice', finding: undefined });

  it('lets a recorded finding pass while a new violation still fails the gate', () => {
    const baseline = createBaseline([old]);
    const fresh = finding({ constructPath: 'prod-platform/ci/other', address: 'aws_iam_policy.other_9F8E7D6C' });
    const after = applyBaseline([old, fresh], baseline);
    expect(after.map((f) => f.status)).toEqual(['baselined', 'fail']);
    expect(gateFailures(after)).toEqual([fresh]);
  });

  it('matches by construct path, so a re-hashed cdktf address still matches', () => {
    const baseline = createBaseline([old]);
    expect(applyBaseline([{ ...old, address: 'aws_iam_policy.ci_policy_FFFFFFFF' }], baseline)[0]!.status).toBe('baselined');
    expect(applyBaseline([{ ...old, finding: 'Action::s3:DeleteObject' }], baseline)[0]!.status).toBe('fail');
  });

  it('never records or applies invariant rules', () => {
    expect(createBaseline([mfa]).findings).toEqual([]);
    const forged = parseBaseline({ version: 1, findings: [{ ruleId: 'TF-MFA-1', stack: mfa.stack, path: mfa.address }] }, 'test');
    expect(applyBaseline([mfa], forged)[0]!.status).toBe('fail');
  });

  it('writes a sorted, one-entry-per-line file that reads back the same', () => {
    const b = createBaseline([finding({ stack: 'z' }), finding({ stack: 'a' }), finding({ stack: 'a' })]);
    const text = serializeBaseline(b);
    expect(text.split('\n').filter((l) => l.includes('"ruleId"'))).toHaveLength(2);
    expect(text.indexOf('"stack":"a"')).toBeLessThan(text.indexOf('"stack":"z"'));
    expect(parseBaseline(JSON.parse(text), 'test')).toEqual(b);
    expect(serializeBaseline(createBaseline([]))).toBe('{\n  "version": 1,\n  "findings": []\n}\n');
  });

  it('refuses unreadable and malformed files with coded errors', () => {
    const dir = mkdtempSync(join(tmpdir(), 'tenantform-baseline-'));
    try {
      expect(() => readBaseline(join(dir, 'missing.json'))).toThrow(/TF-BSL-001/);
      writeFileSync(join(dir, 'bad.json'), '{"version": 1, "findings": [{"ruleId": 3}]}');
      expect(() => readBaseline(join(dir, 'bad.json'))).toThrow(/TF-BSL-002/);
      writeFileSync(join(dir, 'nojson.json'), 'nope');
      expect(() => readBaseline(join(dir, 'nojson.json'))).toThrow(/TF-BSL-002/);
      expect(() => parseBaseline([], 'test')).toThrow(/TF-BSL-002/);
      expect(() => parseBaseline({ version: 2, findings: [] }, 'test')).toThrow(/TF-BSL-002/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
