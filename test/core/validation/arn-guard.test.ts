import { Token } from '../../../core/cdktf';
import { Environment } from '../../../core/environment';
import { TenantformError } from '../../../core/errors';
import { guardArns } from '../../../core/validation';

const PROD: Environment = { name: 'prod', accountId: '111111111111', region: 'eu-west-1', additionalRegions: ['us-east-1'], state: { kind: 'local' } };

function codeOf(props: unknown): string {
  try {
    guardArns(props, PROD, 'Thing prod/x');
  } catch (e) {
    if (e instanceof TenantformError) return e.code;
    throw e;
  }
  return 'ok';
}

describe('guardArns', () => {
  test.each<[string, unknown, string]>([
    ['a key of the own account and region', { key: 'arn:aws:kms:eu-west-1:111111111111:key/abc' }, 'ok'],
    ['a certificate in an additional region', { cert: 'arn:aws:acm:us-east-1:111111111111:certificate/abc' }, 'ok'],
    ['a role (IAM is global)', { role: 'arn:aws:iam::111111111111:role/x' }, 'ok'],
    ['an AWS-managed policy', { policy: 'arn:aws:iam::aws:policy/ReadOnlyAccess' }, 'ok'],
    ['an S3 bucket (no account in its ARN)', { bucket: 'arn:aws:s3:::acme-logs' }, 'ok'],
    ['a token', { key: Token.asString({ ref: 'x' }) }, 'ok'],
    ['not an ARN', { name: 'arnold' }, 'ok'],
    ['a dev key in prod', { key: 'arn:aws:kms:eu-west-1:222222222222:key/abc' }, 'TF-PRP-010'],
    ['a dev role in prod', { role: 'arn:aws:iam::222222222222:role/x' }, 'TF-PRP-010'],
    ['a secret deep in a list', { a: [{ b: 'arn:aws:secretsmanager:eu-west-1:222222222222:secret:x' }] }, 'TF-PRP-010'],
    ['a listener in a region the environment does not allow', { l: 'arn:aws:elasticloadbalancing:us-west-2:111111111111:listener/app/a/b/c' }, 'TF-PRP-011'],
    ['a truncated ARN', { key: 'arn:aws:kms' }, 'TF-PRP-012'],
    ['an ARN of another partition', { key: 'arn:aws-cn:kms:eu-west-1:111111111111:key/abc' }, 'TF-PRP-012'],
  ])('%s', (_why, props, code) => {
    expect(codeOf(props)).toBe(code);
  });

  test('environments inside props are left to the separation checks (they may name other accounts)', () => {
    expect(codeOf({ accounts: [{ environment: { state: { kmsKeyId: 'arn:aws:kms:eu-west-1:222222222222:key/abc' } } }] })).toBe('ok');
  });
});
