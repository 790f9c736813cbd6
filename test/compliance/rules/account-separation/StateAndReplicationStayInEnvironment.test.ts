import { StateAndReplicationStayInEnvironment } from '../../../../compliance/rules/account-separation/StateAndReplicationStayInEnvironment';
import { byStatus, runRule } from '../../support/compliance-fixtures';
import { devStack, ELSEWHERE, PROD, prodStack } from './separation-fixtures';

const replication = (destination: Record<string, unknown>) => ({ bucket: 'b', role: 'r', rule: [{ status: 'Enabled', destination: [destination] }] });

describe('TF-SEP-5 no replication into, or remote state from, another environment', () => {
  test('GIVEN a dev stack beside prod THEN replication and remote state into prod fail', () => {
    const prod = prodStack({ resource: { aws_s3_bucket: { data: { bucket: 'acme-prod-data' } } } });
    const dev = devStack({
      data: {
        terraform_remote_state: {
          prod_state: { backend: 's3', config: { bucket: 'acme-prod-tfstate', key: 'x' } },
          dev_state: { backend: 's3', config: { bucket: 'acme-dev-tfstate', key: 'y' } },
          var_state: { backend: 's3', config: { bucket: '${var.bucket}', key: 'y' } },
          prod_role: { backend: 's3', config: { bucket: 'acme-dev-tfstate', key: 'y', role_arn: `arn:aws:iam::${PROD}:role/state` } },
          elsewhere: { backend: 's3', config: { bucket: 'someone-elses-tfstate', key: 'y' } },
          http: { backend: 'http', config: { address: 'https://example.com/state' } },
        },
      },
      resource: {
        aws_s3_bucket_replication_configuration: {
          to_prod_bucket: replication({ bucket: 'arn:aws:s3:::acme-prod-data' }),
          to_prod_state: replication({ bucket: 'arn:aws:s3:::acme-prod-tfstate' }),
          to_prod_account: replication({ bucket: 'arn:aws:s3:::elsewhere', account: PROD }),
          to_var: replication({ bucket: '${var.target}' }),
          to_dev_bucket: replication({ bucket: 'arn:aws:s3:::acme-dev-copy' }),
        },
        aws_s3_bucket: {
          legacy: { bucket: 'acme-dev-legacy', replication_configuration: [{ role: 'r', rules: [{ status: 'Enabled', destination: [{ bucket: 'arn:aws:s3:::x', account_id: PROD }] }] }] },
          plain: { bucket: 'acme-dev-plain' },
        },
      },
    });
    expect(byStatus(runRule(StateAndReplicationStayInEnvironment, prod, dev).filter((f) => f.stack === 'dev'))).toEqual({
      fail: [
        'aws_s3_bucket.legacy',
        'aws_s3_bucket_replication_configuration.to_prod_account',
        'aws_s3_bucket_replication_configuration.to_prod_bucket',
        'aws_s3_bucket_replication_configuration.to_prod_state',
        'data.terraform_remote_state.prod_role',
        'data.terraform_remote_state.prod_state',
      ],
      unknown: ['aws_s3_bucket_replication_configuration.to_var', 'data.terraform_remote_state.elsewhere', 'data.terraform_remote_state.http', 'data.terraform_remote_state.var_state'],
      suppressed: [],
      pass: ['aws_s3_bucket_replication_configuration.to_dev_bucket', 'data.terraform_remote_state.dev_state'],
    });
  });

  test('from production, state or an account outside the run fails', () => {
    const prod = prodStack({
      data: { terraform_remote_state: { elsewhere: { backend: 's3', config: { bucket: 'someone-elses-tfstate', key: 'y' } }, own: { backend: 's3', config: { bucket: 'acme-prod-tfstate', key: 'z' } } } },
      resource: { aws_s3_bucket_replication_configuration: { out: replication({ bucket: 'arn:aws:s3:::x', account: ELSEWHERE }) } },
    });
    expect(byStatus(runRule(StateAndReplicationStayInEnvironment, prod))).toEqual({
      fail: ['aws_s3_bucket_replication_configuration.out', 'data.terraform_remote_state.elsewhere'],
      unknown: [],
      suppressed: [],
      pass: ['data.terraform_remote_state.own'],
    });
  });

  test("local remote state pointing at another environment's state file fails", () => {
    const local = (name: string, environment: string, account: string) => ({
      provider: { aws: [{ allowed_account_ids: [account], default_tags: [{ tags: { environment } }] }] },
      terraform: { backend: { local: { path: `../${name}/terraform.${name}.tfstate` } } },
    });
    const { stackFromJson } = jest.requireActual<typeof import('../../../../compliance/model')>('../../../../compliance/model');
    const prod = stackFromJson(local('prod-a', 'prod', PROD), 'prod-a', 'prod-a');
    const dev = stackFromJson({ ...local('dev-a', 'dev', '222222222222'), data: { terraform_remote_state: { p: { backend: 'local', config: { path: '../prod-a/terraform.prod-a.tfstate' } } } } }, 'dev-a', 'dev-a');
    expect(byStatus(runRule(StateAndReplicationStayInEnvironment, prod, dev)).fail).toEqual(['data.terraform_remote_state.p']);
  });
});
