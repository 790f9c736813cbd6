import { checkStacks, gateFailures } from '../../../compliance/engine';
import { stackFromJson } from '../../../compliance/model';
import { allRules } from '../../../compliance/rules';
import { CrossAccountRole } from '../../../constructs/cross-account';
import { grant } from '../../../constructs/iam/grants';
import { serviceTrustPolicy } from '../../../constructs/iam/policy';
import { IamRole } from '../../../core/aws';
import { Environment } from '../../../core/environment';
import { TenantformStack } from '../../../stacks/tenantform-stack';
import { newApp, resourcesOf, synthJson, testEnvironment } from '../../support/synth';

class Stack extends TenantformStack {}

const tooling: Environment = testEnvironment({ name: 'tooling', accountId: '333333333333', posture: 'production', state: { kind: 's3', bucket: 'acme-tooling-tfstate', kmsKeyId: 'k' } });
const deployment: Environment = testEnvironment({ name: 'deployment', accountId: '555555555555', posture: 'production', state: { kind: 's3', bucket: 'acme-deployment-tfstate', kmsKeyId: 'k' }, trusts: [{ from: tooling, requires: 'role' }] });
const linked: Environment = testEnvironment({ name: 'linked', accountId: '666666666666', posture: 'production', state: { kind: 's3', bucket: 'acme-linked-tfstate', kmsKeyId: 'k' }, trusts: [{ from: deployment, requires: 'external-id' }] });

function trustOf(stack: Stack): { Statement: Record<string, unknown>[] } {
  const roles = Object.values(resourcesOf(synthJson(stack), 'aws_iam_role'));
  return JSON.parse(roles[0]!.assume_role_policy as string) as { Statement: Record<string, unknown>[] };
}

describe('CrossAccountRole', () => {
  test('GIVEN a role edge THEN the trust names exactly the given roles of the trusted account, with no condition and the workload boundary', () => {
    const stack = new Stack(newApp(), 'deployment-roles', { environment: deployment });
    new CrossAccountRole(stack, 'deploy', { roleName: 'deploy-from-tooling', trustedEnvironment: 'tooling', trustedRoleNames: ['pipeline'] });
    expect(trustOf(stack).Statement).toEqual([{ Sid: 'AssumeFromtooling', Effect: 'Allow', Principal: { AWS: ['arn:aws:iam::333333333333:role/pipeline'] }, Action: 'sts:AssumeRole' }]);
    const role = Object.values(resourcesOf(synthJson(stack), 'aws_iam_role'))[0]!;
    expect(role.permissions_boundary).toBe('arn:aws:iam::555555555555:policy/tenantform-baseline/workload-boundary');
    expect(role.max_session_duration).toBe(3600);
  });

  test('GIVEN an external-id edge THEN the trust carries StringEquals sts:ExternalId, and the account root is the default principal', () => {
    const stack = new Stack(newApp(), 'linked-roles', { environment: linked });
    new CrossAccountRole(stack, 'pivot', { roleName: 'pivot-role', trustedEnvironment: 'deployment', externalId: 'b7c1c2d4-0000-4000-8000-123456789abc' });
    expect(trustOf(stack).Statement[0]).toMatchObject({ Principal: { AWS: ['arn:aws:iam::555555555555:root'] }, Condition: { StringEquals: { 'sts:ExternalId': 'b7c1c2d4-0000-4000-8000-123456789abc' } } });
  });

  test('GIVEN the whole run THEN the gate passes the role, its grant and the trusted side assuming it; without the edge the same trust fails', () => {
    const run = (deploymentEnv: Environment) => {
      const app = newApp();
      const tool = new Stack(app, 'tooling-ci', { environment: tooling });
      const pipeline = new IamRole(tool, 'pipeline', { name: 'pipeline', assumeRolePolicy: serviceTrustPolicy('codebuild.amazonaws.com', tooling.accountId) });
      grant(pipeline, 'assume-deploy', [{ actions: ['sts:AssumeRole'], resources: ['arn:aws:iam::555555555555:role/deploy-from-tooling'] }]);
      const deploy = new Stack(app, 'deployment-roles', { environment: deploymentEnv });
      const role = new CrossAccountRole(deploy, 'deploy', { roleName: 'deploy-from-tooling', trustedEnvironment: 'tooling', trustedRoleNames: ['pipeline'] });
      grant(role.role, 'read-artifacts', [{ actions: ['s3:GetObject'], resources: ['arn:aws:s3:::acme-deployment-artifacts/*'] }]);
      const models = [tool, deploy].map((s) => stackFromJson(synthJson(s), s.node.id, s.node.id));
      return gateFailures(checkStacks(models, allRules)).map((f) => `${f.ruleId} ${f.stack} ${f.address}`);
    };
    expect(run(deployment)).toEqual([]);
    // The construct cannot be built without the edge, so the edge is dropped from the declaration the gate reads instead.
    expect(undeclared()).toEqual(expect.arrayContaining([expect.stringMatching(/^TF-SEP-3 deployment-roles aws_iam_role\./), expect.stringMatching(/^TF-SEP-6 tooling-ci aws_iam_role_policy\./)]));
  });

  /** The passing run's JSON with the deployment declaration's edges removed, as a hand edit would. */
  function undeclared(): string[] {
    const app = newApp();
    const tool = new Stack(app, 'tooling-ci', { environment: tooling });
    const pipeline = new IamRole(tool, 'pipeline', { name: 'pipeline', assumeRolePolicy: serviceTrustPolicy('codebuild.amazonaws.com', tooling.accountId) });
    grant(pipeline, 'assume-deploy', [{ actions: ['sts:AssumeRole'], resources: ['arn:aws:iam::555555555555:role/deploy-from-tooling'] }]);
    const deploy = new Stack(app, 'deployment-roles', { environment: deployment });
    new CrossAccountRole(deploy, 'deploy', { roleName: 'deploy-from-tooling', trustedEnvironment: 'tooling', trustedRoleNames: ['pipeline'] });
    const json = synthJson(deploy) as Record<string, unknown> & { '//': { tenantform: { environment: { trusts: unknown[] } } } };
    json['//'].tenantform.environment.trusts = [];
    const models = [stackFromJson(synthJson(tool), 'tooling-ci', 'tooling-ci'), stackFromJson(json, 'deployment-roles', 'deployment-roles')];
    return gateFailures(checkStacks(models, allRules)).map((f) => `${f.ruleId} ${f.stack} ${f.address}`);
  }

  describe('refuses', () => {
    const build = (env: Environment, props: Partial<ConstructorParameters<typeof CrossAccountRole>[2]>) => () =>
      new CrossAccountRole(new Stack(newApp(), 'roles', { environment: env }), 'r', { roleName: 'r', trustedEnvironment: 'tooling', trustedRoleNames: ['pipeline'], ...props } as ConstructorParameters<typeof CrossAccountRole>[2]);

    test.each([
      ['an environment with no edge', deployment, { trustedEnvironment: 'linked' }, /\[TF-XAC-001\].*declares no trust edge from "linked".*Fix: .*or trust one of "tooling"/],
      ['a role edge without role names', deployment, { trustedRoleNames: [] }, /\[TF-XAC-004\].*requires named roles/],
      ['an external-id edge without an external ID', linked, { trustedEnvironment: 'deployment' }, /\[TF-XAC-002\]/],
      ['a wildcard external ID', linked, { trustedEnvironment: 'deployment', externalId: 'abc*' }, /\[TF-XAC-003\].*Got: "abc\*"/],
      ['a one-character external ID', linked, { trustedEnvironment: 'deployment', externalId: 'x' }, /\[TF-XAC-003\]/],
      ['a role name with a slash', deployment, { trustedRoleNames: ['team/pipeline'] }, /\[TF-XAC-005\].*Got: "team\/pipeline"/],
      ['a session of 12 hours and a second', deployment, { maxSessionDurationSeconds: 43201 }, /\[TF-XAC-007\]/],
      ['a description over 1000 characters', deployment, { description: 'x'.repeat(1001) }, /\[TF-XAC-008\].*at most 1000 characters/],
      ['an emoji in the description', deployment, { description: 'deploys \u{1F680}' }, /\[TF-XAC-008\]/],
      ['a role name that is a number', deployment, { roleName: 42 as never }, /\[TF-PRP-/],
      ['a template in the role name', deployment, { roleName: '${var.x}' }, /\[TF-PRP-005\]/],
    ])('%s', (_why, env, props, message) => {
      expect(build(env, props)).toThrow(message);
    });
  });
});
