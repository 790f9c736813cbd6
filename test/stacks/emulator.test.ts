import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { AwsProvider, awsProviderEndpointsToTerraform } from '../../core/aws-stacks';
import { App, Construct, TerraformOutput } from '../../core/cdktf';
import { Environment } from '../../core/environment';
import { TenantformError } from '../../core/errors';
import { EMULATOR_CREDENTIALS, EMULATOR_ENDPOINT_KEYS, EMULATOR_OVERRIDE_FILE, ENDPOINT_ALIASES, pointAtEmulator, writeEmulatorOverride } from '../../stacks/emulator';
import { NetworkStack } from '../../stacks/network-stack';
import { TenantformStack } from '../../stacks/tenantform-stack';
import { DEV, newApp } from '../support/synth';

const ENDPOINT = 'http://127.0.0.1:5000';
const EDGE_DEV: Environment = { ...DEV, additionalRegions: ['us-east-1'] };

/** A stack that reads the network's VPC ID, so cdktf wires a cross-stack remote state. */
class Reader extends TenantformStack {
  constructor(scope: Construct, id: string, environment: Environment, vpcId: string) {
    super(scope, id, { environment });
    new TerraformOutput(this, 'vpc', { value: vpcId });
  }
}

interface StackJson {
  provider: { aws: Record<string, unknown>[] };
  terraform: { backend: Record<string, Record<string, unknown>> };
  data?: { terraform_remote_state?: Record<string, { backend: string; config: Record<string, unknown> }> };
  '//': { tenantform?: { emulator?: { endpoint: string } } };
}

function build(environment: Environment = EDGE_DEV): { app: App; network: NetworkStack } {
  const app = newApp();
  const network = new NetworkStack(app, 'dev-network', { environment, vpc: { cidrBlock: '10.20.0.0/16', azCount: 2 } });
  network.regionalProvider('us-east-1');
  new Reader(app, 'dev-reader', environment, network.network.vpc.id);
  return { app, network };
}

function synthesized(app: App, stack: string): StackJson {
  return JSON.parse(readFileSync(join(app.outdir, 'stacks', stack, 'cdk.tf.json'), 'utf8')) as StackJson;
}

function codeOf(f: () => unknown): string | undefined {
  try {
    f();
  } catch (e) {
    if (e instanceof TenantformError) return e.code;
    throw e;
  }
  return undefined;
}

describe('pointAtEmulator', () => {
  test('points every AWS provider of every stack at the endpoint, with dummy credentials, and keeps region, account pin and tags', () => {
    const { app } = build();
    const target = pointAtEmulator(app, { endpoint: `${ENDPOINT}/`, stateDirectory: 'emulator-state' });
    expect(target.endpoint).toBe(ENDPOINT);
    expect(target.stacks).toEqual(['dev-network', 'dev-reader']);
    app.synth();
    const providers = ['dev-network', 'dev-reader'].flatMap((s) => synthesized(app, s).provider.aws);
    expect(providers.map((p) => p.region)).toEqual(['eu-west-1', 'us-east-1', 'eu-west-1']);
    for (const p of providers) {
      expect(p).toMatchObject({
        access_key: EMULATOR_CREDENTIALS.accessKey,
        secret_key: EMULATOR_CREDENTIALS.secretKey,
        allowed_account_ids: [DEV.accountId],
        skip_credentials_validation: true,
        s3_use_path_style: true,
        max_retries: 5,
        default_tags: [{ tags: expect.objectContaining({ environment: 'dev' }) }],
      });
      // The account pin needs the provider to ask the emulator's STS who it is.
      expect(p.skip_requesting_account_id).toBeUndefined();
      const endpoints = (p.endpoints as Record<string, string>[])[0]!;
      expect(Object.keys(endpoints).sort()).toEqual([...EMULATOR_ENDPOINT_KEYS].sort());
      expect(new Set(Object.values(endpoints))).toEqual(new Set([ENDPOINT]));
    }
  });

  test('covers every service of the provider bindings, one key per service', () => {
    const all = Object.keys(awsProviderEndpointsToTerraform({}));
    const aliases = Object.values(ENDPOINT_ALIASES).flat();
    // A stale table would name keys the bindings no longer have.
    expect([...Object.keys(ENDPOINT_ALIASES), ...aliases].filter((k) => !all.includes(k))).toEqual([]);
    expect(EMULATOR_ENDPOINT_KEYS).toEqual(all.filter((k) => !aliases.includes(k)));
    expect(EMULATOR_ENDPOINT_KEYS).toEqual(expect.arrayContaining(['sts', 's3', 'ec2', 'iam', 'kms', 'rds', 'elasticloadbalancingv2']));
  });

  test('moves state to local files in its own folder, for cross-stack reads too, and marks every stack', () => {
    const { app } = build();
    const { stateDirectory } = pointAtEmulator(app, { endpoint: ENDPOINT, stateDirectory: 'emulator-state' });
    expect(stateDirectory).toBe(join(process.cwd(), 'emulator-state'));
    app.synth();
    const network = synthesized(app, 'dev-network');
    // S3 backend and its S3-native locking override are both gone.
    expect(network.terraform.backend).toEqual({ local: { path: join(stateDirectory, 'dev-network.tfstate') } });
    expect(network['//'].tenantform?.emulator?.endpoint).toBe(ENDPOINT);
    const reader = synthesized(app, 'dev-reader');
    expect(reader.terraform.backend).toEqual({ local: { path: join(stateDirectory, 'dev-reader.tfstate') } });
    expect(Object.values(reader.data?.terraform_remote_state ?? {})).toEqual([
      expect.objectContaining({ backend: 'local', config: { path: join(stateDirectory, 'dev-network.tfstate') } }),
    ]);
  });

  test('defaults the state folder to .tenantform-state/emulator beside the output folder', () => {
    const { app } = build();
    expect(pointAtEmulator(app, { endpoint: ENDPOINT }).stateDirectory).toBe(join(app.outdir, '..', '.tenantform-state', 'emulator'));
  });

  test('leaves every other app alone: the same stacks without the call synthesize exactly as before', () => {
    const stripped = (app: App, stack: string) => {
      const json = synthesized(app, stack) as unknown as Record<string, unknown>;
      return JSON.stringify({ ...json, '//': undefined });
    };
    const before = build().app;
    before.synth();
    const pointed = build().app;
    pointAtEmulator(pointed, { endpoint: ENDPOINT });
    pointed.synth();
    const { app } = build();
    app.synth();
    for (const stack of ['dev-network', 'dev-reader']) expect(stripped(app, stack)).toBe(stripped(before, stack));
    const json = synthesized(app, 'dev-network');
    expect(Object.keys(json.terraform.backend)).toEqual(['s3']);
    expect(json.terraform.backend.s3).toMatchObject({ bucket: 'acme-dev-tfstate', use_lockfile: true });
    for (const p of json.provider.aws) {
      expect(Object.keys(p).filter((k) => /endpoints|access_key|secret_key|skip_/.test(k))).toEqual([]);
    }
    expect(json['//'].tenantform?.emulator).toBeUndefined();
  });

  test.each([
    ['no options', undefined],
    ['no endpoint', {}],
    ['an empty endpoint', { endpoint: '' }],
    ['an unset variable', { endpoint: process.env.TENANTFORM_TEST_UNSET_VARIABLE }],
  ])('refuses %s (TF-EMU-001)', (_, options) => {
    expect(codeOf(() => pointAtEmulator(build().app, options as never))).toBe('TF-EMU-001');
  });

  test.each([
    'localhost:5000',
    '127.0.0.1:5000',
    'ftp://127.0.0.1:5000',
    'http://user:secret@127.0.0.1:5000',
    'http://127.0.0.1:5000/moto',
    'http://127.0.0.1:5000?x=1',
    'https://s3.eu-west-1.amazonaws.com',
    'https://sts.amazonaws.com.',
    'https://EC2.EU-WEST-1.AMAZONAWS.COM',
    'https://sts.cn-north-1.amazonaws.com.cn',
    'https://ec2.eu-west-1.api.aws',
    'not a url',
  ])('refuses the endpoint %s (TF-EMU-002)', (endpoint) => {
    expect(codeOf(() => pointAtEmulator(build().app, { endpoint }))).toBe('TF-EMU-002');
  });

  test('accepts emulators on other hosts (a compose service, LocalStack over TLS)', () => {
    expect(pointAtEmulator(build().app, { endpoint: 'http://moto:5000' }).endpoint).toBe('http://moto:5000');
    expect(pointAtEmulator(build().app, { endpoint: 'https://localhost.localstack.cloud:4566' }).endpoint).toBe('https://localhost.localstack.cloud:4566');
  });

  test('refuses an app with nothing to point at, or no app (TF-EMU-003)', () => {
    expect(codeOf(() => pointAtEmulator(newApp(), { endpoint: ENDPOINT }))).toBe('TF-EMU-003');
    const { network } = build();
    expect(codeOf(() => pointAtEmulator(network as never, { endpoint: ENDPOINT }))).toBe('TF-EMU-003');
  });

  test('stops synth when a stack is added after the call (TF-EMU-004)', () => {
    const { app } = build();
    pointAtEmulator(app, { endpoint: ENDPOINT });
    new NetworkStack(app, 'dev-late', { environment: EDGE_DEV, vpc: { cidrBlock: '10.30.0.0/16', azCount: 2 } });
    expect(() => app.synth()).toThrow(/\[TF-EMU-004\].*"dev-late"/);
  });

  test('stops synth when a provider is added to a pointed stack after the call (TF-EMU-004)', () => {
    const { app, network } = build();
    pointAtEmulator(app, { endpoint: ENDPOINT });
    new AwsProvider(network, 'late', { region: 'eu-west-1', alias: 'late' });
    expect(() => app.synth()).toThrow(/\[TF-EMU-004\].*dev-network\/late/);
  });

  test('is idempotent for the same endpoint and refuses a second one (TF-EMU-005)', () => {
    const { app } = build();
    pointAtEmulator(app, { endpoint: ENDPOINT });
    expect(pointAtEmulator(app, { endpoint: `${ENDPOINT}/` }).endpoint).toBe(ENDPOINT);
    expect(codeOf(() => pointAtEmulator(app, { endpoint: 'http://127.0.0.1:5001' }))).toBe('TF-EMU-005');
    app.synth();
    expect(synthesized(app, 'dev-network').provider.aws[0]!.endpoints).toHaveLength(1);
  });

  test('refuses an empty state folder (TF-EMU-006) and unknown options', () => {
    expect(codeOf(() => pointAtEmulator(build().app, { endpoint: ENDPOINT, stateDirectory: ' ' }))).toBe('TF-EMU-006');
    expect(codeOf(() => pointAtEmulator(build().app, { endpoint: ENDPOINT, region: 'eu-west-1' } as never))).toMatch(/^TF-PRP-/);
    expect(codeOf(() => pointAtEmulator(build().app, { endpoint: 5000 } as never))).toMatch(/^TF-PRP-/);
  });
});

describe('writeEmulatorOverride (output synthesized without pointAtEmulator)', () => {
  const stackDir = (app: App, stack: string) => join(app.outdir, 'stacks', stack);
  const overrideOf = (app: App, stack: string) => JSON.parse(readFileSync(join(stackDir(app, stack), EMULATOR_OVERRIDE_FILE), 'utf8')) as StackJson;

  test('writes the same provider settings, a local backend and local cross-stack reads that follow it', () => {
    const { app } = build({ ...EDGE_DEV, state: { kind: 'local', directory: 'sandbox-state' } });
    app.synth();
    for (const stack of ['dev-network', 'dev-reader']) {
      expect(writeEmulatorOverride(stackDir(app, stack), { endpoint: ENDPOINT, stateDirectory: 'emu' })).toBe(join(stackDir(app, stack), EMULATOR_OVERRIDE_FILE));
    }
    const network = overrideOf(app, 'dev-network');
    expect(network.provider.aws.map((p) => p.alias)).toEqual([undefined, 'us-east-1']);
    for (const p of network.provider.aws) {
      expect(p).toMatchObject({ access_key: EMULATOR_CREDENTIALS.accessKey, skip_credentials_validation: true, s3_use_path_style: true });
      expect(Object.keys((p.endpoints as Record<string, string>[])[0]!).sort()).toEqual([...EMULATOR_ENDPOINT_KEYS].sort());
      // The override names only what it changes: region and account pin come from the stack's own block.
      expect(p.allowed_account_ids).toBeUndefined();
    }
    expect(network.terraform.backend).toEqual({ local: { path: join(process.cwd(), 'emu', 'dev-network.tfstate') } });
    expect(overrideOf(app, 'dev-reader').data?.terraform_remote_state).toEqual({
      'cross-stack-reference-input-dev-network': { backend: 'local', config: { path: join(process.cwd(), 'emu', 'dev-network.tfstate') } },
    });
    // The synthesized file itself is untouched.
    expect(synthesized(app, 'dev-network').terraform.backend).toEqual({ local: { path: join(process.cwd(), 'sandbox-state', 'dev-network.tfstate') } });
  });

  test('refuses cross-stack reads from S3 (TF-EMU-007), a folder without a stack (TF-EMU-003) and a missing endpoint (TF-EMU-001)', () => {
    const { app } = build();
    app.synth();
    expect(codeOf(() => writeEmulatorOverride(stackDir(app, 'dev-reader'), { endpoint: ENDPOINT }))).toBe('TF-EMU-007');
    expect(codeOf(() => writeEmulatorOverride(app.outdir, { endpoint: ENDPOINT }))).toBe('TF-EMU-003');
    expect(codeOf(() => writeEmulatorOverride(stackDir(app, 'dev-network'), { endpoint: '' }))).toBe('TF-EMU-001');
    expect(codeOf(() => writeEmulatorOverride(stackDir(app, 'dev-network'), { endpoint: 'https://sts.amazonaws.com' }))).toBe('TF-EMU-002');
  });
});
