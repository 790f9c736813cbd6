import { Vpc } from '../../core/aws';
import { Construct, TerraformOutput } from '../../core/cdktf';
import { environmentOf } from '../../core/environment-context';
import { TenantformStack } from '../../stacks/tenantform-stack';
import { DEV, newApp, PROD, synthJson, testEnvironment } from '../support/synth';

class EmptyStack extends TenantformStack {}

describe('TenantformStack', () => {
  test('pins the provider to the one account and tags the environment', () => {
    const stack = new EmptyStack(newApp(), 'prod-empty', { environment: { ...PROD, tags: { team: 'data' } } });
    const aws = synthJson(stack).provider!.aws![0]!;
    expect(aws.allowed_account_ids).toEqual(['111111111111']);
    expect(aws.region).toBe('eu-west-1');
    expect(aws.default_tags).toEqual([{ tags: { team: 'data', environment: 'prod', 'tenantform:customer-data': 'true', 'managed-by': 'tenantform' } }]);
  });

  test('an environment tag in user tags cannot override the real environment name', () => {
    const stack = new EmptyStack(newApp(), 'dev-empty', { environment: { ...DEV, tags: { environment: 'prod' } } });
    const aws = synthJson(stack).provider!.aws![0]!;
    expect((aws.default_tags as { tags: Record<string, string> }[])[0]!.tags.environment).toBe('dev');
  });

  test('keeps state in the environment S3 bucket, encrypted, with locking', () => {
    const stack = new EmptyStack(newApp(), 'prod-empty', { environment: PROD });
    expect(synthJson(stack).terraform!.backend).toEqual({
      s3: {
        bucket: 'acme-prod-tfstate',
        key: 'tenantform/prod-empty.tfstate',
        region: 'eu-west-1',
        encrypt: true,
        kms_key_id: 'alias/acme-prod-tfstate',
        use_lockfile: true,
      },
    });
  });

  test('uses a DynamoDB lock table instead of the lock file when one is given', () => {
    const env = testEnvironment({ state: { kind: 's3', bucket: 'acme-dev-tfstate', kmsKeyId: 'k', dynamodbLockTable: 'locks' } });
    const backend = synthJson(new EmptyStack(newApp(), 'dev-empty', { environment: env })).terraform!.backend as { s3: Record<string, unknown> };
    expect(backend.s3.dynamodb_table).toBe('locks');
    expect(backend.s3.use_lockfile).toBeUndefined();
  });

  test('uses local state only when asked for, in the given directory', () => {
    const stack = new EmptyStack(newApp(), 'dev-empty', { environment: testEnvironment({ state: { kind: 'local', directory: '/tmp/s' } }) });
    expect(synthJson(stack).terraform!.backend).toEqual({ local: { path: '/tmp/s/dev-empty.tfstate' } });
  });

  test('default local state is addressed from the stacks folder, so cross-stack remote state finds it from any stack', () => {
    const app = newApp();
    const local = testEnvironment({ state: { kind: 'local' } });
    const producer = new EmptyStack(app, 'dev-producer', { environment: local });
    const consumer = new EmptyStack(app, 'dev-consumer', { environment: local });
    new TerraformOutput(consumer, 'vpc', { value: new Vpc(producer, 'vpc', { cidrBlock: '10.0.0.0/16' }).id });
    app.synth();
    expect(synthJson(producer).terraform!.backend).toEqual({ local: { path: '../dev-producer/terraform.dev-producer.tfstate' } });
    const remote = (synthJson(consumer) as { data?: Record<string, Record<string, { config: { path: string } }>> }).data!.terraform_remote_state!;
    expect(Object.values(remote).map((r) => r.config.path)).toEqual(['../dev-producer/terraform.dev-producer.tfstate']);
  });

  test('rejects a bad account ID with the stack named in the error', () => {
    expect(() => new EmptyStack(newApp(), 'dev-empty', { environment: testEnvironment({ accountId: '1234' }) })).toThrow(
      /\[TF-ENV-001\] EmptyStack dev-empty: .*Got: "1234"/,
    );
  });

  test('rejects a second environment in an account already used by another stack of the app', () => {
    const app = newApp();
    new EmptyStack(app, 'prod-a', { environment: PROD });
    const intruder = testEnvironment({ name: 'dev', accountId: PROD.accountId });
    expect(() => new EmptyStack(app, 'dev-a', { environment: intruder })).toThrow(/\[TF-ENV-004\] EmptyStack dev-a/);
  });

  test('rejects a dev stack that reuses the prod state bucket', () => {
    const app = newApp();
    new EmptyStack(app, 'prod-a', { environment: PROD });
    expect(() => new EmptyStack(app, 'dev-a', { environment: testEnvironment({ state: PROD.state }) })).toThrow(/\[TF-ENV-005\]/);
  });

  test('separate apps do not see each other (no global state leaks between synths)', () => {
    new EmptyStack(newApp(), 'prod-a', { environment: PROD });
    expect(() => new EmptyStack(newApp(), 'dev-a', { environment: testEnvironment({ accountId: PROD.accountId }) })).not.toThrow();
  });

  test('regional providers are aliased, pinned to the same account, and limited to allowed regions', () => {
    const stack = new EmptyStack(newApp(), 'prod-empty', { environment: { ...PROD, additionalRegions: ['us-east-1'] } });
    expect(stack.regionalProvider('us-east-1')).toBe(stack.regionalProvider('us-east-1'));
    const providers = synthJson(stack).provider!.aws!;
    expect(providers.map((p) => [p.alias, p.region, p.allowed_account_ids])).toEqual([
      [undefined, 'eu-west-1', ['111111111111']],
      ['us-east-1', 'us-east-1', ['111111111111']],
    ]);
    expect(() => stack.regionalProvider('ap-south-1')).toThrow(/\[TF-ENV-002\].*Got: "ap-south-1".*additionalRegions/);
  });

  test('constructs inside the stack find its environment; orphans get a coded error', () => {
    const stack = new EmptyStack(newApp(), 'prod-empty', { environment: PROD });
    expect(environmentOf(new Construct(new Construct(stack, 'a'), 'b'), 'Probe')).toBe(PROD);
    expect(() => environmentOf(new Construct(newApp(), 'orphan'), 'Probe')).toThrow(/\[TF-ENV-009\] Probe orphan/);
  });
});
