/**
 * Packaging tier: packs tenantform, installs the tarball into a throwaway
 * consumer project outside the repo, compiles a TypeScript app that imports
 * the public entry points, and synthesizes it. Catches a broken exports map,
 * missing files in the tarball, or types that only resolve inside the repo.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const repo = join(__dirname, '..', '..');
const devDeps = (JSON.parse(readFileSync(join(repo, 'package.json'), 'utf8')) as { devDependencies: Record<string, string> }).devDependencies;

function run(cmd: string, args: string[], cwd: string): string {
  return execFileSync(cmd, args, { cwd, encoding: 'utf8', env: { ...process.env, CHECKPOINT_DISABLE: '1' }, stdio: ['ignore', 'pipe', 'pipe'] });
}

const CONSUMER_APP = `
import { App, NetworkStack, Environment, TenantformError } from 'tenantform/stacks';
import { SharedVpc } from 'tenantform/constructs';
import 'tenantform/compliance';

const sandbox: Environment = {
  name: 'sandbox',
  accountId: '333333333333',
  region: 'eu-central-1',
  state: { kind: 's3', bucket: 'consumer-sandbox-tfstate', kmsKeyId: 'alias/consumer-tfstate' },
};

const app = new App({ outdir: process.argv[2] });
const stack = new NetworkStack(app, 'sandbox-network', { environment: sandbox, vpc: { cidrBlock: '10.50.0.0/16', azCount: 2 } });
const vpc: SharedVpc = stack.network;
try {
  new NetworkStack(app, 'bad-network', { environment: { ...sandbox, name: 'other', accountId: '42' }, vpc: { cidrBlock: '10.0.0.0/16' } });
} catch (e) {
  if (!(e instanceof TenantformError)) throw e;
  console.log('coded:' + e.code);
}
app.synth();
console.log('azs:' + vpc.availabilityZones.join(','));
`;

describe('the packed tarball', () => {
  let work: string;
  beforeAll(() => {
    work = mkdtempSync(join(tmpdir(), 'tenantform-consumer-'));
  });
  afterAll(() => rmSync(work, { recursive: true, force: true }));

  test('installs into a fresh project, type-checks with the exports map and synthesizes', () => {
    const packed = JSON.parse(run('npm', ['pack', '--json', '--pack-destination', work], repo)) as { filename: string; files: { path: string }[] }[];
    const files = packed[0]!.files.map((f) => f.path);
    expect(files).toEqual(expect.arrayContaining(['dist/constructs/index.js', 'dist/constructs/index.d.ts', 'dist/stacks/index.d.ts', 'dist/bin/tenantform.js', 'RULES.md', 'README.md', 'dist/compliance/checkov/skip-list.json']));
    expect(files.filter((f) => f.startsWith('test/') || f.startsWith('examples/') || f.endsWith('.ts') && !f.endsWith('.d.ts'))).toEqual([]);

    const consumer = join(work, 'consumer');
    run('mkdir', ['-p', consumer], work);
    writeFileSync(
      join(consumer, 'package.json'),
      JSON.stringify({
        name: 'consumer',
        private: true,
        dependencies: {
          tenantform: `file:${join(work, packed[0]!.filename)}`,
          cdktf: devDeps.cdktf,
          constructs: devDeps.constructs,
          '@cdktf/provider-aws': devDeps['@cdktf/provider-aws'],
        },
        devDependencies: { typescript: devDeps.typescript, '@types/node': devDeps['@types/node'] },
      }),
    );
    // node16 resolution reads the "exports" map, the way current consumers do.
    writeFileSync(
      join(consumer, 'tsconfig.json'),
      JSON.stringify({ compilerOptions: { target: 'ES2022', module: 'node16', moduleResolution: 'node16', strict: true, skipLibCheck: true, types: ['node'] }, files: ['main.ts'] }),
    );
    writeFileSync(join(consumer, 'main.ts'), CONSUMER_APP);
    run('npm', ['install', '--prefer-offline', '--no-audit', '--no-fund', '--ignore-scripts'], consumer);

    run(join(consumer, 'node_modules', '.bin', 'tsc'), ['-p', '.'], consumer);
    const out = join(consumer, 'cdktf.out');
    const printed = run(process.execPath, ['main.js', out], consumer);
    expect(printed).toContain('coded:TF-ENV-001');
    expect(printed).toContain('azs:eu-central-1a,eu-central-1b');

    const stackFile = join(out, 'stacks', 'sandbox-network', 'cdk.tf.json');
    expect(existsSync(stackFile)).toBe(true);
    const json = JSON.parse(readFileSync(stackFile, 'utf8')) as { provider: { aws: { allowed_account_ids: string[] }[] }; resource: Record<string, unknown> };
    expect(json.provider.aws[0]!.allowed_account_ids).toEqual(['333333333333']);
    expect(Object.keys(json.resource)).toEqual(expect.arrayContaining(['aws_vpc', 'aws_subnet', 'aws_flow_log']));

    // One copy of each peer in the consumer: the library must not bundle its own.
    expect(existsSync(join(consumer, 'node_modules', 'tenantform', 'node_modules', 'cdktf'))).toBe(false);
    const cli = join(consumer, 'node_modules', '.bin', 'tenantform');
    expect(run(cli, ['--help'], consumer)).toMatch(/Usage: tenantform/);
    expect(run(cli, ['checkov', '--help'], consumer)).toMatch(/Usage: tenantform checkov/);
    // The shell habit that used to die with an EPIPE stack trace.
    const firstRule = execFileSync('sh', ['-c', `"${cli}" rules | head -1`], { cwd: consumer, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
    expect(firstRule).toMatch(/^TF-MFA-1 /);
    expect(firstRule.trim().split('\n')).toHaveLength(1);
    // The gate from the installed package, on what the consumer synthesized.
    expect(run(cli, ['check', out, '--no-progress'], consumer)).toMatch(/^PASSED 1 stack\(s\)/m);
    // Rule doc links resolve to the RULES.md inside the installed package.
    expect(run(cli, ['check', out, '--format', 'sarif', '--no-progress'], consumer)).toContain(`file://${join(consumer, 'node_modules', 'tenantform', 'RULES.md')}#tf-`);
  });
});
