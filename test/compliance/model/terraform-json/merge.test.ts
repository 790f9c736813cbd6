import { collectBlocks, mergeModule, ModuleDocument } from '../../../../compliance/model/terraform-json';
import { TenantformError } from '../../../../core/errors';
import { errorCode } from '../../fixtures/temp-folder';

const doc = (file: string, json: unknown): ModuleDocument => ({ file, blocks: collectBlocks(json, file) });

const SG = {
  resource: {
    aws_security_group: {
      g: { name: 'g', description: 'base', ingress: [{ from_port: 443, to_port: 443, protocol: 'tcp', cidr_blocks: ['10.0.0.0/8'] }, { from_port: 80, to_port: 80, protocol: 'tcp', cidr_blocks: ['10.0.0.0/8'] }], egress: [{ from_port: 0, to_port: 0, protocol: '-1', cidr_blocks: ['10.0.0.0/8'] }] },
    },
  },
};

describe('mergeModule', () => {
  describe('primary files', () => {
    it('takes the union of every file', () => {
      const config = mergeModule([doc('a.tf.json', { resource: { aws_kms_key: { a: {} } }, locals: { x: 1 } }), doc('b.tf.json', { resource: [{ aws_kms_key: { b: {} } }, { aws_s3_bucket: { s: {} } }], locals: [{ y: 2 }] })]);
      expect(config.resource).toEqual({ aws_kms_key: { a: {}, b: {} }, aws_s3_bucket: { s: {} } });
      expect(config.locals).toEqual({ x: 1, y: 2 });
    });

    it.each([
      ['a resource', { resource: { aws_kms_key: { k: {} } } }],
      ['a data source', { data: { aws_vpc: { v: {} } } }],
      ['a module call', { module: { m: { source: './m' } } }],
      ['a variable', { variable: { v: {} } }],
      ['an output', { output: { o: { value: 1 } } }],
      ['a local value', { locals: { l: 1 } }],
      ['the default provider configuration', { provider: { aws: { region: 'eu-west-1' } } }],
      ['a backend', { terraform: { backend: { s3: {} } } }],
    ])('refuses %s defined in two files, naming both (TF-CHK-011)', (_what, json) => {
      let error: unknown;
      try {
        mergeModule([doc('a.tf.json', json), doc('b.tf.json', json)]);
      } catch (e) {
        error = e;
      }
      expect((error as TenantformError).code).toBe('TF-CHK-011');
      expect((error as TenantformError).where).toBe('b.tf.json');
      expect((error as TenantformError).message).toContain('also in a.tf.json');
    });

    it('keeps terraform blocks of several files, in order', () => {
      expect(mergeModule([doc('a.tf.json', { terraform: { required_version: '>= 1' } }), doc('b.tf.json', { terraform: [{ backend: { s3: {} } }] })]).terraform).toEqual([{ required_version: '>= 1' }, { backend: { s3: {} } }]);
    });

    it('combines other top-level block types of several files in the array form', () => {
      expect(mergeModule([doc('a.tf.json', { moved: { from: 'a.x', to: 'a.y' } }), doc('b.tf.json', { moved: [{ from: 'b.x', to: 'b.y' }] })]).moved).toEqual([
        { from: 'a.x', to: 'a.y' },
        { from: 'b.x', to: 'b.y' },
      ]);
    });
  });

  describe('override files', () => {
    const merged = (...overrides: unknown[]) => mergeModule([doc('main.tf.json', SG)], overrides.map((o, i) => doc(`o${i}_override.tf.json`, o)));

    it('replaces each argument the override writes and keeps the others', () => {
      const g = merged({ resource: { aws_security_group: { g: { description: 'changed' } } } }).resource!.aws_security_group!.g!;
      expect(g.description).toBe('changed');
      expect(g.name).toBe('g');
      expect(g.ingress).toEqual(SG.resource.aws_security_group.g.ingress);
    });

    it('replaces all blocks of a nested type the override writes, and only that type', () => {
      const open = { from_port: 22, to_port: 22, protocol: 'tcp', cidr_blocks: ['0.0.0.0/0'] };
      const g = merged({ resource: { aws_security_group: { g: { ingress: open } } } }).resource!.aws_security_group!.g!;
      expect(g.ingress).toEqual(open);
      expect(g.egress).toEqual(SG.resource.aws_security_group.g.egress);
    });

    it('merges lifecycle per argument', () => {
      const config = mergeModule([doc('main.tf.json', { resource: { aws_s3_bucket: { b: { lifecycle: { prevent_destroy: true, ignore_changes: ['tags'] } } } } })], [doc('override.tf.json', { resource: { aws_s3_bucket: { b: { lifecycle: [{ prevent_destroy: false }] } } } })]);
      expect(config.resource!.aws_s3_bucket!.b!.lifecycle).toEqual({ prevent_destroy: false, ignore_changes: ['tags'] });
    });

    it('ignores the comment key of an override, so it cannot change the base suppressions', () => {
      const base = { resource: { aws_s3_bucket: { b: { '//': { tenantform: { suppressions: [] } }, bucket: 'b' } } } };
      const config = mergeModule([doc('main.tf.json', base)], [doc('override.tf.json', { resource: { aws_s3_bucket: { b: { '//': { tenantform: { suppressions: [{ ruleId: 'X', reason: 'because of reasons' }] } } } } } })]);
      expect(config.resource!.aws_s3_bucket!.b).toEqual(base.resource.aws_s3_bucket.b);
    });

    it('applies overrides in the given order, later ones winning, and blocks within one file in position order', () => {
      const set = (d: string) => ({ resource: { aws_security_group: { g: { description: d } } } });
      expect(merged(set('first'), set('second')).resource!.aws_security_group!.g!.description).toBe('second');
      const twice = { resource: { aws_security_group: { g: [{ description: 'one' }, { description: 'two' }] } } };
      expect(merged(twice).resource!.aws_security_group!.g!.description).toBe('two');
    });

    it('does not change the primary documents it merged', () => {
      merged({ resource: { aws_security_group: { g: { description: 'changed' } } } });
      expect(SG.resource.aws_security_group.g.description).toBe('base');
    });

    it('overrides locals per name, whichever block defined them', () => {
      const config = mergeModule([doc('a.tf.json', { locals: [{ a: 1 }, { b: 2 }] })], [doc('override.tf.json', { locals: { b: 3 } })]);
      expect(config.locals).toEqual({ a: 1, b: 3 });
    });

    it('merges a provider configuration by name and alias', () => {
      const base = { provider: { aws: [{ region: 'eu-west-1', allowed_account_ids: ['111111111111'] }, { alias: 'use1', region: 'us-east-1' }] } };
      const config = mergeModule([doc('main.tf.json', base)], [doc('override.tf.json', { provider: { aws: [{ allowed_account_ids: ['999999999999'] }, { alias: 'use1', region: 'us-west-2' }] } })]);
      expect(config.provider!.aws).toEqual([
        { region: 'eu-west-1', allowed_account_ids: ['999999999999'] },
        { alias: 'use1', region: 'us-west-2' },
      ]);
    });

    it('lets an override create the default provider configuration, as Terraform does', () => {
      expect(mergeModule([doc('main.tf.json', {})], [doc('override.tf.json', { provider: { aws: { region: 'eu-west-1' } } })]).provider).toEqual({ aws: [{ region: 'eu-west-1' }] });
    });

    it('merges terraform settings one by one: required_providers per provider, backend replaced', () => {
      const base = { terraform: [{ required_version: '>= 1.5', required_providers: { aws: { source: 'hashicorp/aws', version: '5.100.0' }, random: { source: 'hashicorp/random' } } }, { backend: { s3: { bucket: 'state', encrypt: true } } }] };
      const config = mergeModule([doc('main.tf.json', base)], [doc('override.tf.json', { terraform: { required_providers: { aws: { source: 'hashicorp/aws', version: '5.0.0' } }, backend: { local: { path: 'x' } } } })]);
      expect(config.terraform).toEqual([{ required_version: '>= 1.5', required_providers: { aws: { source: 'hashicorp/aws', version: '5.0.0' }, random: { source: 'hashicorp/random' } }, backend: { local: { path: 'x' } } }]);
    });

    it('lets a cloud block in an override replace the base backend, and a backend replace cloud', () => {
      const withBackend = { terraform: { backend: { s3: {} } } };
      expect(mergeModule([doc('main.tf.json', withBackend)], [doc('override.tf.json', { terraform: { cloud: { organization: 'o' } } })]).terraform).toEqual([{ cloud: { organization: 'o' } }]);
      expect(mergeModule([doc('main.tf.json', { terraform: { cloud: {} } })], [doc('override.tf.json', withBackend)]).terraform).toEqual([{ backend: { s3: {} } }]);
    });

    it.each([
      ['a resource', { resource: { aws_kms_key: { nope: { enable_key_rotation: false } } } }],
      ['a data source', { data: { aws_vpc: { nope: {} } } }],
      ['a module call', { module: { nope: { source: './x' } } }],
      ['a variable', { variable: { nope: { default: 1 } } }],
      ['an output', { output: { nope: { value: 1 } } }],
      ['a local value', { locals: { nope: 1 } }],
      ['an aliased provider configuration', { provider: { aws: { alias: 'nope', region: 'x' } } }],
    ])('refuses an override of %s no primary file defines (TF-CHK-012)', (_what, json) => {
      expect(errorCode(() => merged(json))).toBe('TF-CHK-012');
    });

    it.each([
      ['depends_on in a resource override', { resource: { aws_security_group: { g: { depends_on: ['aws_vpc.v'] } } } }],
      ['a moved block', { moved: { from: 'a.b', to: 'a.c' } }],
      ['an import block', { import: { to: 'aws_s3_bucket.b', id: 'b' } }],
    ])('refuses %s, which Terraform forbids in override files (TF-CHK-013)', (_what, json) => {
      expect(errorCode(() => merged(json))).toBe('TF-CHK-013');
    });

    it('refuses depends_on in an output override', () => {
      expect(errorCode(() => mergeModule([doc('main.tf.json', { output: { o: { value: 1 } } })], [doc('override.tf.json', { output: { o: { depends_on: ['x.y'] } } })]))).toBe('TF-CHK-013');
    });

    it('accepts a comment-only override file', () => {
      expect(merged({ '//': 'generated' }).resource).toEqual(SG.resource);
    });
  });
});
