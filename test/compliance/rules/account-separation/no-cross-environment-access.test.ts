import { noCrossEnvironmentAccess } from '../../../../compliance/rules/account-separation/no-cross-environment-access';
import { stackFromJson } from '../../../../compliance/model';
import { byStatus, runRule } from '../../support/compliance-fixtures';

const PROD = '111111111111';
const DEV = '222222222222';

function envStack(name: string, environment: string, account: string, bucket: string, rest: Record<string, unknown> = {}) {
  return stackFromJson(
    { provider: { aws: [{ allowed_account_ids: [account], default_tags: [{ tags: { environment } }] }] }, terraform: { backend: { s3: { bucket } } }, ...rest },
    name,
    name,
  );
}
const trust = (principal: string) => JSON.stringify({ Statement: [{ Effect: 'Allow', Action: 'sts:AssumeRole', Principal: { AWS: principal }, Condition: { Bool: { 'aws:MultiFactorAuthPresent': 'true' } } }] });

describe('TF-SEP-3 no access across environments', () => {
  test('GIVEN a dev stack beside prod THEN trust, key policy, grants, replication and remote state into prod fail', () => {
    const prod = envStack('prod', 'prod', PROD, 'acme-prod-tfstate', { resource: { aws_s3_bucket: { data: { bucket: 'acme-prod-data' } } } });
    const dev = envStack('dev', 'dev', DEV, 'acme-dev-tfstate', {
      data: {
        terraform_remote_state: {
          prod_state: { backend: 's3', config: { bucket: 'acme-prod-tfstate', key: 'x' } },
          dev_state: { backend: 's3', config: { bucket: 'acme-dev-tfstate', key: 'y' } },
          var_state: { backend: 's3', config: { bucket: '${var.bucket}', key: 'y' } },
        },
      },
      resource: {
        aws_iam_role: { trusts_prod: { assume_role_policy: trust(`arn:aws:iam::${PROD}:root`) }, trusts_dev: { assume_role_policy: trust(`arn:aws:iam::${DEV}:root`) }, trusts_var: { assume_role_policy: trust('${var.principal}') } },
        aws_kms_key: { prod_in_policy: { policy: JSON.stringify({ Statement: [{ Effect: 'Allow', Action: 'kms:Decrypt', Resource: '*', Principal: { AWS: `arn:aws:iam::${PROD}:role/app` } }] }) }, no_policy: {} },
        aws_kms_grant: { to_prod: { key_id: 'k', grantee_principal: `arn:aws:iam::${PROD}:role/app`, operations: ['Decrypt'] }, local: { key_id: 'k', grantee_principal: '${aws_iam_role.trusts_dev.arn}', operations: ['Decrypt'] } },
        aws_s3_bucket_replication_configuration: {
          to_prod_bucket: { bucket: 'b', role: 'r', rule: [{ status: 'Enabled', destination: [{ bucket: 'arn:aws:s3:::acme-prod-data' }] }] },
          to_prod_account: { bucket: 'b', role: 'r', rule: [{ status: 'Enabled', destination: [{ bucket: 'arn:aws:s3:::elsewhere', account: PROD }] }] },
          to_dev_bucket: { bucket: 'b', role: 'r', rule: [{ status: 'Enabled', destination: [{ bucket: 'arn:aws:s3:::acme-dev-copy' }] }] },
        },
      },
    });
    const findings = runRule(noCrossEnvironmentAccess, prod, dev).filter((f) => f.stack === 'dev');
    expect(byStatus(findings)).toEqual({
      fail: [
        'aws_iam_role.trusts_prod',
        'aws_kms_grant.to_prod',
        'aws_kms_key.prod_in_policy',
        'aws_s3_bucket_replication_configuration.to_prod_account',
        'aws_s3_bucket_replication_configuration.to_prod_bucket',
        'data.terraform_remote_state.prod_state',
      ],
      unknown: ['aws_iam_role.trusts_var', 'data.terraform_remote_state.var_state'],
      suppressed: [],
      pass: ['aws_iam_role.trusts_dev', 'aws_kms_grant.local', 'aws_kms_key.no_policy', 'aws_s3_bucket_replication_configuration.to_dev_bucket', 'data.terraform_remote_state.dev_state'],
    });
  });
});
