import { checkStacks, gateFailures } from '../../../compliance/engine';
import { stackFromJson } from '../../../compliance/model';
import { allRules } from '../../../compliance/rules';
import { Dataset, DatasetProps } from '../../../constructs/datasets';
import { Environment } from '../../../core/environment';
import { TenantformStack } from '../../../stacks/tenantform-stack';
import { newApp, resourcesOf, synthJson, testEnvironment } from '../../support/synth';

class Stack extends TenantformStack {}

const analytics: Environment = testEnvironment({ name: 'analytics', accountId: '888888888888', posture: 'production', state: { kind: 's3', bucket: 'acme-analytics-tfstate', kmsKeyId: 'k' } });
const tooling: Environment = testEnvironment({ name: 'tooling', accountId: '333333333333', posture: 'production', state: { kind: 's3', bucket: 'acme-tooling-tfstate', kmsKeyId: 'k' } });
const linked: Environment = testEnvironment({
  name: 'linked',
  accountId: '666666666666',
  posture: 'production',
  state: { kind: 's3', bucket: 'acme-linked-tfstate', kmsKeyId: 'k' },
  trusts: [{ from: analytics, requires: 'read-only' }, { from: tooling, requires: 'role' }],
});

function build(props: DatasetProps) {
  const app = newApp();
  const consumer = new Stack(app, 'analytics-empty', { environment: analytics });
  const owner = new Stack(app, 'linked-data', { environment: linked });
  new Dataset(owner, 'sales', props);
  return { consumer, owner, json: synthJson(owner) };
}

describe('Dataset', () => {
  test('a prefix share reads that prefix only, decrypts only through S3, and a table share is SELECT and DESCRIBE; the gate passes the run', () => {
    const { consumer, owner, json } = build({ name: 'sales', prefixShares: [{ environment: 'analytics', prefix: 'orders/2026/' }], tableShares: [{ environment: 'analytics', databaseName: 'sales', tableName: 'orders' }] });
    const policy = JSON.parse(Object.values(resourcesOf(json, 'aws_s3_bucket_policy'))[0]!.policy as string) as { Statement: Record<string, unknown>[] };
    expect(policy.Statement.filter((s) => s.Effect === 'Allow')).toEqual([
      expect.objectContaining({ Principal: { AWS: 'arn:aws:iam::888888888888:root' }, Action: ['s3:GetObject', 's3:GetObjectVersion'], Resource: expect.stringMatching(/\/orders\/2026\/\*$/) }),
      expect.objectContaining({ Action: 's3:ListBucket', Condition: { StringLike: { 's3:prefix': 'orders/2026/*' } } }),
    ]);
    const keyPolicy = JSON.parse(Object.values(resourcesOf(json, 'aws_kms_key'))[0]!.policy as string) as { Statement: Record<string, unknown>[] };
    expect(keyPolicy.Statement).toContainEqual(expect.objectContaining({ Action: ['kms:Decrypt', 'kms:DescribeKey'], Condition: { StringEquals: { 'kms:ViaService': 's3.eu-west-1.amazonaws.com' } } }));
    expect(Object.values(resourcesOf(json, 'aws_lakeformation_permissions'))).toEqual([expect.objectContaining({ principal: '888888888888', permissions: ['SELECT', 'DESCRIBE'], permissions_with_grant_option: [] })]);
    const models = [consumer, owner].map((s) => stackFromJson(synthJson(s), s.node.id, s.node.id));
    expect(gateFailures(checkStacks(models, allRules)).map((f) => `${f.ruleId} ${f.address}`)).toEqual([]);
  });

  test.each([
    ['a consumer with no edge', { name: 'sales', prefixShares: [{ environment: 'marketing', prefix: 'a/' }] }, /\[TF-DATA-002\].*declares no read-only edge to "marketing"/],
    ['a consumer along a role edge', { name: 'sales', tableShares: [{ environment: 'tooling', databaseName: 'd', tableName: 't' }] }, /\[TF-DATA-002\].*requires role/],
    ['a wildcard prefix', { name: 'sales', prefixShares: [{ environment: 'analytics', prefix: 'orders/*' }] }, /\[TF-DATA-003\].*Got: "orders\/\*"/],
    ['a prefix without a trailing slash', { name: 'sales', prefixShares: [{ environment: 'analytics', prefix: 'orders' }] }, /\[TF-DATA-003\]/],
    ['an uppercase name', { name: 'Sales' }, /\[TF-DATA-001\]/],
    ['a non-integer retention', { name: 'sales', noncurrentVersionDays: 1.5 }, /\[TF-PRP-004\]/],
  ])('refuses %s', (_why, props, message) => {
    expect(() => build(props as DatasetProps)).toThrow(message);
  });
});
