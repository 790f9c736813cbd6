import { IamRole } from '../../core/aws';
import { AwsProvider } from '../../core/aws-stacks';
import { Aspects, Construct, IConstruct, TerraformStack } from '../../core/cdktf';
import { applyComplianceChecks, ComplianceChecks } from '../../compliance/aspect';
import { suppress } from '../../core/suppressions';
import { TenantformStack } from '../../stacks/tenantform-stack';
import { DEV, newApp, PROD } from '../support/synth';

class IdentityStack extends TenantformStack {}

/** A plain cdktf stack (no tenantform guards), as a user without our stacks would write it. */
class PlainStack extends TerraformStack {
  constructor(scope: Construct, id: string, account: string, environment: string) {
    super(scope, id);
    new AwsProvider(this, 'aws', { region: 'eu-west-1', allowedAccountIds: [account], defaultTags: [{ tags: { environment } }] });
  }
}

function annotations(c: IConstruct, type: string): string[] {
  return c.node.metadata.filter((m) => m.type === type).map((m) => String(m.data));
}

const openTrust = JSON.stringify({ Statement: [{ Effect: 'Allow', Action: 'sts:AssumeRole', Principal: '*' }] });
const serviceTrust = JSON.stringify({ Statement: [{ Effect: 'Allow', Action: 'sts:AssumeRole', Principal: { Service: 'ec2.amazonaws.com' } }] });

describe('ComplianceChecks aspect', () => {
  test('GIVEN a role open to everyone WHEN the stack synthesizes THEN the role carries an error annotation', () => {
    const app = newApp();
    const stack = new IdentityStack(app, 'dev-identity', { environment: DEV });
    const open = new IamRole(stack, 'open', { assumeRolePolicy: openTrust });
    const fine = new IamRole(stack, 'fine', { assumeRolePolicy: serviceTrust });
    Aspects.of(stack).add(new ComplianceChecks());
    expect(() => app.synth()).toThrow(/Encountered Annotations with level "ERROR"/);
    expect(annotations(open, '@cdktf/error')).toEqual([
      expect.stringMatching(/^\[TF-MFA-3\] aws_iam_role\.open \[Principal::\*\]: principal \* can assume the role without MFA\. Fix: /),
      expect.stringMatching(/^\[TF-LP-6\] aws_iam_role\.open \[Principal::\*\]: a statement lets anyone assume the role\b.* Fix: /),
    ]);
    expect(annotations(fine, '@cdktf/error')).toEqual([]);
  });

  test('an aspect added to the App alone never runs in cdktf, which is why applyComplianceChecks exists', () => {
    const app = newApp();
    const stack = new IdentityStack(app, 'dev-identity', { environment: DEV });
    const open = new IamRole(stack, 'open', { assumeRolePolicy: openTrust });
    Aspects.of(app).add(new ComplianceChecks());
    app.synth();
    expect(annotations(open, '@cdktf/error')).toEqual([]);
  });

  test('a suppressed finding is not annotated; a warning-level failure is a warning and synth succeeds', () => {
    const app = newApp();
    const stack = new IdentityStack(app, 'dev-identity', { environment: DEV });
    const metrics = new IamRole(stack, 'metrics', {
      assumeRolePolicy: serviceTrust,
      inlinePolicy: [{ name: 'put', policy: JSON.stringify({ Statement: [{ Effect: 'Allow', Action: 'logs:PutLogEvents', Resource: '*' }] }) }],
    });
    suppress(metrics, 'TF-LP-3', 'log stream names are generated at run time here');
    const wide = new IamRole(stack, 'wide', {
      assumeRolePolicy: serviceTrust,
      inlinePolicy: [{ name: 'sqs', policy: JSON.stringify({ Statement: [{ Effect: 'Allow', Action: 'sqs:*', Resource: 'arn:aws:sqs:eu-west-1:222222222222:q' }] }) }],
    });
    applyComplianceChecks(app);
    expect(() => app.synth()).not.toThrow();
    expect(annotations(metrics, '@cdktf/error')).toEqual([]);
    expect(annotations(wide, '@cdktf/error')).toEqual([]);
    expect(annotations(wide, '@cdktf/warn')).toEqual([expect.stringMatching(/^\[TF-LP-2\] aws_iam_role\.wide \[Action::sqs:\*\]/)]);
  });

  test('cross-stack rules see every stack of the app: dev trusting prod is an error on the dev role', () => {
    const app = newApp();
    new PlainStack(app, 'prod-identity', PROD.accountId, 'prod');
    const dev = new PlainStack(app, 'dev-identity', DEV.accountId, 'dev');
    const role = new IamRole(dev, 'to-prod', {
      assumeRolePolicy: JSON.stringify({ Statement: [{ Effect: 'Allow', Action: 'sts:AssumeRole', Principal: { AWS: 'arn:aws:iam::111111111111:root' }, Condition: { StringEquals: { 'sts:ExternalId': 'x' } } }] }),
    });
    applyComplianceChecks(app);
    expect(() => app.synth()).toThrow(/TF-SEP-3/);
    expect(annotations(role, '@cdktf/error')).toEqual([expect.stringMatching(/^\[TF-SEP-3\]/)]);
  });
});

describe('synth-time checks resolve each stack once', () => {
  /** toTerraform() calls per stack during one `app.synth()`. */
  function resolvesPerStack(app: IConstruct & { synth(): void }): Record<string, number> {
    const counts: Record<string, number> = {};
    const spy = jest.spyOn(TerraformStack.prototype, 'toTerraform');
    try {
      app.synth();
      for (const call of spy.mock.contexts) {
        const id = (call as TerraformStack).node.id;
        counts[id] = (counts[id] ?? 0) + 1;
      }
    } finally {
      spy.mockRestore();
    }
    return counts;
  }

  test('GIVEN tenantform stacks (separation rules) and applyComplianceChecks (all rules) THEN one resolve for the checks and one for the output file', () => {
    const app = newApp();
    new IdentityStack(app, 'prod-identity', { environment: PROD });
    new IdentityStack(app, 'dev-identity', { environment: DEV });
    new PlainStack(app, 'plain', DEV.accountId, 'dev');
    applyComplianceChecks(app);
    expect(resolvesPerStack(app)).toEqual({ 'prod-identity': 2, 'dev-identity': 2, plain: 2 });
  });

  test('a second synth of the same app resolves again instead of reusing stale JSON', () => {
    const app = newApp();
    const stack = new IdentityStack(app, 'dev-identity', { environment: DEV });
    applyComplianceChecks(app);
    app.synth();
    const open = new IamRole(stack, 'open', { assumeRolePolicy: openTrust });
    expect(() => app.synth()).toThrow(/TF-LP-6/);
    expect(annotations(open, '@cdktf/error').length).toBeGreaterThan(0);
  });
});
