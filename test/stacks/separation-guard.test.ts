import { DataAwsIamPolicyDocument, EbsVolume, IamRole, IamRolePolicy, KmsGrant, KmsKey, S3BucketReplicationConfigurationA } from '../../core/aws';
import { DataTerraformRemoteStateS3, Testing } from '../../core/cdktf';
import { Environment } from '../../core/environment';
import { TenantformStack } from '../../stacks/tenantform-stack';
import { DEV, newApp, PROD } from '../support/synth';

class BareStack extends TenantformStack {}

/** A prod and a dev stack in one app; the test adds resources to `dev` (or `prod`). */
function twoStacks() {
  const app = newApp();
  const prod = new BareStack(app, 'prod-a', { environment: PROD });
  const dev = new BareStack(app, 'dev-a', { environment: DEV });
  return { app, prod, dev };
}

function validate(stack: TenantformStack): void {
  stack.runAllValidations();
}

const trust = (principal: string) => JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { AWS: principal }, Action: 'sts:AssumeRole' }] });

describe('SeparationGuard', () => {
  test('passes a dev stack that only names its own account, and runs during a real synth', () => {
    const { dev } = twoStacks();
    new IamRole(dev, 'role', { name: 'r', assumeRolePolicy: trust('arn:aws:iam::222222222222:root') });
    new KmsKey(dev, 'key', { policy: trust('arn:aws:iam::222222222222:root') });
    expect(() => validate(dev)).not.toThrow();
    expect(() => Testing.synth(dev, true)).not.toThrow();
  });

  describe('TF-SEP-001 trust', () => {
    test('a dev role trusting the prod account', () => {
      const { dev } = twoStacks();
      new IamRole(dev, 'role', { name: 'r', assumeRolePolicy: trust('arn:aws:iam::111111111111:root') });
      expect(() => validate(dev)).toThrow(/\[TF-SEP-001\] SeparationGuard dev-a: Trust or resource policy in aws_iam_role\.role\.assume_role_policy names the account of environment "prod"/);
    });

    test('a trust written with a data.aws_iam_policy_document is resolved too', () => {
      const { prod } = twoStacks();
      const doc = new DataAwsIamPolicyDocument(prod, 'trust', {
        statement: [{ actions: ['sts:AssumeRole'], principals: [{ type: 'AWS', identifiers: ['222222222222'] }] }],
      });
      new IamRole(prod, 'role', { name: 'r', assumeRolePolicy: doc.json });
      expect(() => validate(prod)).toThrow(/\[TF-SEP-001\].*environment "dev"/);
    });

    test('a prod role trusting the dev GitHub environment', () => {
      const { prod } = twoStacks();
      const sub = JSON.stringify({ Statement: [{ Condition: { StringEquals: { 'token.actions.githubusercontent.com:sub': 'repo:acme/infra:environment:dev' } } }] });
      new IamRole(prod, 'ci', { name: 'ci', assumeRolePolicy: sub });
      expect(() => validate(prod)).toThrow(/\[TF-SEP-001\].*trusts CI jobs of GitHub environment "dev"/);
    });

    test('the same role in a single-environment app is fine (no other environment known)', () => {
      const dev = new BareStack(newApp(), 'dev-a', { environment: DEV });
      new IamRole(dev, 'role', { name: 'r', assumeRolePolicy: trust('arn:aws:iam::111111111111:root') });
      expect(() => validate(dev)).not.toThrow();
    });
  });

  describe('TF-SEP-002 KMS', () => {
    test('a key policy naming the other environment account', () => {
      const { dev } = twoStacks();
      new KmsKey(dev, 'key', { policy: trust('arn:aws:iam::111111111111:role/app') });
      expect(() => validate(dev)).toThrow(/\[TF-SEP-002\].*aws_kms_key\.key\.policy/);
    });

    test('a grant to a principal in the other environment', () => {
      const { prod } = twoStacks();
      const key = new KmsKey(prod, 'key', {});
      new KmsGrant(prod, 'grant', { keyId: key.keyId, granteePrincipal: 'arn:aws:iam::222222222222:role/reader', operations: ['Decrypt'] });
      expect(() => validate(prod)).toThrow(/\[TF-SEP-002\].*aws_kms_grant\.grant\.grantee_principal/);
    });
  });

  describe('TF-SEP-003 replication', () => {
    test('replicating into the other environment account', () => {
      const { prod } = twoStacks();
      new S3BucketReplicationConfigurationA(prod, 'replication', {
        bucket: 'acme-prod-data',
        role: 'arn:aws:iam::111111111111:role/replication',
        rule: [{ id: 'all', status: 'Enabled', destination: { bucket: 'arn:aws:s3:::acme-dev-copy', account: '222222222222' } }],
      });
      expect(() => validate(prod)).toThrow(/\[TF-SEP-003\].*replicates into environment "dev"/);
    });

    test('replicating into the other environment state bucket', () => {
      const { prod } = twoStacks();
      new S3BucketReplicationConfigurationA(prod, 'replication', {
        bucket: 'acme-prod-data',
        role: 'arn:aws:iam::111111111111:role/replication',
        rule: [{ id: 'all', status: 'Enabled', destination: { bucket: 'arn:aws:s3:::acme-dev-tfstate' } }],
      });
      expect(() => validate(prod)).toThrow(/\[TF-SEP-003\]/);
    });

    test('replicating within the own account passes', () => {
      const { prod } = twoStacks();
      new S3BucketReplicationConfigurationA(prod, 'replication', {
        bucket: 'acme-prod-data',
        role: 'arn:aws:iam::111111111111:role/replication',
        rule: [{ id: 'all', status: 'Enabled', destination: { bucket: 'arn:aws:s3:::acme-prod-data-replica', account: '111111111111' } }],
      });
      expect(() => validate(prod)).not.toThrow();
    });
  });

  describe('TF-SEP-004 remote state', () => {
    test('dev reading the prod state bucket', () => {
      const { dev } = twoStacks();
      new DataTerraformRemoteStateS3(dev, 'prod-network', { bucket: 'acme-prod-tfstate', key: 'tenantform/prod-network.tfstate', region: 'eu-west-1' });
      expect(() => validate(dev)).toThrow(/\[TF-SEP-004\].*data\.terraform_remote_state\.prod-network/);
    });

    test('a cross-stack reference from dev into a prod stack (cdktf writes remote state)', () => {
      const { app, prod, dev } = twoStacks();
      const key = new KmsKey(prod, 'key', {});
      new IamRolePolicy(dev, 'p', { role: 'r', policy: JSON.stringify({ Statement: [{ Effect: 'Allow', Action: 'kms:Decrypt', Resource: key.arn }] }) });
      // The full app synth wires the reference through remote state, then validates.
      expect(() => app.synth()).toThrow(/\[dev-a\] \[TF-SEP-004\] SeparationGuard dev-a: data\.terraform_remote_state\.cross-stack-reference-input-prod-a/);
    });

    test('reading state of the same environment passes', () => {
      const { dev } = twoStacks();
      new DataTerraformRemoteStateS3(dev, 'network', { bucket: 'acme-dev-tfstate', key: 'tenantform/dev-network.tfstate', region: 'eu-west-1' });
      expect(() => validate(dev)).not.toThrow();
    });
  });

  describe('TF-SEP-005 customer data', () => {
    const customerVolume = (stack: TenantformStack) =>
      new EbsVolume(stack, 'data', { availabilityZone: 'eu-west-1a', size: 10, encrypted: true, tags: { 'tenantform:data-class': 'customer' } });

    test('customer data in dev', () => {
      const { dev } = twoStacks();
      customerVolume(dev);
      expect(() => validate(dev)).toThrow(/\[TF-SEP-005\].*aws_ebs_volume\.data is tagged as customer data, but environment "dev"/);
    });

    test('customer data in prod, and synthetic data in dev, pass', () => {
      const { prod, dev } = twoStacks();
      customerVolume(prod);
      new EbsVolume(dev, 'data', { availabilityZone: 'eu-west-1a', size: 10, encrypted: true, tags: { 'tenantform:data-class': 'synthetic' } });
      expect(() => validate(prod)).not.toThrow();
      expect(() => validate(dev)).not.toThrow();
    });

    test('an environment explicitly marked as holding customer data may hold it', () => {
      const env: Environment = { ...DEV, name: 'eu-prod', holdsCustomerData: true };
      const stack = new BareStack(newApp(), 'eu-prod-a', { environment: env });
      customerVolume(stack);
      expect(() => validate(stack)).not.toThrow();
    });
  });

  test('TF-SEP-006 an identity policy reaching into the other environment account', () => {
    const { dev } = twoStacks();
    new IamRolePolicy(dev, 'p', { role: 'r', policy: JSON.stringify({ Statement: [{ Effect: 'Allow', Action: 's3:GetObject', Resource: 'arn:aws:s3:::x/*', Condition: { StringEquals: { 's3:ResourceAccount': '111111111111' } } }] }) });
    expect(() => validate(dev)).toThrow(/\[TF-SEP-006\]/);
  });

  test('TF-SEP-001 a provider that assumes a role in the other account', () => {
    const { dev } = twoStacks();
    dev.provider.assumeRole = [{ roleArn: 'arn:aws:iam::111111111111:role/deploy' }];
    expect(() => validate(dev)).toThrow(/\[TF-SEP-001\].*AWS provider/);
  });

  test('prod and dev never share an account or state bucket (base stack checks, reused)', () => {
    const app = newApp();
    new BareStack(app, 'prod-a', { environment: PROD });
    expect(() => new BareStack(app, 'dev-a', { environment: { ...DEV, accountId: PROD.accountId } })).toThrow(/\[TF-ENV-004\]/);
    expect(() => new BareStack(app, 'dev-b', { environment: { ...DEV, state: PROD.state } })).toThrow(/\[TF-ENV-005\]/);
  });
});
