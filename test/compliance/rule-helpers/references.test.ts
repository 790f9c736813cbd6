import { bareReference } from '../../../compliance/rule-helpers/references';
import { unknownValue } from '../../../compliance/values';

describe('bareReference', () => {
  it.each([
    ['${aws_kms_key.k.arn}', { address: 'aws_kms_key.k', attribute: 'arn' }],
    ['${ data.aws_kms_alias.a.target_key_arn }', { address: 'data.aws_kms_alias.a', attribute: 'target_key_arn' }],
  ])('reads %s as one resource attribute', (text, expected) => {
    expect(bareReference(text)).toEqual(expected);
    expect(bareReference(unknownValue(text, []))).toEqual(expected);
  });

  it.each([
    '${var.prod ? aws_kms_key.k.arn : "alias/aws/sqs"}',
    '${aws_s3_bucket.b.arn}/*',
    'arn:aws:s3:::${aws_s3_bucket.b.id}',
    '${local.key}',
    '${var.key}',
    '${coalesce(aws_kms_key.k.arn, "")}',
    '${aws_kms_key.k[0].arn}',
    'alias/team',
  ])('does not take %s for a specific object', (text) => {
    expect(bareReference(text)).toBeUndefined();
  });
});
