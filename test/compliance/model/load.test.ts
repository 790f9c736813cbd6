import { symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { TenantformError } from '../../../core/errors';
import { discoverStacks, loadConfig, loadStack, loadStacks } from '../../../compliance/model/load';
import { errorCode, tempFolders } from '../fixtures/temp-folder';

const temp = tempFolders('load');
afterAll(() => temp.cleanup());

const key = (name: string, rotation: boolean) => ({ resource: { aws_kms_key: { [name]: { enable_key_rotation: rotation } } } });
const rotation = (dir: string, name = 'k') => loadConfig(discoverStacks([dir])[0]!).resource!.aws_kms_key![name]!.enable_key_rotation;

function cdktfOut(stacks: Record<string, Record<string, unknown>>): string {
  const files: Record<string, unknown> = {};
  const manifest: Record<string, unknown> = {};
  for (const [name, stackFiles] of Object.entries(stacks)) {
    manifest[name] = { name, synthesizedStackPath: `stacks/${name}/cdk.tf.json` };
    for (const [f, content] of Object.entries(stackFiles)) files[`stacks/${name}/${f}`] = content;
  }
  return temp.folder({ 'manifest.json': { version: '0.21.0', stacks: manifest }, ...files });
}

describe('discoverStacks', () => {
  it('reads every *.tf.json file of a folder as one stack, primaries then overrides', () => {
    const dir = temp.folder({ 'main.tf.json': key('a', true), 'extra.tf.json': key('b', false), 'a_override.tf.json': key('a', false) });
    const [stack, ...rest] = discoverStacks([dir]);
    expect(rest).toEqual([]);
    expect(stack!.files).toEqual([join(dir, 'extra.tf.json'), join(dir, 'main.tf.json'), join(dir, 'a_override.tf.json')]);
  });

  it('reads the whole folder of each stack a cdktf manifest lists, not only cdk.tf.json', () => {
    const dir = cdktfOut({ dev: { 'cdk.tf.json': key('a', true), 'extra.tf.json': key('b', false) }, prod: { 'cdk.tf.json': key('c', true) } });
    const stacks = discoverStacks([dir]);
    expect(stacks.map((s) => s.name)).toEqual(['dev', 'prod']);
    expect(stacks[0]!.files).toEqual([join(dir, 'stacks/dev/cdk.tf.json'), join(dir, 'stacks/dev/extra.tf.json')]);
  });

  it('reads the stack folders under stacks/ when the manifest is missing', () => {
    const dir = temp.folder({ 'stacks/a/cdk.tf.json': key('a', true), 'stacks/b/main.tf.json': key('b', true), 'stacks/empty/readme.md': 'x' });
    expect(discoverStacks([dir]).map((s) => s.name)).toEqual(['a', 'b']);
  });

  it('reads a named *.tf.json file as one stack', () => {
    const dir = temp.folder({ 'one.tf.json': key('a', true), 'two.tf.json': key('b', true) });
    expect(discoverStacks([join(dir, 'one.tf.json')])).toEqual([{ name: 'one', files: [join(dir, 'one.tf.json')] }]);
  });

  it.each([
    ['a file with an override beside it', 'main.tf.json'],
    ['an override file named on its own', 'override.tf.json'],
  ])('refuses %s: Terraform would merge them, so the file alone is not what it applies (TF-CHK-015)', (_what, named) => {
    const dir = temp.folder({ 'main.tf.json': key('k', true), 'override.tf.json': key('k', false) });
    expect(errorCode(() => discoverStacks([join(dir, named)]))).toBe('TF-CHK-015');
  });

  describe('refuses input it cannot read in full', () => {
    it('a path that does not exist (TF-CHK-001)', () => {
      expect(errorCode(() => discoverStacks([join(temp.folder({}), 'nope')]))).toBe('TF-CHK-001');
    });

    it('a named file that is not *.tf.json (TF-CHK-004)', () => {
      const dir = temp.folder({ 'main.tf': 'resource "aws_kms_key" "k" {}', 'x.json': {} });
      expect(errorCode(() => discoverStacks([join(dir, 'main.tf')]))).toBe('TF-CHK-004');
      expect(errorCode(() => discoverStacks([join(dir, 'x.json')]))).toBe('TF-CHK-004');
    });

    it.each([
      ['an empty folder', {}],
      ['a folder of other files', { 'README.md': 'x', 'sub/main.tf.json': {} }],
      ['a stacks/ folder with no stack in it', { 'stacks/a/readme.md': 'x' }],
      ['a manifest with no stacks', { 'manifest.json': { stacks: {} } }],
    ])('%s yields zero stacks (TF-CHK-005)', (_what, files) => {
      expect(errorCode(() => discoverStacks([temp.folder(files)]))).toBe('TF-CHK-005');
    });

    it.each([
      ['no stacks object', { version: '0.21.0' }],
      ['stacks as an array', { stacks: [] }],
      ['a stack entry that is not an object', { stacks: { a: 'stacks/a/cdk.tf.json' } }],
    ])('a manifest with %s (TF-CHK-006)', (_what, manifest) => {
      expect(errorCode(() => discoverStacks([temp.folder({ 'manifest.json': manifest })]))).toBe('TF-CHK-006');
    });

    it('a manifest that is not JSON (TF-CHK-002)', () => {
      expect(errorCode(() => discoverStacks([temp.folder({ 'manifest.json': '{"stacks": ' })]))).toBe('TF-CHK-002');
    });

    it('a manifest stack whose file is missing (TF-CHK-003)', () => {
      expect(errorCode(() => discoverStacks([temp.folder({ 'manifest.json': { stacks: { a: { synthesizedStackPath: 'stacks/a/cdk.tf.json' } } } })]))).toBe('TF-CHK-003');
    });

    it('a folder with an HCL file beside the JSON, pointing to plan mode (TF-CHK-007)', () => {
      const dir = temp.folder({ 'main.tf.json': key('a', true), 'network.tf': 'resource "aws_kms_key" "b" {\n  enable_key_rotation = false\n}\n' });
      let error: unknown;
      try {
        discoverStacks([dir]);
      } catch (e) {
        error = e;
      }
      expect((error as TenantformError).code).toBe('TF-CHK-007');
      expect((error as TenantformError).message).toContain('tenantform check --plan');
      expect((error as TenantformError).value).toEqual([join(dir, 'network.tf')]);
    });

    it('an HCL override file beside the JSON (TF-CHK-007)', () => {
      expect(errorCode(() => discoverStacks([temp.folder({ 'main.tf.json': key('a', true), 'override.tf': '' })]))).toBe('TF-CHK-007');
    });

    it('an HCL file in a stack folder of a cdktf manifest (TF-CHK-007)', () => {
      expect(errorCode(() => discoverStacks([cdktfOut({ dev: { 'cdk.tf.json': key('a', true), 'extra.tf': '' } })]))).toBe('TF-CHK-007');
    });

    it('a broken symlink among the files (TF-CHK-003)', () => {
      const dir = temp.folder({ 'main.tf.json': key('a', true) });
      symlinkSync(join(dir, 'gone.json'), join(dir, 'extra.tf.json'));
      expect(errorCode(() => discoverStacks([dir]))).toBe('TF-CHK-003');
    });
  });
});

describe('loadConfig and loadStack', () => {
  it('sees an insecure resource in a second file', () => {
    const dir = temp.folder({ 'main.tf.json': key('a', true), 'extra.tf.json': key('b', false) });
    expect(rotation(dir, 'b')).toBe(false);
    const stack = loadStack(discoverStacks([dir])[0]!);
    expect([...stack.resources.keys()].sort()).toEqual(['aws_kms_key.a', 'aws_kms_key.b']);
    expect(stack.source).toBe(dir);
  });

  it('applies override files after every primary file, even one that sorts after them', () => {
    const dir = temp.folder({ 'a_override.tf.json': key('k', false), 'main.tf.json': key('k', true) });
    expect(rotation(dir)).toBe(false);
  });

  it.each([
    ['a_override', 'override', true],
    ['override', 'a_override', false],
    ['a_override', 'z_override', true],
    ['override', 'z_override', true],
    ['z_override', 'override', false],
  ])('applies override files in lexical order: %s.tf.json turns rotation off, %s.tf.json on; the result is %s', (off, on, expected) => {
    const dir = temp.folder({ 'main.tf.json': key('k', true), [`${off}.tf.json`]: key('k', false), [`${on}.tf.json`]: key('k', true) });
    expect(rotation(dir)).toBe(expected);
  });

  it('refuses a resource defined in two primary files (TF-CHK-011)', () => {
    const dir = temp.folder({ 'main.tf.json': key('k', true), 'extra.tf.json': key('k', false) });
    expect(errorCode(() => loadStacks([dir]))).toBe('TF-CHK-011');
  });

  it('refuses an override of a resource no primary file defines (TF-CHK-012)', () => {
    expect(errorCode(() => loadStacks([temp.folder({ 'main.tf.json': key('a', true), 'override.tf.json': key('b', false) })]))).toBe('TF-CHK-012');
  });

  it.each([
    ['null', 'null'],
    ['an array', '[{"resource": {}}]'],
    ['a number', '42'],
    ['a string', '"resource"'],
  ])('refuses a file whose root is %s (TF-CHK-008)', (_what, text) => {
    expect(errorCode(() => loadStacks([temp.folder({ 'main.tf.json': key('a', true), 'extra.tf.json': text })]))).toBe('TF-CHK-008');
  });

  it('refuses a file that is not JSON, naming file and line (TF-CHK-002)', () => {
    const dir = temp.folder({ 'main.tf.json': '{\n  "resource": {,\n}' });
    expect(() => loadStacks([dir])).toThrow(new RegExp(`main\\.tf\\.json:2`));
    expect(errorCode(() => loadStacks([dir]))).toBe('TF-CHK-002');
  });

  it('refuses a duplicate argument, naming file, key and line (TF-CHK-009)', () => {
    const dir = temp.folder({ 'main.tf.json': '{"resource": {"aws_kms_key": {"k": {\n  "enable_key_rotation": true,\n  "enable_key_rotation": false\n}}}}' });
    expect(() => loadStacks([dir])).toThrow(/main\.tf\.json:3: the key "enable_key_rotation" appears twice/);
  });

  it('refuses a file that cannot be read (TF-CHK-003)', () => {
    const dir = temp.folder({ 'main.tf.json': key('a', true) });
    const source = discoverStacks([dir])[0]!;
    writeFileSync(join(dir, 'main.tf.json'), '{}');
    expect(errorCode(() => loadStack({ ...source, files: [...source.files, join(dir, 'vanished.tf.json')] }))).toBe('TF-CHK-003');
  });
});
