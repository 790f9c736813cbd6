import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { diffSynthOutputs } from '../../../scripts/cdktn/synth-diff';

function stackJson(version: string, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    '//': { metadata: { backend: 'local', stackName: 'prod-network', version }, outputs: {} },
    resource: { aws_vpc: { vpc: { cidr_block: '10.0.0.0/16', tags: { environment: 'prod' } } } },
    ...extra,
  };
}

describe('diffSynthOutputs', () => {
  let dir: string;
  const write = (side: 'cdktf' | 'cdktn', file: string, content: unknown): void => {
    const path = join(dir, side, file);
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, typeof content === 'string' ? content : JSON.stringify(content));
  };
  const diff = () => diffSynthOutputs(join(dir, 'cdktf'), join(dir, 'cdktn'));

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'tenantform-synth-diff-'));
    write('cdktf', 'manifest.json', { version: '0.21.0', stacks: { 'prod-network': { workingDirectory: 'stacks/prod-network' } } });
    write('cdktn', 'manifest.json', { version: '0.24.0', stacks: { 'prod-network': { workingDirectory: 'stacks/prod-network' } } });
    write('cdktf', 'stacks/prod-network/cdk.tf.json', stackJson('0.21.0'));
    write('cdktn', 'stacks/prod-network/cdk.tf.json', stackJson('0.24.0'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  test('GIVEN outputs that differ only in the version stamps THEN there is no difference', () => {
    expect(diff()).toEqual([]);
  });

  test('a changed attribute is reported with its path and both values', () => {
    write('cdktn', 'stacks/prod-network/cdk.tf.json', { ...stackJson('0.24.0'), resource: { aws_vpc: { vpc: { cidr_block: '10.1.0.0/16', tags: { environment: 'prod' } } } } });
    expect(diff()).toEqual([{ file: 'stacks/prod-network/cdk.tf.json', path: '$["resource"]["aws_vpc"]["vpc"]["cidr_block"]', cdktf: '"10.0.0.0/16"', cdktn: '"10.1.0.0/16"' }]);
  });

  test('a field called version anywhere else is compared', () => {
    write('cdktf', 'stacks/prod-network/cdk.tf.json', stackJson('0.21.0', { terraform: { required_providers: { aws: { version: '5.100.0' } } } }));
    write('cdktn', 'stacks/prod-network/cdk.tf.json', stackJson('0.24.0', { terraform: { required_providers: { aws: { version: '6.0.0' } } } }));
    expect(diff().map((d) => d.path)).toEqual(['$["terraform"]["required_providers"]["aws"]["version"]']);
  });

  test('a version stamp dropped on one side is a difference', () => {
    const json = stackJson('0.24.0') as { '//': { metadata: Record<string, unknown> } };
    delete json['//'].metadata.version;
    write('cdktn', 'stacks/prod-network/cdk.tf.json', json);
    expect(diff()).toEqual([{ file: 'stacks/prod-network/cdk.tf.json', path: '$["//"]["metadata"]["version"]', cdktf: '"0.21.0"', cdktn: '(absent)' }]);
  });

  test('a missing stack, an extra file, a changed key order and a changed array are all reported', () => {
    write('cdktf', 'stacks/dev-network/cdk.tf.json', stackJson('0.21.0'));
    write('cdktn', 'stacks/prod-network/assets/x.txt', 'asset');
    write('cdktf', 'stacks/prod-network/cdk.tf.json', stackJson('0.21.0', { a: 1, b: [1, 2] }));
    write('cdktn', 'stacks/prod-network/cdk.tf.json', { b: [1], a: 1, ...stackJson('0.24.0') });
    expect(diff().map((d) => `${d.file} ${d.path}`)).toEqual([
      'stacks/dev-network/cdk.tf.json $',
      'stacks/prod-network/assets/x.txt $',
      'stacks/prod-network/cdk.tf.json $["b"]["1"]',
      'stacks/prod-network/cdk.tf.json $ (key order)',
    ]);
  });

  test('a non-JSON file is compared byte for byte', () => {
    write('cdktf', 'stacks/prod-network/user-data.sh', 'echo a');
    write('cdktn', 'stacks/prod-network/user-data.sh', 'echo b');
    expect(diff().map((d) => d.file)).toEqual(['stacks/prod-network/user-data.sh']);
  });
});

describe('diffSynthOutputs on manifest annotations', () => {
  let dir: string;
  const manifest = (version: string, root: string, message: string) => ({
    version,
    stacks: { 'prod-network': { annotations: [{ level: 'warn', message, stacktrace: [`new Vpc (${root}/constructs/network/shared-vpc.ts:1:1)`] }] } },
  });
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'tenantform-synth-diff-'));
    for (const side of ['cdktf', 'cdktn']) mkdirSync(join(dir, side), { recursive: true });
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  test('stack traces may name different folders, but a changed message or level is a difference', () => {
    writeFileSync(join(dir, 'cdktf', 'manifest.json'), JSON.stringify(manifest('0.21.0', '/work/main', 'no flow logs')));
    writeFileSync(join(dir, 'cdktn', 'manifest.json'), JSON.stringify(manifest('0.24.0', '/tmp/copy', 'no flow logs')));
    expect(diffSynthOutputs(join(dir, 'cdktf'), join(dir, 'cdktn'))).toEqual([]);
    writeFileSync(join(dir, 'cdktn', 'manifest.json'), JSON.stringify(manifest('0.24.0', '/tmp/copy', 'flow logs ok')));
    expect(diffSynthOutputs(join(dir, 'cdktf'), join(dir, 'cdktn')).map((d) => d.path)).toEqual(['$["stacks"]["prod-network"]["annotations"]["0"]["message"]']);
  });

  test('a stack trace field inside a stack file is compared', () => {
    mkdirSync(join(dir, 'cdktf', 'stacks', 's'), { recursive: true });
    mkdirSync(join(dir, 'cdktn', 'stacks', 's'), { recursive: true });
    writeFileSync(join(dir, 'cdktf', 'stacks', 's', 'cdk.tf.json'), JSON.stringify({ stacks: { s: { annotations: [{ stacktrace: ['a'] }] } } }));
    writeFileSync(join(dir, 'cdktn', 'stacks', 's', 'cdk.tf.json'), JSON.stringify({ stacks: { s: { annotations: [{ stacktrace: ['b'] }] } } }));
    expect(diffSynthOutputs(join(dir, 'cdktf'), join(dir, 'cdktn'))).toHaveLength(1);
  });
});
