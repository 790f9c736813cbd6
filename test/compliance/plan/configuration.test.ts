import { blockAddress, constantOf, expressionAt, referencesOf } from '../../../compliance/plan/configuration';
import { isUnknown } from '../../../compliance/values';

describe('referencesOf', () => {
  test('keeps the most specific of the references Terraform lists together', () => {
    expect(referencesOf({ references: ['aws_kms_key.k[0].arn', 'aws_kms_key.k[0]', 'aws_kms_key.k'] }, '')).toEqual(['aws_kms_key.k[0].arn']);
    expect(referencesOf({ references: ['aws_iam_role.a.arn', 'aws_iam_role.a', 'var.x'] }, '')).toEqual(['aws_iam_role.a.arn', 'var.x']);
  });

  test("places a child module's references under its address, so they never name a root resource", () => {
    expect(referencesOf({ references: ['aws_iam_role.a.arn', 'aws_iam_role.a'] }, 'module.m.')).toEqual(['module.m.aws_iam_role.a.arn']);
  });
});

describe('constantOf', () => {
  test('a literal is a literal', () => {
    expect(constantOf({ constant_value: ['111111111111'] }, 'x')).toEqual(['111111111111']);
  });

  test.each([
    ['a JSON-config template with references', { constant_value: '${var.region}', references: ['var.region'] }],
    ['a JSON-config template without references (a function call)', { constant_value: ['${timestamp()}'] }],
    ['a template directive', { constant_value: { environment: '%{ if true }prod%{ endif }' } }],
    ['an HCL expression (references only)', { references: ['var.region'] }],
    ['no expression object at all', 'us-east-1'],
  ])('%s is unknown', (_what, expression) => {
    expect(isUnknown(constantOf(expression, 'x'))).toBe(true);
  });
});

describe('expressionAt', () => {
  const expressions = { statement: [{ resources: { references: ['aws_s3_bucket.b.arn'] } }], name: { constant_value: 'n' } };

  test('walks nested-block arrays to the attribute', () => {
    expect(expressionAt(expressions, ['statement', 0, 'resources', 1])).toEqual({ references: ['aws_s3_bucket.b.arn'] });
    expect(expressionAt(expressions, ['name'])).toEqual({ constant_value: 'n' });
  });

  test('is undefined where the configuration writes nothing (computed, or a dynamic block)', () => {
    expect(expressionAt(expressions, ['arn'])).toBeUndefined();
    expect(expressionAt(expressions, ['statement', 3, 'resources'])).toBeUndefined();
  });
});

test('blockAddress drops instance keys at every level', () => {
  expect(blockAddress('aws_x.y[0]')).toBe('aws_x.y');
  expect(blockAddress('module.m["a.b"].aws_x.y["k]"]')).toBe('module.m.aws_x.y');
});
