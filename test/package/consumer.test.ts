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
import { FROZEN_LOCK_ENV } from '../../stacks/tenant-fleet';

const repo = join(__dirname, '..', '..');
const devDeps = (JSON.parse(readFileSync(join(repo, 'package.json'), 'utf8')) as { devDependencies: Record<string, string> }).devDependencies;

/**
 * The consumer's environment: a developer's machine, so the frozen-lock mode
 * this repository's CI sets (TENANTFORM_FROZEN_LOCK) must not reach the
 * consumer's first synth, which writes its lock.
 */
function consumerEnv(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, CHECKPOINT_DISABLE: '1' };
  delete env[FROZEN_LOCK_ENV];
  return env;
}

function run(cmd: string, args: string[], cwd: string): string {
  return execFileSync(cmd, args, { cwd, encoding: 'utf8', env: consumerEnv(), stdio: ['ignore', 'pipe', 'pipe'] });
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

/**
 * The fleet as a new project writes it: two environments in separate
 * accounts, three tenants (one per engine). `ok` synthesizes; `typo` adds a
 * tenant and mistypes dev's domain, which must be refused with a coded
 * error before the lock changes.
 */
const FLEET_APP = `
import * as path from 'node:path';
import { App, Environment, TenantFleet, TenantformError } from 'tenantform/stacks';

const [outdir, variant] = process.argv.slice(2);
const environment = (name: string, accountId: string): Environment => ({
  name,
  accountId,
  region: 'eu-central-1',
  additionalRegions: ['us-east-1'],
  state: { kind: 's3', bucket: 'consumer-' + name + '-tfstate', kmsKeyId: 'alias/consumer-' + name + '-tfstate' },
});
const prod = environment('prod', '444444444444');
const dev = environment('dev', '555555555555');
const engines = (e: Environment) => ({ 'ec2-ebs': { image: e.accountId + '.dkr.ecr.' + e.region + '.amazonaws.com/consumer/db:1.0.0' } });

const tenants = [
  { id: 'alpha', tier: 'premium' as const },
  { id: 'bravo', tier: 'standard' as const, engine: 'rds-postgres' as const },
  { id: 'charlie', tier: 'free' as const, engine: 'aurora-postgres-serverless-v2' as const },
  ...(variant === 'typo' ? [{ id: 'delta', tier: 'standard' as const }] : []),
];

const app = new App({ outdir });
try {
  const fleet = new TenantFleet(app, {
    tenants,
    lockFile: path.join(__dirname, 'tenants.lock.json'),
    environments: [
      { environment: prod, vpc: { cidrBlock: '10.60.0.0/16' }, domain: 'consumer.example', engines: engines(prod) },
      { environment: dev, vpc: { cidrBlock: '10.61.0.0/16' }, domain: variant === 'typo' ? 'dev..consumer.example' : 'dev.consumer.example', engines: engines(dev) },
    ],
  });
  console.log('lock-changed:' + fleet.lockChanged);
} catch (e) {
  if (!(e instanceof TenantformError)) throw e;
  console.log('coded:' + e.code);
  process.exit(3);
}
app.synth();
`;

describe('the packed tarball', () => {
  let work: string;
  /** The installed and compiled consumer project, once the first test has built it. */
  let installed: string | undefined;
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
      JSON.stringify({ compilerOptions: { target: 'ES2022', module: 'node16', moduleResolution: 'node16', strict: true, skipLibCheck: true, types: ['node'] }, files: ['main.ts', 'fleet.ts'] }),
    );
    writeFileSync(join(consumer, 'main.ts'), CONSUMER_APP);
    writeFileSync(join(consumer, 'fleet.ts'), FLEET_APP);
    run('npm', ['install', '--prefer-offline', '--no-audit', '--no-fund', '--ignore-scripts'], consumer);

    run(join(consumer, 'node_modules', '.bin', 'tsc'), ['-p', '.'], consumer);
    installed = consumer;
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

  test('a fleet of two environments and three tenants (one per engine) synthesizes and passes the installed gate; a typo is refused with the lock unchanged', () => {
    expect(installed).toBeDefined();
    const consumer = installed as string;
    const cli = join(consumer, 'node_modules', '.bin', 'tenantform');
    const lockFile = join(consumer, 'tenants.lock.json');
    const out = join(consumer, 'fleet.out');

    expect(run(process.execPath, ['fleet.js', out, 'ok'], consumer)).toContain('lock-changed:true');
    const stacks = Object.keys((JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8')) as { stacks: Record<string, unknown> }).stacks).sort();
    expect(stacks).toEqual(['dev', 'prod'].flatMap((e) => [`${e}-network`, `${e}-platform`, `${e}-tenant-alpha`, `${e}-tenant-bravo`, `${e}-tenant-charlie`]).sort());
    // Only the ec2-ebs tenant takes an ALB slot.
    const lock = readFileSync(lockFile, 'utf8');
    expect((JSON.parse(lock) as { placements: { id: string }[] }).placements.map((p) => p.id)).toEqual(['alpha']);
    // Non-production holds no customer data, so the fleet declared dev's tenants synthetic.
    const dataClass = (stack: string) => [...new Set([...readFileSync(join(out, 'stacks', stack, 'cdk.tf.json'), 'utf8').matchAll(/"tenantform:data-class": "([a-z-]+)"/g)].map((m) => m[1]))];
    expect(dataClass('dev-tenant-bravo')).toEqual(['synthetic']);
    expect(dataClass('prod-tenant-bravo')).not.toContain('synthetic');
    expect(run(cli, ['check', out, '--no-progress'], consumer)).toMatch(/^PASSED 10 stack\(s\)/m);

    // A new tenant and a mistyped domain in the same change: refused before the lock is written.
    let refused: { status: number | null; stdout: string } | undefined;
    try {
      run(process.execPath, ['fleet.js', join(consumer, 'typo.out'), 'typo'], consumer);
    } catch (e) {
      refused = e as { status: number | null; stdout: string };
    }
    expect(refused?.status).toBe(3);
    expect(refused?.stdout.trim()).toBe('coded:TF-PLT-001');
    expect(readFileSync(lockFile, 'utf8')).toBe(lock);
    expect(existsSync(join(consumer, 'typo.out', 'manifest.json'))).toBe(false);
  });
});
