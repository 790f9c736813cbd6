import { TenantformError } from '../../../../core/errors';
import { normalizeDocument, parseTerraformJson } from '../../../../compliance/model/terraform-json';
import { MAX_NESTING } from '../../../../compliance/model/terraform-json/parse';
import { errorCode } from '../../fixtures/temp-folder';

const parse = (text: string): unknown => parseTerraformJson(text, 'main.tf.json');

describe('parseTerraformJson', () => {
  it('reads plain Terraform JSON exactly as JSON.parse does', () => {
    const text = JSON.stringify({ '//': { metadata: { version: '0.21.0' } }, resource: { aws_s3_bucket: { b: { bucket: 'x', tags: { a: '1' }, '//': { metadata: { path: 'p' } } } } }, provider: { aws: [{ region: 'eu-west-1' }] } });
    expect(parse(text)).toEqual(JSON.parse(text));
  });

  describe('duplicate keys where Terraform reads more blocks', () => {
    it('keeps both of two root `resource` keys (JSON.parse would keep only the second)', () => {
      const doc = parse('{"resource": {"aws_kms_key": {"a": {"enable_key_rotation": false}}}, "resource": {"aws_kms_key": {"b": {}}}}');
      expect(Object.keys(normalizeDocument(doc, 'f').resource!.aws_kms_key!)).toEqual(['a', 'b']);
    });

    it('keeps both of two equal type keys', () => {
      const doc = parse('{"resource": {"aws_kms_key": {"a": {}}, "aws_s3_bucket": {"s": {}}, "aws_kms_key": {"b": {}}}}');
      const config = normalizeDocument(doc, 'f');
      expect(Object.keys(config.resource!.aws_kms_key!)).toEqual(['a', 'b']);
      expect(Object.keys(config.resource!.aws_s3_bucket!)).toEqual(['s']);
    });

    it('keeps both of two equal name keys, which then are one resource defined twice', () => {
      const doc = parse('{"resource": {"aws_kms_key": {"a": {"enable_key_rotation": true}, "a": {"enable_key_rotation": false}}}}');
      expect(errorCode(() => normalizeDocument(doc, 'f'))).toBe('TF-CHK-011');
    });

    it('keeps repeated `locals` and `terraform` keys as more blocks', () => {
      const config = normalizeDocument(parse('{"locals": {"a": 1}, "locals": {"b": 2}, "terraform": {"required_version": ">= 1.5"}, "terraform": {"backend": {"s3": {}}}}'), 'f');
      expect(config.locals).toEqual({ a: 1, b: 2 });
      expect(config.terraform).toEqual([{ required_version: '>= 1.5' }, { backend: { s3: {} } }]);
    });

    it('keeps repeated provider name keys as more configurations', () => {
      const config = normalizeDocument(parse('{"provider": {"aws": {"region": "eu-west-1"}, "aws": {"alias": "use1", "region": "us-east-1"}}}'), 'f');
      expect(config.provider!.aws).toEqual([{ region: 'eu-west-1' }, { alias: 'use1', region: 'us-east-1' }]);
    });
  });

  describe('duplicate keys Terraform rejects', () => {
    it.each([
      ['an argument of a resource', '{"resource": {"aws_kms_key": {"k": {\n"enable_key_rotation": true,\n"enable_key_rotation": false}}}}', 'enable_key_rotation', 3, 2],
      ['a key of an object value (tags)', '{"resource": {"aws_s3_bucket": {"b": {"tags": {"env": "prod",\n"env": "dev"}}}}}', 'env', 2, 1],
      ['an argument of a provider', '{"provider": {"aws": {"allowed_account_ids": ["1"],\n"allowed_account_ids": ["2"]}}}', 'allowed_account_ids', 2, 1],
      ['a local value in one locals block', '{"locals": {"x": 1,\n\n"x": 2}}', 'x', 3, 1],
      ['a setting of a terraform block', '{"terraform": {"backend": {"s3": {}},\n"backend": {"local": {}}}}', 'backend', 2, 1],
      ['a nested block type in a body (schema unknown, so refused)', '{"resource": {"aws_security_group": {"g": {"ingress": [],\n"ingress": []}}}}', 'ingress', 2, 1],
      ['the root comment key', '{"//": "a",\n"//": "b"}', '//', 2, 1],
      ['a key inside an array element of a body', '{"resource": {"aws_kms_key": [{"k": [{"a": 1,\n"a": 2}]}]}}', 'a', 2, 1],
    ])('refuses a repeated key in %s, naming file, key and both lines', (_what, text, key, line, first) => {
      let error: unknown;
      try {
        parse(text);
      } catch (e) {
        error = e;
      }
      expect(error).toBeInstanceOf(TenantformError);
      const e = error as TenantformError;
      expect(e.code).toBe('TF-CHK-009');
      expect(e.where).toBe(`main.tf.json:${line}`);
      expect(e.value).toBe(key);
      expect(e.message).toContain(`first on line ${first}`);
    });
  });

  describe('what is not Terraform JSON', () => {
    it.each([
      ['a line comment', '{"resource": {} // no\n}'],
      ['a block comment', '{/* no */ "resource": {}}'],
      ['a trailing comma', '{"resource": {"aws_s3_bucket": {"b": {},}}}'],
      ['an empty file', ''],
      ['a truncated file', '{"resource": {'],
      ['two root values', '{} {}'],
      ['a single-quoted string', "{'resource': {}}"],
      ['a raw tab inside a string', '{"locals": {"a": "x\ty"}}'],
      ['a raw newline inside a string', '{"locals": {"a": "x\ny"}}'],
      ['a byte-order mark', '\uFEFF{}'],
      ['NaN', '{"locals": {"a": NaN}}'],
    ])('refuses %s with TF-CHK-002', (_what, text) => {
      expect(errorCode(() => parse(text))).toBe('TF-CHK-002');
    });

    it('names the line and column of the first syntax error', () => {
      expect(() => parse('{\n  "a": 1,\n  }')).toThrow(/main\.tf\.json:3:3/);
    });
  });

  it('is not misled by strings that look like keys: escaped quotes and colons inside values', () => {
    const text = '{"resource": {"aws_s3_bucket": {"b": {"bucket": "a\\":b", "tags": {"k": "\\"k\\": 1", "x\\"": ":"}}}}}';
    expect(parse(text)).toEqual(JSON.parse(text));
    const repeated = '{"resource": {"aws_s3_bucket": {"b": {"bucket": "\\"bucket\\": 1", "bucket": "x"}}}}';
    expect(errorCode(() => parse(repeated))).toBe('TF-CHK-009');
  });

  it.each([
    ['plain JSON', (d: number) => `{"locals": {"x": ${'['.repeat(d)}${']'.repeat(d)}}}`],
    ['JSON with a repeated key (the key-by-key parser)', (d: number) => `{"locals": {"x": ${'['.repeat(d)}${']'.repeat(d)}}, "locals": {}}`],
  ])('refuses %s nested deeper than the gate reads (TF-CHK-014), never a stack overflow', (_what, text) => {
    expect(errorCode(() => parse(text(MAX_NESTING + 10)))).toBe('TF-CHK-014');
    expect(errorCode(() => parse(text(100_000)))).toBe('TF-CHK-014');
    expect(errorCode(() => parse(text(MAX_NESTING - 10)))).toBe('no error');
  });

  it('keeps a block named __proto__ as an own key rather than setting the prototype', () => {
    const config = normalizeDocument(parse('{"resource": {"aws_kms_key": {"__proto__": {"enable_key_rotation": false}}}}'), 'f');
    expect(Object.keys(config.resource!.aws_kms_key!)).toEqual(['__proto__']);
    expect(Object.getPrototypeOf(config.resource!.aws_kms_key)).toBe(Object.prototype);
  });
});
