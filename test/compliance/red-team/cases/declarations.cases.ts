/**
 * Environment declarations (`"//".tenantform.environment`), attacked in forms
 * Terraform accepts: trust edges, shared accounts, accounts without IAM
 * users and required tag keys. Most edge cases are a production "deployment" stack
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

interface Extra { trusts?: Edge[]; sharesAccountWith?: string[]; iamUsers?: string; requiredTagKeys?: string[] }

const declaration = (name: string, accountId: string, posture: string, extra: Extra = {}) => ({
  '//': { tenantform: { environment: { name, accountId, posture, trusts: extra.trusts ?? [], sharesAccountWith: extra.sharesAccountWith ?? [], iamUsers: extra.iamUsers ?? 'allowed', requiredTagKeys: extra.requiredTagKeys ?? [] } } },
});

/** One dev stack with a declaration and the given blocks. */
const devModule = (extra: Extra, blocks: Record<string, unknown>) => ({
  'main.tf.json': { ...skeleton({ environment: 'dev' }), ...declaration('dev', '222222222222', 'non-production', extra), ...blocks },
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
    id: 'declarations/role-edge-trusts-account-root',
    why: 'the edge requires a named role, and the trust names the tooling account root, which admits every principal there',
    files: run(trust({ AWS: `arn:aws:iam::${TOOLING}:root` }), [roleEdge]),
    expect: { rules: ['TF-SEP-3'] },
  },
  {
    id: 'declarations/role-edge-trusts-bare-account-in-a-list',
    why: 'the same, with the account written as a bare ID inside a principal list beside a real role',
    files: run(trust({ AWS: [`arn:aws:iam::${TOOLING}:role/pipeline`, TOOLING] }), [roleEdge]),
    expect: { rules: ['TF-SEP-3'] },
  },
  {
    id: 'declarations/external-id-edge-if-exists',
    why: 'the edge requires an external ID, and the trust uses StringEqualsIfExists, which a caller passes by sending none',
    files: run(trust({ AWS: `arn:aws:iam::${TOOLING}:role/pipeline` }, { Condition: { StringEqualsIfExists: { 'sts:ExternalId': 'agreed-secret' } } }), [idEdge]),
    expect: { rules: ['TF-SEP-3'] },
  },
  {
    id: 'declarations/external-id-edge-through-policy-document',
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
    id: 'declarations/edge-into-non-production',
    why: 'the production stack declares an edge from tooling, while the run shows tooling as non-production',
    files: run(trust({ AWS: `arn:aws:iam::${TOOLING}:role/pipeline` }), [roleEdge], 'non-production'),
    expect: { rules: ['TF-SEP-3'] },
  },
  {
    id: 'declarations/edge-claims-wrong-posture',
    why: 'the edge itself says non-production, from a production stack',
    files: run(trust({ AWS: `arn:aws:iam::${TOOLING}:role/pipeline` }), [{ ...roleEdge, posture: 'non-production' }]),
    expect: { rules: ['TF-SEP-1', 'TF-SEP-3'] },
  },
  {
    id: 'declarations/declaration-not-an-object',
    why: 'the declaration is a string, so no edge can be read from it',
    files: {
      'main.tf.json': { ...skeleton({ environment: 'deployment', account: DEPLOY }), '//': { tenantform: { environment: 'deployment trusts everyone' } } },
    },
    expect: { rules: ['TF-SEP-1'] },
  },
  {
    id: 'declarations/one-sided-shared-account',
    why: 'staging declares it shares the dev account; dev does not',
    files: {
      'manifest.json': { version: '0.21.0', stacks: { staging: { name: 'staging', synthesizedStackPath: 'main.tf.json' }, dev: { name: 'dev', synthesizedStackPath: 'dev/main.tf.json' } } },
      'main.tf.json': { ...skeleton({ environment: 'staging', account: '222222222222' }), ...declaration('staging', '222222222222', 'non-production', { sharesAccountWith: ['dev'] }) },
      'dev/main.tf.json': { ...skeleton({ environment: 'dev', account: '222222222222' }), ...declaration('dev', '222222222222', 'non-production') },
    },
    expect: { rules: ['TF-SEP-2'] },
  },
  {
    id: 'declarations/iam-user-in-block-array-form',
    why: "an account declared iamUsers: 'none' gets a user, written in the array-of-objects form of the resource block",
    files: devModule({ iamUsers: 'none' }, { resource: [{ aws_iam_user: [{ person: [{ name: 'alice' }] }] }] }),
    expect: { rules: ['TF-MFA-5'] },
  },
  {
    id: 'declarations/access-key-for-existing-user',
    why: 'no user is created, but an access key is issued to one that exists outside Terraform',
    files: devModule({ iamUsers: 'none' }, { resource: { aws_iam_access_key: { k: { user: 'legacy-ci' } } } }),
    expect: { rules: ['TF-MFA-5'] },
  },
  {
    id: 'declarations/required-tag-missing-through-locals',
    why: 'the tags come from a local map that lacks the required owner key',
    files: devModule({ requiredTagKeys: ['owner'] }, { locals: { tags: { team: 'data' } }, resource: { aws_sqs_queue: { q: { name: 'jobs', tags: ref('local.tags') } } } }),
    expect: { rules: ['TF-SEP-9'] },
  },
  {
    id: 'declarations/required-tag-nulled-over-default',
    why: 'the provider default carries the key, and the resource sets it to null, which removes it',
    files: {
      'main.tf.json': {
        ...skeleton({ environment: 'dev' }),
        provider: { aws: [{ region: 'eu-west-1', allowed_account_ids: ['222222222222'], default_tags: [{ tags: { environment: 'dev', owner: 'team-a' } }] }] },
        ...declaration('dev', '222222222222', 'non-production', { requiredTagKeys: ['owner'] }),
        resource: { aws_sqs_queue: { q: { name: 'jobs', tags: { owner: null } } } },
      },
    },
    expect: { rules: ['TF-SEP-9'] },
  },
  {
    id: 'declarations/required-tag-behind-merge',
    why: 'the tags are a merge() of a variable, which may or may not add the key: it cannot pass',
    files: devModule({ requiredTagKeys: ['owner'] }, { variable: { extra: { type: 'map(string)', default: {} } }, resource: { aws_sqs_queue: { q: { name: 'jobs', tags: ref('merge(var.extra, { team = "data" })') } } } }),
    expect: { rules: ['TF-SEP-9'] },
  },
];

export const controls: RedTeamControl[] = [
  {
    id: 'declarations/required-tag-from-defaults',
    why: 'the provider default tags carry the required key, so every taggable resource has it',
    files: {
      'main.tf.json': {
        ...skeleton({ environment: 'dev' }),
        provider: { aws: [{ region: 'eu-west-1', allowed_account_ids: ['222222222222'], default_tags: [{ tags: { environment: 'dev', owner: 'team-a' } }] }] },
        ...declaration('dev', '222222222222', 'non-production', { requiredTagKeys: ['owner'], iamUsers: 'none' }),
        resource: { aws_cloudwatch_log_group: { g: { name: 'app', retention_in_days: 365, kms_key_id: 'arn:aws:kms:eu-west-1:222222222222:key/11111111-2222-3333-4444-555555555555' } } },
      },
    },
  },
  {
    id: 'declarations/role-edge-named-role',
    why: 'a production deployment role trusts a named tooling role along a declared, confirmed role edge',
    files: run(trust({ AWS: `arn:aws:iam::${TOOLING}:role/pipeline` }), [roleEdge]),
  },
  {
    id: 'declarations/external-id-edge',
    why: 'the same edge requiring an external ID, with a literal sts:ExternalId',
    files: run(trust({ AWS: `arn:aws:iam::${TOOLING}:role/pipeline` }, { Condition: { StringEquals: { 'sts:ExternalId': 'agreed-secret-value' } } }), [idEdge]),
  },
];
