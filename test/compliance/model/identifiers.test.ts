import { isIdentifierAttribute, isOpaqueType } from '../../../compliance/model/identifiers';

describe('identifier attributes', () => {
  test.each([
    ['aws_iam_role', 'arn', true],
    ['aws_iam_role', 'name', true],
    ['aws_iam_role', 'unique_id', true],
    ['aws_kms_key', 'key_id', true],
    ['aws_s3_bucket', 'bucket', true],
    ['aws_sqs_queue', 'id', true],
    ['aws_iam_role', 'tags_all', false],
    ['aws_iam_role', 'assume_role_policy', false],
    ['aws_lb', 'dns_name', false],
    ['terraform_data', 'id', false],
    ['terraform_data', 'output', false],
    ['null_resource', 'id', false],
    ['random_id', 'id', false],
  ])('%s.%s is an identifier: %s', (type, attribute, expected) => {
    expect(isIdentifierAttribute(type, attribute)).toBe(expected);
  });

  test('terraform_data and null_resource are opaque', () => {
    expect(isOpaqueType('terraform_data')).toBe(true);
    expect(isOpaqueType('null_resource')).toBe(true);
    expect(isOpaqueType('aws_iam_role')).toBe(false);
  });
});
