import { join } from 'node:path';
import { loadStack, discoverStacks } from '../../../../compliance/model/load';
import { blockLocation, normalizeDocument, parseTerraformJson } from '../../../../compliance/model/terraform-json';
import { tempFolders } from '../../fixtures/temp-folder';

const temp = tempFolders('locations');
afterAll(() => temp.cleanup());

/** Line and column (1-based) of the first occurrence of `marker` in `text`. */
function positionOf(text: string, marker: string): { line: number; column: number } {
  const offset = text.indexOf(marker);
  if (offset < 0) throw new Error(`marker ${marker} not in the text`);
  const before = text.slice(0, offset).split('\n');
  return { line: before.length, column: before.at(-1)!.length + 1 };
}

/** The bodies of one resource type, in whichever form the document wrote them. */
function bodiesOf(config: ReturnType<typeof normalizeDocument>, type: string, name: string): unknown {
  return config.resource![type]![name];
}

describe('block locations', () => {
  // Each body opens with `{ "m": "<marker>"`, so the expected place is the brace before the marker.
  const braceOf = (text: string, marker: string) => positionOf(text, `{"m": "${marker}"`);

  const forms: Array<[string, string]> = [
    ['the object form, one line', '{"resource": {"aws_kms_key": {"a": {"m": "A"}}, "aws_s3_bucket": {"b": {"m": "B"}}}}'],
    ['the object form, pretty-printed', '{\n  "resource": {\n    "aws_kms_key": {\n      "a": {"m": "A"}\n    },\n    "aws_s3_bucket": {\n      "b": {"m": "B"}\n    }\n  }\n}'],
    ['arrays at every level', '{"resource": [\n {"aws_kms_key": [{"a": [{"m": "A"}]}]},\n {"aws_s3_bucket": [\n{"b": {"m": "B"}}]}]}'],
    ['strings with braces, quotes and escapes before the block', '{"//": {"x": "{\\"a\\": [\\\\", "y": "}]"},\n"resource": {"aws_kms_key": {"a": {"m": "A"}},\n"aws_s3_bucket": {"b": {"m": "B"}}}}'],
    ['an escaped spelling of the block type and labels', '{"resourc\\u0065": {"aws_kms_\\u006bey": {"\\u0061": {"m": "A"}},\n"aws_s3_bucket": {"b": {"m": "B"}}}}'],
    ['a repeated root key (read by the key-by-key parser)', '{"resource": {"aws_kms_key": {"a": {"m": "A"}}},\n "resource": {"aws_s3_bucket": {"b": {"m": "B"}}}}'],
    ['a repeated type key (key-by-key parser)', '{"resource": {"aws_s3_bucket": {"x": {}}, "aws_kms_key": {"a": {"m": "A"}},\n "aws_s3_bucket": {"b": {"m": "B"}}}}'],
  ];

  it.each(forms)('records where each resource body opens in %s', (_what, text) => {
    const config = normalizeDocument(parseTerraformJson(text, 'main.tf.json'), 'main.tf.json');
    expect(blockLocation(bodiesOf(config, 'aws_kms_key', 'a'))).toEqual({ file: 'main.tf.json', ...braceOf(text, 'A') });
    expect(blockLocation(bodiesOf(config, 'aws_s3_bucket', 'b'))).toEqual({ file: 'main.tf.json', ...braceOf(text, 'B') });
  });

  it('gives each body of an array of bodies its own place, and a null element none', () => {
    const text = '{"data": {"aws_iam_policy_document": {"d": [null,\n {"m": "D1"},\n   {"m": "D2"}]}}}';
    const parsed = parseTerraformJson(text, 'f.tf.json') as { data: { aws_iam_policy_document: { d: unknown[] } } };
    const [none, first, second] = parsed.data.aws_iam_policy_document.d;
    expect(blockLocation(none)).toBeUndefined();
    expect(blockLocation(first)).toEqual({ file: 'f.tf.json', ...braceOf(text, 'D1') });
    expect(blockLocation(second)).toEqual({ file: 'f.tf.json', ...braceOf(text, 'D2') });
  });

  it('does not take an object inside a body, or a non-resource block, for a block', () => {
    const text = '{"provider": {"aws": {"m": "P"}}, "resource": {"aws_s3_bucket": {"b": {"m": "B", "tags": {"m": "T"}}}}}';
    const parsed = parseTerraformJson(text, 'f.tf.json') as { provider: { aws: unknown }; resource: { aws_s3_bucket: { b: { tags: unknown } } } };
    expect(blockLocation(parsed.provider.aws)).toBeUndefined();
    expect(blockLocation(parsed.resource.aws_s3_bucket.b.tags)).toBeUndefined();
    expect(blockLocation(parsed.resource.aws_s3_bucket.b)).toEqual({ file: 'f.tf.json', ...braceOf(text, 'B') });
  });

  it('points each resource of a folder at its own file, and an overridden resource at its primary block', () => {
    const main = '{\n  "resource": {\n    "aws_kms_key": {\n      "k": {"m": "K", "enable_key_rotation": true}\n    }\n  }\n}';
    const extra = '{"resource": {"aws_s3_bucket": {\n"b": {"m": "B"}}}}';
    const dir = temp.folder({ 'main.tf.json': main, 'extra.tf.json': extra, 'k_override.tf.json': '{"resource": {"aws_kms_key": {"k": {"enable_key_rotation": false}}}}' });
    const stack = loadStack(discoverStacks([dir])[0]!);
    expect(stack.resources.get('aws_kms_key.k')!.values.enable_key_rotation).toBe(false);
    expect(stack.resources.get('aws_kms_key.k')!.location).toEqual({ file: join(dir, 'main.tf.json'), ...braceOf(main, 'K') });
    expect(stack.resources.get('aws_s3_bucket.b')!.location).toEqual({ file: join(dir, 'extra.tf.json'), ...braceOf(extra, 'B') });
  });
});
