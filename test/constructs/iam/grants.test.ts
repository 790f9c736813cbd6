import { IamRole, KmsKey, S3Bucket } from '../../../core/aws';
import {
  grant,
  grantBucketRead,
  grantBucketReadWrite,
  grantImagePull,
  grantKeyDecrypt,
  grantKeyEncryptDecrypt,
  grantKeyForEbs,
  grantLogGroupWrite,
  grantQueueConsume,
  grantQueueSend,
  grantSecretRead,
  grantParameterRead,
  grantTopicPublish,
  grantUnscopableRead,
} from '../../../constructs/iam/grants';
import { resourcesOf, synthJson } from '../../support/synth';
import { parsePolicy, testStack } from '../identity/helpers';

function setup() {
  const stack = testStack();
  const role = new IamRole(stack, 'host', { name: 'host', assumeRolePolicy: '{}' });
  const key = new KmsKey(stack, 'data-key', { enableKeyRotation: true });
  const bucket = new S3Bucket(stack, 'config', { bucket: 'acme-config' });
  return { stack, role, key, bucket };
}

/** The synthesized inline role policy with this policy name. */
function policyOf(stack: ReturnType<typeof testStack>, policyName: string) {
  const policy = Object.values(resourcesOf(synthJson(stack), 'aws_iam_role_policy')).find((p) => p.name === policyName);
  expect(policy).toBeDefined();
  return { role: policy!.role, doc: parsePolicy(policy!.policy) };
}

describe('grant helpers', () => {
  test('grantKeyDecrypt scopes decrypt to the one key, in its own policy named after the key', () => {
    const { stack, role, key } = setup();
    grantKeyDecrypt(key, role);
    const p = policyOf(stack, 'grant-kms-decrypt-data-key');
    expect(p.role).toBe('${aws_iam_role.host.name}');
    expect(p.doc.Statement).toEqual([{ Effect: 'Allow', Action: ['kms:Decrypt', 'kms:DescribeKey'], Resource: ['${aws_kms_key.data-key.arn}'] }]);
  });

  test('grantBucketRead limits listing and reading to a prefix', () => {
    const { stack, role, bucket } = setup();
    grantBucketRead(bucket, role, { keyPrefix: 'tenants/acme/' });
    expect(policyOf(stack, 'grant-s3-read-config').doc.Statement).toEqual([
      { Effect: 'Allow', Action: ['s3:ListBucket'], Resource: ['${aws_s3_bucket.config.arn}'], Condition: { StringLike: { 's3:prefix': ['tenants/acme/*'] } } },
      { Effect: 'Allow', Action: ['s3:GetObject', 's3:GetObjectVersion'], Resource: ['${aws_s3_bucket.config.arn}/tenants/acme/*'] },
    ]);
  });

  test('each helper names only scoped actions and never a bare "*" resource except the ECR login token', () => {
    const { stack, role, key, bucket } = setup();
    const grants = [
      grantKeyEncryptDecrypt(key, role),
      grantKeyForEbs(key, role),
      grantBucketReadWrite(bucket, role),
      grantLogGroupWrite({ arn: 'arn:aws:logs:eu-west-1:111111111111:log-group:host' }, role, { id: 'host-logs' }),
      grantImagePull({ arn: 'arn:aws:ecr:eu-west-1:111111111111:repository/kong' }, role, { id: 'kong-image' }),
      grantSecretRead({ arn: 'arn:aws:secretsmanager:eu-west-1:111111111111:secret:db-AbCdEf' }, role, { id: 'db' }),
      grantParameterRead({ arn: 'arn:aws:ssm:eu-west-1:111111111111:parameter/kong' }, role, { id: 'kong' }),
      grantQueueSend({ arn: 'arn:aws:sqs:eu-west-1:111111111111:jobs' }, role, { id: 'jobs-send' }),
      grantQueueConsume({ arn: 'arn:aws:sqs:eu-west-1:111111111111:jobs' }, role, { id: 'jobs-consume' }),
      grantTopicPublish({ arn: 'arn:aws:sns:eu-west-1:111111111111:alarms' }, role, { id: 'alarms' }),
    ];
    const statements = grants.flatMap((g) => g.statements);
    const star = statements.filter((s) => (s.Resource as string[]).includes('*'));
    expect(star).toEqual([{ Effect: 'Allow', Action: ['ecr:GetAuthorizationToken'], Resource: ['*'] }]);
    for (const s of statements) for (const a of s.Action as string[]) expect(a).not.toMatch(/(^\*$|:\*$)/);
    expect(Object.keys(resourcesOf(synthJson(stack), 'aws_iam_role_policy'))).toHaveLength(10);
    expect(policyOf(stack, 'grant-kms-ebs-data-key').doc.Statement[1]).toEqual({
      Effect: 'Allow',
      Action: ['kms:CreateGrant'],
      Resource: ['${aws_kms_key.data-key.arn}'],
      Condition: { Bool: { 'kms:GrantIsForAWSResource': 'true' } },
    });
  });

  test('grant() accepts explicit actions on explicit ARNs', () => {
    const { stack, role } = setup();
    grant(role, 'read-volume-tags', [{ actions: ['ec2:CreateSnapshot'], resources: ['arn:aws:ec2:eu-west-1::snapshot/*', 'arn:aws:ec2:eu-west-1:111111111111:volume/vol-1'] }]);
    expect(policyOf(stack, 'grant-read-volume-tags').doc.Statement[0]!.Action).toEqual(['ec2:CreateSnapshot']);
  });

  describe('rejects wildcards from callers', () => {
    test.each([
      ['"*" action', [{ actions: ['*'], resources: ['arn:aws:s3:::b'] }], 'TF-IAM-001'],
      ['service-wide action', [{ actions: ['s3:*'], resources: ['arn:aws:s3:::b'] }], 'TF-IAM-001'],
      ['wildcard in the middle of an action', [{ actions: ['s3:*Object'], resources: ['arn:aws:s3:::b'] }], 'TF-IAM-001'],
      ['"*" resource', [{ actions: ['s3:GetObject'], resources: ['*'] }], 'TF-IAM-002'],
      ['"*" resource even for unscopable reads', [{ actions: ['ecr:GetAuthorizationToken'], resources: ['*'] }], 'TF-IAM-002'],
      ['no actions', [{ actions: [], resources: ['arn:aws:s3:::b'] }], 'TF-IAM-003'],
      ['no statements', [], 'TF-IAM-003'],
    ])('%s', (_why, statements, code) => {
      const { role } = setup();
      expect(() => grant(role, 'x', statements)).toThrow(new RegExp(`\\[${code}\\] grant prod-identity/host`));
    });

    test('grantUnscopableRead writes curated Describe actions on "*", and refuses any other action, a write above all', () => {
      const { stack, role } = setup();
      grantUnscopableRead(role, 'discover', ['ec2:DescribeSubnets', 'elasticloadbalancing:DescribeTargetGroups']);
      expect(policyOf(stack, 'grant-discover').doc.Statement).toEqual([{ Effect: 'Allow', Action: ['ec2:DescribeSubnets', 'elasticloadbalancing:DescribeTargetGroups'], Resource: ['*'] }]);
      expect(() => grantUnscopableRead(role, 'write', ['ec2:DescribeSubnets', 'ec2:TerminateInstances'])).toThrow(/\[TF-IAM-002\].*Got: \["ec2:TerminateInstances"\]/);
      expect(() => grantUnscopableRead(role, 'reads', ['s3:GetObject'])).toThrow(/\[TF-IAM-002\]/);
      expect(() => grantUnscopableRead(role, 'wild', ['ec2:Describe*'])).toThrow(/\[TF-IAM-002\]/);
      expect(() => grantUnscopableRead(role, 'none', [])).toThrow(/\[TF-IAM-002\]/);
    });

    test('a bare "*" passed as the resource of a helper', () => {
      const { role } = setup();
      expect(() => grantBucketRead({ arn: '*' }, role, { id: 'all' })).toThrow(/\[TF-IAM-002\]/);
    });

    test('a second grant with the same ID on one role', () => {
      const { role, key } = setup();
      grantKeyDecrypt(key, role);
      expect(() => grantKeyDecrypt(key, role)).toThrow(/\[TF-IAM-004\]/);
    });

    test('a bare ARN without an ID, and a malformed ID', () => {
      const { role } = setup();
      expect(() => grantTopicPublish({ arn: 'arn:aws:sns:eu-west-1:111111111111:t' }, role)).toThrow(/\[TF-IAM-005\]/);
      expect(() => grant(role, 'has space', [{ actions: ['sns:Publish'], resources: ['arn:aws:sns:eu-west-1:111111111111:t'] }])).toThrow(/\[TF-IAM-005\]/);
    });

    test('a wildcard key prefix', () => {
      const { role, bucket } = setup();
      expect(() => grantBucketRead(bucket, role, { keyPrefix: 'tenants/*' })).toThrow(/\[TF-IAM-006\]/);
    });
  });
});
