import { ReadOnlyCrossAccountSharing } from '../../../../compliance/rules/least-privilege/ReadOnlyCrossAccountSharing';
import { byStatus, fixtureStack, runRule } from '../../support/compliance-fixtures';

const OTHER = '999999999999';
const OWN = '222222222222';
const policy = (...statements: Record<string, unknown>[]) => JSON.stringify({ Version: '2012-10-17', Statement: statements });
const allow = (principal: unknown, action: unknown, extra: Record<string, unknown> = {}) => ({ Effect: 'Allow', Principal: principal, Action: action, Resource: 'arn:aws:s3:::data/*', ...extra });

describe('TF-LP-31 data shared with another account is read-only', () => {
  test('bucket policies: reads pass; writes, wildcards and NotAction to another account fail; own account, services and ELB log delivery are not sharing', () => {
    const stack = fixtureStack({
      variable: { who: { type: 'string' } },
      resource: {
        aws_s3_bucket_policy: {
          reads: { bucket: 'data', policy: policy(allow({ AWS: `arn:aws:iam::${OTHER}:root` }, ['s3:GetObject', 's3:ListBucket'])) },
          writes: { bucket: 'data', policy: policy(allow({ AWS: OTHER }, ['s3:GetObject', 's3:PutObject'])) },
          wildcard: { bucket: 'data', policy: policy(allow({ AWS: [`arn:aws:iam::${OTHER}:role/reader`] }, 's3:Get*')) },
          not_action: { bucket: 'data', policy: policy({ Effect: 'Allow', Principal: { AWS: OTHER }, NotAction: 's3:DeleteObject', Resource: '*' }) },
          own: { bucket: 'data', policy: policy(allow({ AWS: `arn:aws:iam::${OWN}:role/app` }, 's3:PutObject')) },
          service: { bucket: 'data', policy: policy(allow({ Service: 'cloudtrail.amazonaws.com' }, 's3:PutObject')) },
          elb_logs: { bucket: 'logs', policy: policy(allow({ AWS: 'arn:aws:iam::156460612806:root' }, 's3:PutObject')) },
          unresolved: { bucket: 'data', policy: policy(allow({ AWS: '${var.who}' }, 's3:PutObject')) },
        },
        aws_s3_bucket: { inline: { bucket: 'b', policy: policy(allow({ AWS: OTHER }, 's3:DeleteObject')) } },
      },
    });
    expect(byStatus(runRule(ReadOnlyCrossAccountSharing, stack))).toEqual({
      fail: ['aws_s3_bucket.inline', 'aws_s3_bucket_policy.not_action', 'aws_s3_bucket_policy.wildcard', 'aws_s3_bucket_policy.writes'],
      unknown: ['aws_s3_bucket_policy.unresolved'],
      suppressed: [],
      pass: ['aws_s3_bucket_policy.elb_logs', 'aws_s3_bucket_policy.own', 'aws_s3_bucket_policy.reads', 'aws_s3_bucket_policy.service'],
    });
  });

  test('Lake Formation: SELECT and DESCRIBE to another account pass; ALTER, ALL or a grant option fail; unreadable permissions are unknown', () => {
    const table = { database_name: 'sales', name: 'orders' };
    const stack = fixtureStack({
      variable: { perms: { type: 'list(string)' } },
      resource: {
        aws_lakeformation_permissions: {
          select: { principal: OTHER, permissions: ['SELECT', 'DESCRIBE'], table },
          alter: { principal: OTHER, permissions: ['SELECT', 'ALTER'], table },
          all: { principal: `arn:aws:iam::${OTHER}:role/analyst`, permissions: ['ALL'], table },
          regrant: { principal: OTHER, permissions: ['SELECT'], permissions_with_grant_option: ['SELECT'], table },
          from_var: { principal: OTHER, permissions: '${var.perms}', table },
          own: { principal: `arn:aws:iam::${OWN}:role/etl`, permissions: ['ALL'], table },
        },
      },
    });
    expect(byStatus(runRule(ReadOnlyCrossAccountSharing, stack))).toEqual({
      fail: ['aws_lakeformation_permissions.all', 'aws_lakeformation_permissions.alter', 'aws_lakeformation_permissions.regrant'],
      unknown: ['aws_lakeformation_permissions.from_var'],
      suppressed: [],
      pass: ['aws_lakeformation_permissions.own', 'aws_lakeformation_permissions.select'],
    });
  });
});
