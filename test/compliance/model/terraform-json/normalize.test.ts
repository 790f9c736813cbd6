import { normalizeDocument } from '../../../../compliance/model/terraform-json';
import { errorCode } from '../../fixtures/temp-folder';

const KEY = { enable_key_rotation: false, description: 'k' };
const CANONICAL_RESOURCE = { resource: { aws_kms_key: { k: KEY } } };

/** Deep-freezes a value so a test fails if the normalizer writes to its input. */
function frozen<T>(value: T): T {
  if (typeof value === 'object' && value !== null) {
    for (const v of Object.values(value)) frozen(v);
    Object.freeze(value);
  }
  return value;
}

describe('normalizeDocument', () => {
  describe('object and array forms at every level mean the same blocks', () => {
    it.each([
      ['object at every level', { resource: { aws_kms_key: { k: KEY } } }],
      ['`resource` as an array', { resource: [{ aws_kms_key: { k: KEY } }] }],
      ['type level as an array', { resource: { aws_kms_key: [{ k: KEY }] } }],
      ['body as an array of one', { resource: { aws_kms_key: { k: [KEY] } } }],
      ['arrays at every level', { resource: [{ aws_kms_key: [{ k: [KEY] }] }] }],
      ['split over two elements of the `resource` array', { resource: [{ aws_kms_key: { k: KEY } }, { aws_kms_key: [] }] }],
    ])('%s', (_what, doc) => {
      expect(normalizeDocument(frozen(doc), 'f')).toEqual(CANONICAL_RESOURCE);
    });

    it.each([
      ['data', { data: [{ aws_iam_policy_document: [{ d: [{ statement: [] }] }] }] }, { data: { aws_iam_policy_document: { d: { statement: [] } } } }],
      ['module', { module: [{ m: [{ source: './m' }] }] }, { module: { m: { source: './m' } } }],
      ['variable', { variable: [{ v: { default: 1 } }] }, { variable: { v: { default: 1 } } }],
      ['output', { output: { o: [{ value: 'x' }] } }, { output: { o: { value: 'x' } } }],
      ['provider', { provider: [{ aws: { region: 'eu-west-1' } }, { aws: [{ alias: 'b', region: 'us-east-1' }] }] }, { provider: { aws: [{ region: 'eu-west-1' }, { alias: 'b', region: 'us-east-1' }] } }],
      ['provider as one object', { provider: { aws: { region: 'eu-west-1' } } }, { provider: { aws: [{ region: 'eu-west-1' }] } }],
      ['locals as an array', { locals: [{ a: 1 }, { b: 2 }] }, { locals: { a: 1, b: 2 } }],
      ['terraform as an object', { terraform: { required_version: '>= 1' } }, { terraform: [{ required_version: '>= 1' }] }],
      ['terraform as an array', { terraform: [{ required_version: '>= 1' }, { backend: { s3: {} } }] }, { terraform: [{ required_version: '>= 1' }, { backend: { s3: {} } }] }],
    ])('%s', (_what, doc, canonical) => {
      expect(normalizeDocument(frozen(doc), 'f')).toEqual(canonical);
    });
  });

  it('leaves block bodies exactly as written, nested blocks in either form', () => {
    const body = { ingress: [{ from_port: 22, cidr_blocks: ['0.0.0.0/0'] }], egress: { from_port: 0 }, '//': { metadata: {} }, tags: { a: '${local.x}' } };
    const config = normalizeDocument({ resource: [{ aws_security_group: [{ g: [body] }] }] }, 'f');
    expect(config.resource!.aws_security_group!.g).toBe(body);
  });

  it('passes other top-level keys through as written', () => {
    const doc = { '//': { metadata: { version: '0.21.0' } }, moved: [{ from: 'a.b', to: 'a.c' }], check: { c: {} } };
    expect(normalizeDocument(doc, 'f')).toEqual(doc);
  });

  it('reads a null body as no block and a null array element as a block with an empty body', () => {
    expect(normalizeDocument({ resource: { aws_s3_bucket: { none: null, empty: [null] } } }, 'f')).toEqual({ resource: { aws_s3_bucket: { empty: {} } } });
  });

  it('is idempotent, and changes cdktf-shaped output only by wrapping `terraform` in an array', () => {
    const cdktf = {
      '//': { metadata: { backend: 's3', stackName: 'dev', version: '0.21.0' }, outputs: {} },
      data: { aws_caller_identity: { me: {} } },
      locals: { x: 'y' },
      output: { o: { value: '${aws_s3_bucket.b.arn}' } },
      provider: { aws: [{ allowed_account_ids: ['222222222222'], default_tags: [{ tags: { environment: 'dev' } }], region: 'eu-west-1' }] },
      resource: { aws_s3_bucket: { b: { '//': { metadata: { path: 'dev/b' } }, bucket: 'b' } } },
      terraform: { backend: { s3: { bucket: 'x', encrypt: true } }, required_providers: { aws: { source: 'aws', version: '5.100.0' } } },
    };
    const once = normalizeDocument(frozen(cdktf), 'f');
    expect(once).toEqual({ ...cdktf, terraform: [cdktf.terraform] });
    expect(normalizeDocument(once, 'f')).toEqual(once);
    const forms = normalizeDocument({ resource: [{ aws_kms_key: [{ k: [KEY] }] }], locals: [{ a: 1 }] }, 'f');
    expect(normalizeDocument(forms, 'f')).toEqual(forms);
  });

  describe('refuses what Terraform rejects', () => {
    it.each([
      ['two blocks for one resource address (array body of two)', { resource: { aws_kms_key: { k: [{}, {}] } } }, 'TF-CHK-011'],
      ['one address in two elements of the resource array', { resource: [{ aws_kms_key: { k: {} } }, { aws_kms_key: { k: {} } }] }, 'TF-CHK-011'],
      ['a data source twice', { data: [{ aws_vpc: { v: {} } }, { aws_vpc: { v: {} } }] }, 'TF-CHK-011'],
      ['two default configurations of one provider', { provider: { aws: [{ region: 'a' }, { region: 'b' }] } }, 'TF-CHK-011'],
      ['two configurations with one alias', { provider: { aws: [{ alias: 'x' }, { alias: 'x' }] } }, 'TF-CHK-011'],
      ['one local in two locals blocks', { locals: [{ a: 1 }, { a: 2 }] }, 'TF-CHK-011'],
      ['one variable twice', { variable: [{ v: {} }, { v: {} }] }, 'TF-CHK-011'],
      ['two backends', { terraform: [{ backend: { s3: {} } }, { backend: { local: {} } }] }, 'TF-CHK-011'],
      ['two backend types in one block', { terraform: { backend: { s3: {}, local: {} } } }, 'TF-CHK-011'],
      ['a string at a label level', { resource: { aws_kms_key: 'k' } }, 'TF-CHK-010'],
      ['a number as a body', { resource: { aws_kms_key: { k: 1 } } }, 'TF-CHK-010'],
      ['a string in a label array', { resource: ['aws_kms_key'] }, 'TF-CHK-010'],
      ['a string in a body array', { resource: { aws_kms_key: { k: ['x'] } } }, 'TF-CHK-010'],
      ['a string as locals', { locals: 'x' }, 'TF-CHK-010'],
      ['a number as terraform', { terraform: 1 }, 'TF-CHK-010'],
      ['a root null', null, 'TF-CHK-008'],
      ['a root array', [{ resource: {} }], 'TF-CHK-008'],
      ['a root number', 42, 'TF-CHK-008'],
      ['a root string', 'resource', 'TF-CHK-008'],
    ])('%s', (_what, doc, code) => {
      expect(errorCode(() => normalizeDocument(doc, 'f'))).toBe(code);
    });
  });

  it('keeps an aliased provider beside the default one', () => {
    expect(normalizeDocument({ provider: { aws: [{ region: 'a' }, { alias: 'x', region: 'b' }] } }, 'f').provider!.aws).toHaveLength(2);
  });
});
