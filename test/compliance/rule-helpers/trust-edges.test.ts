import { normalizePolicy, PolicyDocument } from '../../../compliance/policy';
import { readOnlyShareStatement, readOnlyTableGrant } from '../../../compliance/rule-helpers/trust-edges';

function statement(s: Record<string, unknown>) {
  return (normalizePolicy({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::888888888888:root' }, Resource: '*', ...s }] }) as PolicyDocument).statements[0]!;
}

describe('readOnlyShareStatement', () => {
  test.each([['s3:GetObject'], [['s3:GetObject', 's3:ListBucket', 'kms:Decrypt']], [['S3:GETOBJECTVERSION']]])('%j reads only', (Action) => {
    expect(readOnlyShareStatement(statement({ Action }))).toBe(true);
  });

  test.each([['s3:PutObject'], ['s3:Get*'], [['s3:GetObject', 'kms:Encrypt']], ['*']])('%j is more than a read', (Action) => {
    expect(readOnlyShareStatement(statement({ Action }))).toBe(false);
  });

  test('NotAction is never a read-only share, whatever it lists', () => {
    expect(readOnlyShareStatement(statement({ NotAction: 's3:DeleteObject' }))).toBe(false);
  });
});

describe('readOnlyTableGrant', () => {
  test('SELECT and DESCRIBE without a grant option is read-only', () => {
    expect(readOnlyTableGrant({ permissions: ['SELECT', 'DESCRIBE'], permissions_with_grant_option: [] })).toBe(true);
  });

  test.each([
    ['another permission', { permissions: ['SELECT', 'ALTER'] }],
    ['a grant option', { permissions: ['SELECT'], permissions_with_grant_option: ['SELECT'] }],
  ])('%s is more than a read', (_why, values) => {
    expect(readOnlyTableGrant(values)).toBe(false);
  });

  test.each([
    ['no permissions', {}],
    ['an empty list', { permissions: [] }],
    ['an unresolved permission', { permissions: [{ $unknown: 'var.p' }] }],
    ['a grant option that is not a list', { permissions: ['SELECT'], permissions_with_grant_option: 'SELECT' }],
  ])('%s cannot be judged', (_why, values) => {
    expect(readOnlyTableGrant(values)).toBe('unknown');
  });
});
