import { mkdirSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { isIgnoredFileName, isOverrideFileName, lexical, readModuleFolder } from '../../../../compliance/model/terraform-json/folder';
import { errorCode, tempFolders } from '../../fixtures/temp-folder';

const temp = tempFolders('folder');
afterAll(() => temp.cleanup());

describe('module folder rules', () => {
  it.each([
    ['override.tf.json', true],
    ['a_override.tf.json', true],
    ['z_override.tf.json', true],
    ['override.tf', true],
    ['net_override.tf', true],
    ['myoverride.tf.json', false],
    ['override_net.tf.json', false],
    ['main.tf.json', false],
    ['override.json', false],
  ])('%s is an override file: %s', (name, expected) => {
    expect(isOverrideFileName(name)).toBe(expected);
  });

  it.each([
    ['.hidden.tf.json', true],
    ['main.tf.json~', true],
    ['#main.tf.json#', true],
    ['main.tf.json', false],
    ['#main.tf.json', false],
  ])('%s is ignored as Terraform ignores it: %s', (name, expected) => {
    expect(isIgnoredFileName(name)).toBe(expected);
  });

  it('orders names byte-wise, as Terraform does, not by locale', () => {
    expect(['z_override', 'override', 'a_override', 'B', 'b'].sort(lexical)).toEqual(['B', 'a_override', 'b', 'override', 'z_override']);
  });

  it('lists every Terraform file of the folder itself: primaries, then overrides, each in lexical order', () => {
    const dir = temp.folder({
      'z.tf.json': {},
      'b.tf.json': {},
      'override.tf.json': {},
      'a_override.tf.json': {},
      'z_override.tf.json': {},
      'network.tf': '',
      'sub/inner.tf.json': {},
      '.hidden.tf.json': {},
      'notes.json': {},
      'main.tf.json~': {},
    });
    mkdirSync(join(dir, 'folder.tf.json'));
    const folder = readModuleFolder(dir);
    expect(folder.primaries).toEqual([join(dir, 'b.tf.json'), join(dir, 'z.tf.json')]);
    expect(folder.overrides).toEqual([join(dir, 'a_override.tf.json'), join(dir, 'override.tf.json'), join(dir, 'z_override.tf.json')]);
    expect(folder.hcl).toEqual([join(dir, 'network.tf')]);
  });

  it('follows a symlink to a file, and refuses a broken one rather than skipping it (TF-CHK-003)', () => {
    const dir = temp.folder({ 'real.json': {} });
    symlinkSync(join(dir, 'real.json'), join(dir, 'linked.tf.json'));
    expect(readModuleFolder(dir).primaries).toEqual([join(dir, 'linked.tf.json')]);
    symlinkSync(join(dir, 'missing.json'), join(dir, 'broken.tf.json'));
    expect(errorCode(() => readModuleFolder(dir))).toBe('TF-CHK-003');
  });

  it('refuses a folder it cannot list (TF-CHK-003)', () => {
    expect(errorCode(() => readModuleFolder(join(temp.folder({ 'f.txt': 'x' }), 'f.txt')))).toBe('TF-CHK-003');
  });
});
