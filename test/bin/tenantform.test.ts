import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { endQuietlyOnClosedPipe } from '../../bin/tenantform';

const ROOT = join(__dirname, '..', '..');
const FIXTURES = join(ROOT, 'test', 'compliance', 'fixtures');

/** Spawns the real CLI the way a user runs it. */
function cli(...args: string[]): { status: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [require.resolve('tsx/cli'), join(ROOT, 'bin', 'tenantform.ts'), ...args], { encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '' } });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('tenantform check', () => {
  test('exit 0 on a clean stack, with a PASSED summary', () => {
    const r = cli('check', join(FIXTURES, 'clean'));
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^PASSED 1 stack\(s\), \d+ rule\(s\)/m);
    expect(r.stdout).not.toContain('\u001b[');
  });

  test('exit 1 on failures; json lists findings with the contract fields and the suppression', () => {
    const r = cli('check', join(FIXTURES, 'failing'), '--format', 'json');
    expect(r.status).toBe(1);
    const report = JSON.parse(r.stdout) as { tool: { name: string }; summary: { failed: boolean }; findings: Array<Record<string, unknown>> };
    expect(report.tool.name).toBe('tenantform');
    expect(report.summary.failed).toBe(true);
    const notPassing = report.findings.filter((f) => f.status !== 'pass').map((f) => `${f.status} ${f.ruleId} ${f.address}${f.finding ? `#${f.finding}` : ''}`);
    expect(notPassing).toEqual(
      expect.arrayContaining(['fail TF-LP-1 aws_iam_policy.admin#Action::*', 'fail TF-LP-3 aws_iam_policy.admin#Action::*', 'suppressed TF-LP-3 aws_iam_policy.queue#Action::sqs:SendMessage']),
    );
    expect(Object.keys(report.findings[0]!).sort()).toEqual(expect.arrayContaining(['address', 'category', 'level', 'message', 'remediation', 'ruleId', 'stack', 'status', 'title']));
  });

  test('--fail-on decides whether warning-level failures fail the gate', () => {
    expect(cli('check', join(FIXTURES, 'warning-only.tf.json')).status).toBe(0);
    expect(cli('check', join(FIXTURES, 'warning-only.tf.json'), '--fail-on', 'warning').status).toBe(1);
  });

  test('exit 2 for usage errors and unreadable input', () => {
    expect(cli('check', '--format', 'yaml').status).toBe(2);
    expect(cli('check', join(FIXTURES, 'missing-dir')).stderr).toContain('[TF-CHK-001]');
    const broken = cli('check', join(FIXTURES, 'broken'));
    expect(broken.status).toBe(2);
    expect(broken.stderr).toContain('[TF-CHK-002]');
    expect(cli('frobnicate').status).toBe(2);
  });

  test('--output writes the report to a file; sarif and junit render', () => {
    const dir = mkdtempSync(join(tmpdir(), 'tenantform-cli-'));
    try {
      const sarif = cli('check', join(FIXTURES, 'failing'), '--format', 'sarif', '--output', join(dir, 'out.sarif'));
      expect(sarif.status).toBe(1);
      expect(sarif.stdout).toBe('');
      expect(JSON.parse(readFileSync(join(dir, 'out.sarif'), 'utf8')).version).toBe('2.1.0');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
    const junit = cli('check', join(FIXTURES, 'failing'), '--format', 'junit');
    expect(junit.stdout).toMatch(/^<\?xml version="1.0" encoding="UTF-8"\?>\n<testsuites name="tenantform"/);
    expect(junit.stdout).toContain('<failure type="fail"');
    expect(junit.stdout).toContain('<skipped message="suppressed: fixture: documented exception for the test"/>');
  });
});

describe('tenantform check --plan', () => {
  const PLANS = join(FIXTURES, 'plan');

  test('exit 1 on a plan whose child module fails a rule, judged at the module address', () => {
    const r = cli('check', '--plan', join(PLANS, 'child-module.json'), '--format', 'json');
    expect(r.status).toBe(1);
    const report = JSON.parse(r.stdout) as { findings: Array<{ status: string; ruleId: string; address: string; stack: string }> };
    expect(report.findings.filter((f) => f.status === 'fail' && f.ruleId === 'TF-ENC-13').map((f) => f.address).sort()).toEqual([
      'module.store.aws_kms_key.k',
      'module.store.module.inner.aws_kms_key.deep',
    ]);
    expect(report.findings[0]!.stack).toBe('child-module');
  });

  test('suppressions come from the stack JSON beside the plan, or named with --config', () => {
    const beside = cli('check', '--plan', join(PLANS, 'suppressed', 'plan.json'), '--format', 'json');
    const statuses = (out: string) =>
      (JSON.parse(out) as { findings: Array<{ status: string; ruleId: string; address: string }> }).findings.filter((f) => f.ruleId === 'TF-ENC-13').map((f) => `${f.status} ${f.address}`).sort();
    expect(statuses(beside.stdout)).toEqual(['fail aws_kms_key.plain', 'suppressed aws_kms_key.imported']);
    const named = cli('check', '--plan', join(PLANS, 'suppressed', 'plan.json'), '--config', join(PLANS, 'suppressed'), '--format', 'json');
    expect(statuses(named.stdout)).toEqual(['fail aws_kms_key.plain', 'suppressed aws_kms_key.imported']);
  });

  test('exit 2 with a coded message, no stack trace, for input that is not a plan', () => {
    const state = cli('check', '--plan', join(PLANS, 'state-not-plan.json'));
    expect(state.status).toBe(2);
    expect(state.stderr).toContain('[TF-CHK-020]');
    expect(state.stderr).not.toMatch(/\n\s+at /);
    // Synthesized JSON is not a plan either.
    expect(cli('check', '--plan', join(PLANS, 'suppressed', 'cdk.tf.json')).stderr).toContain('[TF-CHK-020]');
    expect(cli('check', '--plan', join(PLANS, 'child-module.json'), '--config', join(PLANS, 'suppressed')).stderr).toContain('[TF-CHK-021]');
    expect(cli('check', '--config', join(PLANS, 'suppressed')).status).toBe(2);
  });
});

describe('tenantform rules', () => {
  test('lists every rule, one per line', () => {
    const r = cli('rules');
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^TF-MFA-1 +error +mfa +Ensure .* \(invariant\)( +\[CIS [^\]]+\])?$/m);
    expect(r.stdout).toMatch(/^TF-LP-2 +warning +least-privilege +Ensure /m);
  });

  test('--pack cis-aws lists only rules with a CIS reference; an unknown pack is a usage error', () => {
    const r = cli('rules', '--pack', 'cis-aws');
    expect(r.status).toBe(0);
    const lines = r.stdout.trim().split('\n');
    expect(lines.length).toBeGreaterThan(0);
    expect(lines.every((l) => /\[CIS AWS [^\]]+\]$/.test(l))).toBe(true);
    const bad = cli('rules', '--pack', 'nope');
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain('[TF-PCK-001]');
  });

  test('a reader that closes the pipe early ends the process quietly; other stream errors still surface', () => {
    // A real `| head` only raises EPIPE once the output outgrows the pipe buffer, so drive the handler directly.
    const stream = new PassThrough() as unknown as NodeJS.WriteStream;
    const exits: number[] = [];
    endQuietlyOnClosedPipe(stream, (code) => exits.push(code));
    stream.emit('error', Object.assign(new Error('write EPIPE'), { code: 'EPIPE' }));
    expect(exits).toEqual([0]);
    expect(() => stream.emit('error', Object.assign(new Error('disk full'), { code: 'ENOSPC' }))).toThrow('disk full');
  });
});
