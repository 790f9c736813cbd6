/**
 * Cross-account data sharing that can write, in forms Terraform accepts
 * (TF-LP-31): bucket policies through policy documents and jsonencode,
 * Lake Formation grants with a grant option or a writing permission.
 */
import { RedTeamCase, RedTeamControl } from '../support/red-team-case';
import { mainFile, ref, skeleton } from '../support/module';

const OTHER = '999999999999';
const table = { database_name: 'sales', name: 'orders' };

export const cases: RedTeamCase[] = [
  {
    id: 'sharing/bucket-write-through-policy-document',
    why: 'an aws_iam_policy_document grants another account s3:PutObject on the dataset, read into the bucket policy by reference',
    files: mainFile({
      data: { aws_iam_policy_document: { share: { statement: [{ actions: ['s3:GetObject', 's3:PutObject'], resources: ['arn:aws:s3:::data/*'], principals: [{ type: 'AWS', identifiers: [`arn:aws:iam::${OTHER}:root`] }] }] } } },
      resource: { aws_s3_bucket_policy: { p: { bucket: 'data', policy: ref('data.aws_iam_policy_document.share.json') } } },
    }),
    expect: { rules: ['TF-LP-31'] },
  },
  {
    id: 'sharing/bucket-wildcard-through-jsonencode',
    why: 'jsonencode of a statement granting the other account s3:* from a local',
    files: mainFile({
      locals: { reader: `arn:aws:iam::${OTHER}:root` },
      resource: { aws_s3_bucket_policy: { p: { bucket: 'data', policy: ref('jsonencode({ Version = "2012-10-17", Statement = [{ Effect = "Allow", Principal = { AWS = local.reader }, Action = "s3:*", Resource = "arn:aws:s3:::data/*" }] })') } } },
    }),
    expect: { rules: ['TF-LP-31'] },
  },
  {
    id: 'sharing/lake-formation-grant-option',
    why: 'SELECT only, but with a grant option, so the other account can re-share the table',
    files: mainFile({ resource: { aws_lakeformation_permissions: { g: { principal: OTHER, permissions: ['SELECT'], permissions_with_grant_option: ['SELECT'], table } } } }),
    expect: { rules: ['TF-LP-31'] },
  },
  {
    id: 'sharing/lake-formation-permissions-from-variable-default',
    why: 'the permissions come from a variable whose default includes ALTER and DROP',
    files: mainFile({ variable: { perms: { type: 'list(string)', default: ['SELECT', 'ALTER', 'DROP'] } }, resource: { aws_lakeformation_permissions: { g: { principal: OTHER, permissions: ref('var.perms'), table } } } }),
    expect: { rules: ['TF-LP-31'] },
  },
];

const declaration = (name: string, accountId: string, trusts: unknown[] = []) => ({
  '//': { tenantform: { environment: { name, accountId, posture: 'non-production', trusts, sharesAccountWith: [], iamUsers: 'allowed', requiredTagKeys: [] } } },
});

export const controls: RedTeamControl[] = [
  {
    id: 'sharing/read-only-lake-formation-grant-along-edge',
    why: 'SELECT and DESCRIBE on one table for another environment along the read-only edge the owner declares, no grant option',
    files: {
      'manifest.json': { version: '0.21.0', stacks: { dev: { name: 'dev', synthesizedStackPath: 'main.tf.json' }, analytics: { name: 'analytics', synthesizedStackPath: 'analytics/main.tf.json' } } },
      'main.tf.json': {
        ...skeleton({ environment: 'dev' }),
        ...declaration('dev', '222222222222', [{ environment: 'analytics', accountId: OTHER, posture: 'non-production', requires: 'read-only' }]),
        resource: { aws_lakeformation_permissions: { g: { principal: OTHER, permissions: ['SELECT', 'DESCRIBE'], table } } },
      },
      'analytics/main.tf.json': { ...skeleton({ environment: 'analytics', account: OTHER }), ...declaration('analytics', OTHER) },
    },
  },
];
