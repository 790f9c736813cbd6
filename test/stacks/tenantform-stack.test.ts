import * as fs from 'node:fs';
import { rmSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { EbsVolume, IamRole, IamRolePolicy, KmsKey, Vpc } from '../../core/aws';
import { AmiLaunchPermission, DataAwsIamPolicyDocument, KmsGrant, S3BucketReplicationConfigurationA } from '../../core/aws-examples';
import { App, Construct, DataTerraformRemoteStateS3, TerraformOutput, TerraformStack } from '../../core/cdktf';
import { applyComplianceChecks } from '../../compliance/aspect';
import { stackFromJson } from '../../compliance/model';
import { environmentOf } from '../../core/environment-context';
import { LOCAL_STATE_FOLDER, TenantformStack } from '../../stacks/tenantform-stack';
import { Environment } from '../../core/environment';
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

  test('writes its environment declaration where the gate reads it, and the gate reads it back whole', () => {
    const tooling: Environment = testEnvironment({ name: 'tooling', accountId: '333333333333', posture: 'production', state: { kind: 's3', bucket: 'acme-tooling-tfstate', kmsKeyId: 'k' } });
    const env: Environment = { ...PROD, trusts: [{ from: tooling, requires: 'role' }], iamUsers: 'none', requiredTagKeys: ['cost-center'] };
    const json = synthJson(new EmptyStack(newApp(), 'prod-empty', { environment: env })) as Record<string, unknown>;
    const declaration = {
      name: 'prod',
      accountId: PROD.accountId,
      posture: 'production',
      trusts: [{ environment: 'tooling', accountId: '333333333333', posture: 'production', requires: 'role' }],
      sharesAccountWith: [],
      iamUsers: 'none',
      requiredTagKeys: ['cost-center'],
    };
    expect((json['//'] as { tenantform: { environment: unknown } }).tenantform.environment).toEqual(declaration);
    expect(stackFromJson(json, 'prod-empty', 'prod-empty').declaration).toEqual(declaration);
  });

  test('dev and staging may share one declared account; a production stack in it stops the synth', () => {
    const shared = { accountId: '333333333333', state: { kind: 's3' as const, bucket: 'acme-nonprod-tfstate', kmsKeyId: 'k' } };
    const app = newApp();
    new EmptyStack(app, 'dev-empty', { environment: testEnvironment({ name: 'dev', sharesAccountWith: ['staging'], ...shared }) });
    new EmptyStack(app, 'staging-empty', { environment: testEnvironment({ name: 'staging', sharesAccountWith: ['dev'], ...shared }) });
    expect(() => app.synth()).not.toThrow();
    expect(() => new EmptyStack(app, 'qa-empty', { environment: testEnvironment({ name: 'qa', posture: 'production', ...shared }) })).toThrow(/\[TF-ENV-004\]/);
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

  test('default local state lives beside the synth output, never inside it, and cross-stack remote state finds it by an absolute path', () => {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'tenantform-local-state-'));
    try {
      const app = new App({ outdir: path.join(root, 'cdktf.out') });
      const local = testEnvironment({ state: { kind: 'local' } });
      const producer = new EmptyStack(app, 'dev-producer', { environment: local });
      const consumer = new EmptyStack(app, 'dev-consumer', { environment: local });
      new TerraformOutput(consumer, 'vpc', { value: new Vpc(producer, 'vpc', { cidrBlock: '10.0.0.0/16' }).id });
      app.synth();
      const expected = path.join(root, LOCAL_STATE_FOLDER, 'cdktf.out', 'dev-producer.tfstate');
      expect(synthJson(producer).terraform!.backend).toEqual({ local: { path: expected } });
      expect(expected.startsWith(path.join(root, 'cdktf.out'))).toBe(false);
      const remote = (synthJson(consumer) as { data?: Record<string, Record<string, { config: { path: string } }>> }).data!.terraform_remote_state!;
      expect(Object.values(remote).map((r) => r.config.path)).toEqual([expected]);
    } finally {
      fs.rmSync(root, { recursive: true, force: true });
    }
  });

  test('a relative local state directory is made absolute', () => {
    const stack = new EmptyStack(newApp(), 'dev-empty', { environment: testEnvironment({ state: { kind: 'local', directory: 'state' } }) });
    expect(synthJson(stack).terraform!.backend).toEqual({ local: { path: path.resolve('state', 'dev-empty.tfstate') } });
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

/**
 * The account-separation rules (TF-SEP-*) run at synth in every
 * TenantformStack, through the same model and engine as `tenantform check`.
 */
describe('TenantformStack synth-time separation', () => {
  const apps: App[] = [];
  afterAll(() => apps.forEach((a) => rmSync(a.outdir, { recursive: true, force: true })));

  /** A prod and a dev stack in one app; the test adds resources to either. */
  function twoStacks() {
    const app = newApp();
    apps.push(app);
    return { app, prod: new EmptyStack(app, 'prod-a', { environment: PROD }), dev: new EmptyStack(app, 'dev-a', { environment: DEV }) };
  }

  /** What `cdktf synth` reports: the error annotations, each naming its construct and rule. */
  function synthErrors(app: App): string {
    try {
      app.synth();
      return '';
    } catch (e) {
      return (e as Error).message;
    }
  }

  const trust = (principal: string) => JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { AWS: principal }, Action: 'sts:AssumeRole' }] });

  test('a dev stack naming only its own account synthesizes', () => {
    const { app, dev } = twoStacks();
    new IamRole(dev, 'role', { name: 'r', assumeRolePolicy: trust('arn:aws:iam::222222222222:root') });
    new KmsKey(dev, 'key', { policy: trust('arn:aws:iam::222222222222:root') });
    expect(synthErrors(app)).toBe('');
  });

  test('a dev role trusting the prod account stops synth, naming the construct and the rule', () => {
    const { app, dev } = twoStacks();
    new IamRole(dev, 'role', { name: 'r', assumeRolePolicy: trust('arn:aws:iam::111111111111:root') });
    expect(synthErrors(app)).toMatch(/\[[^\]]*dev-a\/role\] \[TF-SEP-3\] aws_iam_role\.role \[Principal::arn:aws:iam::111111111111:root\]: trust principal .* is in account 111111111111 of environment prod\./);
  });

  test('a trust written with a data.aws_iam_policy_document is resolved too', () => {
    const { app, prod } = twoStacks();
    const doc = new DataAwsIamPolicyDocument(prod, 'trust', { statement: [{ actions: ['sts:AssumeRole'], principals: [{ type: 'AWS', identifiers: ['222222222222'] }] }] });
    new IamRole(prod, 'role', { name: 'r', assumeRolePolicy: doc.json });
    expect(synthErrors(app)).toMatch(/prod-a\/role\] \[TF-SEP-3\].*environment dev/);
  });

  test('a prod role trusting the dev GitHub environment', () => {
    const { app, prod } = twoStacks();
    const sub = JSON.stringify({ Statement: [{ Effect: 'Allow', Principal: { Federated: 'arn:aws:iam::111111111111:oidc-provider/token.actions.githubusercontent.com' }, Action: 'sts:AssumeRoleWithWebIdentity', Condition: { StringEquals: { 'token.actions.githubusercontent.com:sub': 'repo:acme/infra:environment:dev' } } }] });
    new IamRole(prod, 'ci', { name: 'ci', assumeRolePolicy: sub });
    expect(synthErrors(app)).toMatch(/prod-a\/ci\] \[TF-SEP-3\].*GitHub Actions jobs of environment dev/);
  });

  test('from a dev-only app, an account the app does not declare is unknown, and that stops synth too', () => {
    const app = newApp();
    apps.push(app);
    const dev = new EmptyStack(app, 'dev-a', { environment: DEV });
    new IamRole(dev, 'role', { name: 'r', assumeRolePolicy: trust('arn:aws:iam::111111111111:root') });
    expect(synthErrors(app)).toMatch(/\[TF-SEP-3\].*which no stack of this run declares/);
  });

  test('KMS: a key policy and a grant naming the other environment', () => {
    const { app, dev, prod } = twoStacks();
    new KmsKey(dev, 'key', { policy: trust('arn:aws:iam::111111111111:role/app') });
    const key = new KmsKey(prod, 'pkey', {});
    new KmsGrant(prod, 'grant', { keyId: key.keyId, granteePrincipal: 'arn:aws:iam::222222222222:role/reader', operations: ['Decrypt'] });
    expect(synthErrors(app)).toMatch(/prod-a\/grant\] \[TF-SEP-3\] aws_kms_grant\.grant/);
  });

  test('replication into the other environment account or state bucket, never within its own', () => {
    const { app, prod } = twoStacks();
    const replicate = (id: string, destination: { bucket: string; account?: string }) =>
      new S3BucketReplicationConfigurationA(prod, id, { bucket: 'acme-prod-data', role: 'arn:aws:iam::111111111111:role/replication', rule: [{ id: 'all', status: 'Enabled', destination }] });
    replicate('to-account', { bucket: 'arn:aws:s3:::acme-dev-copy', account: '222222222222' });
    replicate('to-state', { bucket: 'arn:aws:s3:::acme-dev-tfstate' });
    replicate('own', { bucket: 'arn:aws:s3:::acme-prod-data-replica', account: '111111111111' });
    const errors = synthErrors(app);
    expect(errors).toMatch(/prod-a\/to-account\] \[TF-SEP-5\]/);
    expect(errors).toMatch(/prod-a\/to-state\] \[TF-SEP-5\].*acme-dev-tfstate of environment dev/);
    expect(errors).not.toMatch(/prod-a\/own\]/);
  });

  test('dev reading the prod state bucket; reading its own passes', () => {
    const { app, dev } = twoStacks();
    new DataTerraformRemoteStateS3(dev, 'prod-network', { bucket: 'acme-prod-tfstate', key: 'tenantform/prod-network.tfstate', region: 'eu-west-1' });
    new DataTerraformRemoteStateS3(dev, 'network', { bucket: 'acme-dev-tfstate', key: 'tenantform/dev-network.tfstate', region: 'eu-west-1' });
    const errors = synthErrors(app);
    expect(errors).toMatch(/\[TF-SEP-5\] data\.terraform_remote_state\.prod-network/);
    expect(errors).not.toMatch(/remote_state\.network/);
  });

  test('a cross-stack reference from dev into a prod stack (cdktf writes remote state) stops synth', () => {
    const { app, prod, dev } = twoStacks();
    const key = new KmsKey(prod, 'key', {});
    new IamRolePolicy(dev, 'p', { role: 'r', policy: JSON.stringify({ Statement: [{ Effect: 'Allow', Action: 'kms:Decrypt', Resource: key.arn }] }) });
    const errors = synthErrors(app);
    expect(errors).toMatch(/\[TF-SEP-5\] data\.terraform_remote_state\.cross-stack-reference-input-prod-a .*environment prod/);
    expect(errors).toMatch(/dev-a\/p\] \[TF-SEP-6\].*comes from stack prod-a of environment prod/);
  });

  describe('customer data', () => {
    const customerVolume = (stack: TerraformStack) => new EbsVolume(stack, 'data', { availabilityZone: 'eu-west-1a', size: 10, encrypted: true, tags: { 'tenantform:data-class': 'customer' } });

    test('in dev stops synth', () => {
      const { app, dev } = twoStacks();
      customerVolume(dev);
      expect(synthErrors(app)).toMatch(/dev-a\/data\] \[TF-SEP-4\] aws_ebs_volume\.data: customer data in environment dev/);
    });

    test('in prod, and synthetic data in dev, synthesize', () => {
      const { app, prod, dev } = twoStacks();
      customerVolume(prod);
      new EbsVolume(dev, 'data', { availabilityZone: 'eu-west-1a', size: 10, encrypted: true, tags: { 'tenantform:data-class': 'synthetic' } });
      expect(synthErrors(app)).toBe('');
    });

    test('in an environment explicitly marked as holding customer data', () => {
      const app = newApp();
      apps.push(app);
      const env: Environment = { ...DEV, name: 'eu-prod', holdsCustomerData: true };
      customerVolume(new EmptyStack(app, 'eu-prod-a', { environment: env }));
      expect(synthErrors(app)).toBe('');
    });
  });

  test('an identity policy reaching into the other environment account', () => {
    const { app, dev } = twoStacks();
    new IamRolePolicy(dev, 'p', { role: 'r', policy: JSON.stringify({ Statement: [{ Effect: 'Allow', Action: 's3:GetObject', Resource: 'arn:aws:s3:::x/*', Condition: { StringEquals: { 's3:ResourceAccount': '111111111111' } } }] }) });
    expect(synthErrors(app)).toMatch(/dev-a\/p\] \[TF-SEP-6\]/);
  });

  test('a provider that assumes a role in the other account', () => {
    const { app, dev } = twoStacks();
    dev.provider.assumeRole = [{ roleArn: 'arn:aws:iam::111111111111:role/deploy' }];
    expect(synthErrors(app)).toMatch(/\[dev-a\] \[TF-SEP-1\] stack \[Provider::aws::assume_role\]/);
  });

  test('a prod volume encrypted with a dev key, and an AMI shared with dev', () => {
    const { app, prod } = twoStacks();
    new EbsVolume(prod, 'vol', { availabilityZone: 'eu-west-1a', size: 10, encrypted: true, kmsKeyId: 'arn:aws:kms:eu-west-1:222222222222:key/k' });
    new AmiLaunchPermission(prod, 'share', { imageId: 'ami-12345678', accountId: '222222222222' });
    const errors = synthErrors(app);
    expect(errors).toMatch(/prod-a\/vol\] \[TF-SEP-7\]/);
    expect(errors).toMatch(/prod-a\/share\] \[TF-SEP-8\]/);
  });

  test('with applyComplianceChecks as well, each separation finding is reported once', () => {
    const { app, dev } = twoStacks();
    const role = new IamRole(dev, 'role', { name: 'r', assumeRolePolicy: trust('arn:aws:iam::111111111111:root'), tags: {} });
    applyComplianceChecks(app);
    synthErrors(app);
    const errors = role.node.metadata.filter((m) => m.type === '@cdktf/error').map((m) => String(m.data));
    expect(errors.filter((e) => e.startsWith('[TF-SEP-3]'))).toHaveLength(1);
  });
});

describe('a refused stack never joins the app', () => {
  test('GIVEN a bad account ID or two environments sharing an account THEN the app holds only the good stacks', () => {
    const app = newApp();
    new EmptyStack(app, 'dev-good', { environment: DEV });
    expect(() => new EmptyStack(app, 'dev-bad', { environment: testEnvironment({ name: 'other', accountId: '42' }) })).toThrow(/\[TF-ENV-001\]/);
    expect(() => new EmptyStack(app, 'prod-shared', { environment: { ...PROD, accountId: DEV.accountId } })).toThrow(/\[TF-ENV-004\]/);
    expect(() => new EmptyStack(app, 'no-env', {} as never)).toThrow(/\[TF-PRP-008\] EmptyStack no-env environment/);
    expect(app.node.children.map((c) => c.node.id)).toEqual(['dev-good']);
  });
});
