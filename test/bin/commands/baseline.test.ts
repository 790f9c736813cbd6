import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const ROOT = join(__dirname, '..', '..', '..');

function cli(...args: string[]): { status: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [require.resolve('tsx/cli'), join(ROOT, 'bin', 'tenantform.ts'), ...args], { encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

const provider = { aws: [{ region: 'eu-west-1', allowed_account_ids: ['222222222222'], default_tags: [{ tags: { environment: 'dev' } }] }] };
const unrotated = (name: string) => ({ [name]: { '//': { metadata: { path: `stack/keys/${name}` } }, enable_key_rotation: false } });
const adminPolicy = { policy: JSON.stringify({ Statement: [{ Effect: 'Allow', Action: '*', Resource: '*' }] }) };

describe('tenantform baseline create and check --baseline', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'tenantform-baseline-cli-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));
  const write = (resource: Record<string, unknown>) => writeFileSync(join(dir, 'main.tf.json'), JSON.stringify({ provider, resource }));

  test('a baselined finding passes, a new violation fails, and the summary counts both', () => {
    write({ aws_kms_key: unrotated('old') });
    const baselineFile = join(dir, '..', `${dir.split('/').pop()}.baseline.json`);
    try {
      expect(cli('check', dir, '--no-progress').status).toBe(1);
      const created = cli('baseline', 'create', dir, '--output', baselineFile, '--no-progress');
      expect(created.status).toBe(0);
      expect(JSON.parse(readFileSync(baselineFile, 'utf8')).findings).toEqual([{ ruleId: 'TF-ENC-13', stack: dir.split('/').pop(), path: 'stack/keys/old' }]);

      const same = cli('check', dir, '--baseline', baselineFile, '--no-progress');
      expect(same.status).toBe(0);
      expect(same.stdout).toMatch(/1 baselined finding\(s\)/);
      expect(same.stdout.trimEnd().split('\n').at(-1)).toMatch(/^PASSED .* 1 baselined$/);

      write({ aws_kms_key: { ...unrotated('old'), ...unrotated('new') } });
      const added = cli('check', dir, '--baseline', baselineFile, '--no-progress', '--quiet');
      expect(added.status).toBe(1);
      expect(added.stdout).toContain('stack/keys/new');
      expect(added.stdout).not.toContain('stack/keys/old');
    } finally {
      rmSync(baselineFile, { force: true });
    }
  });

  test('invariant rules are never recorded', () => {
    writeFileSync(join(dir, 'main.tf.json'), JSON.stringify({ provider: { aws: [{ region: 'eu-west-1' }] }, resource: { aws_iam_policy: { admin: adminPolicy } } }));
    const created = cli('baseline', 'create', dir, '--no-progress');
    expect(created.status).toBe(0);
    const ids = (JSON.parse(created.stdout) as { findings: { ruleId: string }[] }).findings.map((f) => f.ruleId);
    expect(ids).toContain('TF-LP-1');
    expect(ids.filter((id) => id.startsWith('TF-SEP-') || id.startsWith('TF-MFA-'))).toEqual([]);
    expect(cli('check', dir, '--no-progress').stdout).toMatch(/TF-SEP-1/);
  });

  test('a missing or malformed baseline is a usage error, not a pass', () => {
    write({ aws_kms_key: unrotated('old') });
    const missing = cli('check', dir, '--baseline', join(dir, 'nope.json'), '--no-progress');
    expect(missing.status).toBe(2);
    expect(missing.stderr).toContain('[TF-BSL-001]');
    writeFileSync(join(dir, 'bad.json'), '{"version": 1}');
    expect(cli('check', dir, '--baseline', join(dir, 'bad.json'), '--no-progress').status).toBe(2);
  });

  test('--pack cis-aws runs only the CIS rules; --format github annotates', () => {
    write({ aws_kms_key: unrotated('old') });
    const cis = cli('check', dir, '--pack', 'cis-aws', '--format', 'json', '--no-progress');
    const ran = new Set((JSON.parse(cis.stdout) as { findings: { ruleId: string }[] }).findings.map((f) => f.ruleId));
    expect(ran.has('TF-ENC-13')).toBe(true);
    expect(ran.has('TF-SEP-1')).toBe(false);
    const github = cli('check', dir, '--format', 'github', '--no-progress');
    expect(github.status).toBe(1);
    // The file is one line of JSON: the annotation points at the brace that opens the key's block.
    const text = readFileSync(join(dir, 'main.tf.json'), 'utf8');
    const column = text.indexOf('"old":{') + '"old":'.length + 1;
    expect(github.stdout).toMatch(new RegExp(`^::error file=.*main\\.tf\\.json,line=1,col=${column},title=TF-ENC-13 `, 'm'));
  });
});
