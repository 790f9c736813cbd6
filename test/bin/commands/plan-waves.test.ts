import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fleet, writeOutdir } from '../../stacks/waves/support';

const ROOT = join(__dirname, '..', '..', '..');

function cli(...args: string[]): { status: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [require.resolve('tsx/cli'), join(ROOT, 'bin', 'tenantform.ts'), ...args], { encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('tenantform plan-waves', () => {
  let root: string;
  let base: string;
  let head: string;
  beforeAll(() => {
    root = mkdtempSync(join(tmpdir(), 'tenantform-waves-cli-'));
    base = writeOutdir(join(root, 'base'), fleet(['a']));
    head = writeOutdir(join(root, 'head'), fleet(['a', 'b'], { 'dev-platform': { deps: ['dev-network'], json: { resource: { aws_lb: { a: { name: 'x' } } }, output: { alb: { value: '${aws_lb.a.arn}' } } } } }));
  });
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  test('prints the waves as JSON', () => {
    const r = cli('plan-waves', '--base', base, '--head', head);
    expect(r.status).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ changed: ['dev-platform', 'dev-tenant-b'], waves: [['dev-platform'], ['dev-tenant-b']], waveCount: 2 });
  });

  test('prints one wave as a GitHub Actions matrix, and an empty one past the last', () => {
    expect(JSON.parse(cli('plan-waves', '--base', base, '--head', head, '--format', 'matrix', '--wave', '2').stdout)).toEqual({ include: [{ stack: 'dev-tenant-b' }] });
    expect(JSON.parse(cli('plan-waves', '--base', base, '--head', head, '--format', 'matrix', '--wave', '7').stdout)).toEqual({ include: [] });
  });

  test('usage errors exit 2 with a coded message, no stack trace', () => {
    const noWave = cli('plan-waves', '--base', base, '--head', head, '--format', 'matrix');
    expect(noWave.status).toBe(2);
    expect(noWave.stderr).toContain('[TF-WAV-004]');
    const missing = cli('plan-waves', '--base', join(root, 'none'), '--head', head);
    expect(missing.status).toBe(2);
    expect(missing.stderr).toMatch(/\[TF-WAV-001\]/);
    expect(missing.stderr).not.toMatch(/\n\s+at /);
  });
});
