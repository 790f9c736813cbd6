import { scopedToOwnEnvironment } from '../../../compliance/iam/environment-scope';
import { normalizePolicy, PolicyDocument } from '../../../compliance/policy';

/** The one statement of a policy whose condition is `condition`. */
function statementWith(condition: unknown) {
  return (normalizePolicy({ Statement: [{ Effect: 'Allow', Action: 'ec2:CreateVpc', Resource: '*', ...(condition === undefined ? {} : { Condition: condition }) }] }) as PolicyDocument).statements[0]!;
}

describe('scopedToOwnEnvironment', () => {
  test.each([
    ['request tag', { StringEquals: { 'aws:RequestTag/environment': 'dev' } }],
    ['resource tag', { StringEquals: { 'aws:ResourceTag/environment': ['dev'] } }],
    ['key in other case (IAM keys are case-insensitive)', { StringEquals: { 'AWS:ResourceTag/Environment': 'dev' } }],
    ['with further conditions, which only narrow', { StringEquals: { 'aws:RequestTag/environment': 'dev', 'aws:RequestedRegion': 'eu-west-1' }, StringLike: { 'aws:ResourceTag/environment': '*' } }],
  ])('counts %s with the stack environment', (_why, condition) => {
    expect(scopedToOwnEnvironment(statementWith(condition), 'dev')).toBe(true);
  });

  test.each([
    ['no condition', undefined],
    ['another environment', { StringEquals: { 'aws:RequestTag/environment': 'prod' } }],
    ['the own environment and another', { StringEquals: { 'aws:ResourceTag/environment': ['dev', 'prod'] } }],
    ['a wildcard under StringLike', { StringLike: { 'aws:ResourceTag/environment': '*' } }],
    ['StringEqualsIfExists (matches untagged requests)', { StringEqualsIfExists: { 'aws:RequestTag/environment': 'dev' } }],
    ['ForAllValues (matches when the key is absent)', { 'ForAllValues:StringEquals': { 'aws:RequestTag/environment': 'dev' } }],
    ['a negated operator', { StringNotEquals: { 'aws:ResourceTag/environment': 'prod' } }],
    ['a variable value', { StringEquals: { 'aws:ResourceTag/environment': '${var.environment}' } }],
    ['an empty value list', { StringEquals: { 'aws:ResourceTag/environment': [] } }],
    ['another tag key', { StringEquals: { 'aws:ResourceTag/env': 'dev' } }],
    ['the environment in a principal tag (who calls, not what is touched)', { StringEquals: { 'aws:PrincipalTag/environment': 'dev' } }],
  ])('does not count %s', (_why, condition) => {
    expect(scopedToOwnEnvironment(statementWith(condition), 'dev')).toBe(false);
  });

  test('a stack without a declared environment has nothing to scope to', () => {
    const s = statementWith({ StringEquals: { 'aws:RequestTag/environment': 'dev' } });
    expect(scopedToOwnEnvironment(s, undefined)).toBe(false);
    expect(scopedToOwnEnvironment(s, '')).toBe(false);
  });
});
