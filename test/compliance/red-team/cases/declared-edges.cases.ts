/**
 * Declared environment relations (`"//".tenantform.environment`), attacked
 * in forms Terraform accepts. Each case is a production "deployment" stack
 * beside a bare "tooling" stack in one run (a cdktf manifest lists both),
 * so an edge can be confirmed by the run; the violation is a trust that
 * does not meet its edge's condition, an edge the run cannot confirm, or a
 * shared account one side never declared.
 */
import { RedTeamCase, RedTeamControl } from '../support/red-team-case';
import { ref, skeleton } from '../support/module';

const DEPLOY = '555555555555';
const TOOLING = '333333333333';

type Edge = { environment: string; accountId: string; posture: string; requires: string };

const declaration = (name: string, accountId: string, posture: string, extra: { trusts?: Edge[]; sharesAccountWith?: string[] } = {}) => ({
  '//': { tenantform: { environment: { name, accountId, posture, trusts: extra.trusts ?? [], sharesAccountWith: extra.sharesAccountWith ?? [], iamUsers: 'allowed', requiredTagKeys: [] } } },
});

const roleEdge: Edge = { environment: 'tooling', accountId: TOOLING, posture: 'production', requires: 'role' };
const idEdge: Edge = { environment: 'tooling', accountId: TOOLING, posture: 'production', requires: 'external-id' };

/** The deployment module (what terraform validate reads) beside a tooling skeleton of the given posture. */
function run(blocks: Record<string, unknown>, edges: Edge[], toolingPosture = 'production'): Record<string, unknown> {
  return {
    'manifest.json': { version: '0.21.0', stacks: { deployment: { name: 'deployment', synthesizedStackPath: 'main.tf.json' }, tooling: { name: 'tooling', synthesizedStackPath: 'tooling/main.tf.json' } } },
    'main.tf.json': { ...skeleton({ environment: 'deployment', account: DEPLOY }), ...declaration('deployment', DEPLOY, 'production', { trusts: edges }), ...blocks },
    'tooling/main.tf.json': { ...skeleton({ environment: 'tooling', account: TOOLING }), ...declaration('tooling', TOOLING, toolingPosture) },
  };
}

const policy = (statement: Record<string, unknown>) => JSON.stringify({ Version: '2012-10-17', Statement: [statement] });
const trust = (principal: unknown, extra: Record<string, unknown> = {}) => ({ resource: { aws_iam_role: { deploy: { name: 'deploy', assume_role_policy: policy({ Effect: 'Allow', Principal: principal, Action: 'sts:AssumeRole', ...extra }) } } } });

export const cases: RedTeamCase[] = [
  {
    id: 'declared-edges/role-edge-trusts-account-root',
    why: 'the edge requires a named role, and the trust names the tooling account root, which admits every principal there',
    files: run(trust({ AWS: `arn:aws:iam::${TOOLING}:root` }), [roleEdge]),
    expect: { rules: ['TF-SEP-3'] },
  },
  {
    id: 'declared-edges/role-edge-trusts-bare-account-in-a-list',
    why: 'the same, with the account written as a bare ID inside a principal list beside a real role',
    files: run(trust({ AWS: [`arn:aws:iam::${TOOLING}:role/pipeline`, TOOLING] }), [roleEdge]),
    expect: { rules: ['TF-SEP-3'] },
  },
  {
    id: 'declared-edges/external-id-edge-if-exists',
    why: 'the edge requires an external ID, and the trust uses StringEqualsIfExists, which a caller passes by sending none',
    files: run(trust({ AWS: `arn:aws:iam::${TOOLING}:role/pipeline` }, { Condition: { StringEqualsIfExists: { 'sts:ExternalId': 'agreed-secret' } } }), [idEdge]),
    expect: { rules: ['TF-SEP-3'] },
  },
  {
    id: 'declared-edges/external-id-edge-through-policy-document',
    why: 'the edge requires an external ID, and the trust is an aws_iam_policy_document whose condition tests MFA instead',
    files: run(
      {
        data: { aws_iam_policy_document: { t: { statement: [{ actions: ['sts:AssumeRole'], principals: [{ type: 'AWS', identifiers: [`arn:aws:iam::${TOOLING}:role/pipeline`] }], condition: [{ test: 'Bool', variable: 'aws:MultiFactorAuthPresent', values: ['true'] }] }] } } },
        resource: { aws_iam_role: { deploy: { name: 'deploy', assume_role_policy: ref('data.aws_iam_policy_document.t.json') } } },
      },
      [idEdge],
    ),
    expect: { rules: ['TF-SEP-3'] },
  },
  {
    id: 'declared-edges/edge-into-non-production',
    why: 'the production stack declares an edge from tooling, while the run shows tooling as non-production',
    files: run(trust({ AWS: `arn:aws:iam::${TOOLING}:role/pipeline` }), [roleEdge], 'non-production'),
    expect: { rules: ['TF-SEP-3'] },
  },
  {
    id: 'declared-edges/edge-claims-wrong-posture',
    why: 'the edge itself says non-production, from a production stack',
    files: run(trust({ AWS: `arn:aws:iam::${TOOLING}:role/pipeline` }), [{ ...roleEdge, posture: 'non-production' }]),
    expect: { rules: ['TF-SEP-1', 'TF-SEP-3'] },
  },
  {
    id: 'declared-edges/declaration-not-an-object',
    why: 'the declaration is a string, so no edge can be read from it',
    files: {
      'main.tf.json': { ...skeleton({ environment: 'deployment', account: DEPLOY }), '//': { tenantform: { environment: 'deployment trusts everyone' } } },
    },
    expect: { rules: ['TF-SEP-1'] },
  },
  {
    id: 'declared-edges/one-sided-shared-account',
    why: 'staging declares it shares the dev account; dev does not',
    files: {
      'manifest.json': { version: '0.21.0', stacks: { staging: { name: 'staging', synthesizedStackPath: 'main.tf.json' }, dev: { name: 'dev', synthesizedStackPath: 'dev/main.tf.json' } } },
      'main.tf.json': { ...skeleton({ environment: 'staging', account: '222222222222' }), ...declaration('staging', '222222222222', 'non-production', { sharesAccountWith: ['dev'] }) },
      'dev/main.tf.json': { ...skeleton({ environment: 'dev', account: '222222222222' }), ...declaration('dev', '222222222222', 'non-production') },
    },
    expect: { rules: ['TF-SEP-2'] },
  },
];

export const controls: RedTeamControl[] = [
  {
    id: 'declared-edges/role-edge-named-role',
    why: 'a production deployment role trusts a named tooling role along a declared, confirmed role edge',
    files: run(trust({ AWS: `arn:aws:iam::${TOOLING}:role/pipeline` }), [roleEdge]),
  },
  {
    id: 'declared-edges/external-id-edge',
    why: 'the same edge requiring an external ID, with a literal sts:ExternalId',
    files: run(trust({ AWS: `arn:aws:iam::${TOOLING}:role/pipeline` }, { Condition: { StringEquals: { 'sts:ExternalId': 'agreed-secret-value' } } }), [idEdge]),
  },
];
