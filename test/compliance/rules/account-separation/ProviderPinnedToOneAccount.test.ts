import { stackFromJson } from '../../../../compliance/model';
import { PlanDocument } from '../../../../compliance/plan/document';
import { providersOf } from '../../../../compliance/plan/configuration';
import { ProviderPinnedToOneAccount } from '../../../../compliance/rules/account-separation/ProviderPinnedToOneAccount';
import { byStatus, runRule } from '../../support/compliance-fixtures';

const provider = (extra: Record<string, unknown>) => ({ region: 'eu-west-1', ...extra });
const tags = (environment?: string) => (environment ? { default_tags: [{ tags: { environment } }] } : {});
const stack = (name: string, aws: unknown[], resource: Record<string, unknown> = { aws_s3_bucket: { b: {} } }) => stackFromJson({ provider: { aws }, resource }, name, name);

describe('TF-SEP-1 providers pinned to one account, environment declared', () => {
  test.each([
    ['pinned', [provider({ allowed_account_ids: ['111111111111'], ...tags('prod') })], [], [], ['stack']],
    ['unpinned', [provider(tags('prod'))], ['stack#Provider::aws'], [], []],
    ['two accounts', [provider({ allowed_account_ids: ['111111111111', '222222222222'], ...tags('prod') })], ['stack#Accounts', 'stack#Provider::aws'], [], []],
    ['no environment', [provider({ allowed_account_ids: ['111111111111'] })], ['stack#Provider::aws::environment'], [], []],
    ['variable account', [provider({ allowed_account_ids: ['${var.account}'], ...tags('prod') })], [], ['stack#Provider::aws'], []],
    [
      'aliases disagree',
      [provider({ allowed_account_ids: ['111111111111'], ...tags('prod') }), provider({ alias: 'use1', allowed_account_ids: ['222222222222'], ...tags('dev') })],
      ['stack#Accounts', 'stack#Environments'],
      [],
      [],
    ],
    [
      'assumes a role in another account',
      [provider({ allowed_account_ids: ['222222222222'], ...tags('dev'), assume_role: [{ role_arn: 'arn:aws:iam::111111111111:role/deploy' }] })],
      ['stack#Provider::aws::assume_role'],
      [],
      [],
    ],
    [
      'assumes a web-identity role in another account (object form)',
      [provider({ allowed_account_ids: ['222222222222'], ...tags('dev'), assume_role_with_web_identity: { role_arn: 'arn:aws:iam::111111111111:role/ci', web_identity_token_file: '/t' } })],
      ['stack#Provider::aws::assume_role_with_web_identity'],
      [],
      [],
    ],
    [
      'assumes a role in its own account',
      [provider({ allowed_account_ids: ['222222222222'], ...tags('dev'), assume_role: [{ role_arn: 'arn:aws:iam::222222222222:role/deploy' }] })],
      [],
      [],
      ['stack'],
    ],
  ])('%s', (_name, aws, fail, unknown, pass) => {
    expect(byStatus(runRule(ProviderPinnedToOneAccount, stack('s', aws)), true)).toEqual({ fail, unknown, suppressed: [], pass });
  });

  test('a stack with AWS resources and no provider fails; one without AWS resources is not applicable', () => {
    expect(byStatus(runRule(ProviderPinnedToOneAccount, stackFromJson({ resource: { aws_s3_bucket: { b: {} } } }, 's', 's')), true).fail).toEqual(['stack#Provider::aws']);
    expect(runRule(ProviderPinnedToOneAccount, stackFromJson({ resource: { random_id: { r: {} } } }, 's', 's'))).toEqual([]);
  });

  test('a resource on an undeclared provider alias fails', () => {
    const s = stack('s', [provider({ allowed_account_ids: ['111111111111'], ...tags('prod') })], { aws_s3_bucket: { b: { provider: 'aws.us-east-1' } } });
    expect(byStatus(runRule(ProviderPinnedToOneAccount, s), true).fail).toEqual(['aws_s3_bucket.b#Provider::aws.us-east-1']);
  });

  test('plan mode: a provider of the plan configuration that assumes a role in another account fails the same way', () => {
    const plan = {
      configuration: {
        provider_config: {
          aws: { name: 'aws', expressions: { allowed_account_ids: { constant_value: ['222222222222'] }, default_tags: [{ tags: { constant_value: { environment: 'dev' } } }], assume_role: [{ role_arn: { constant_value: 'arn:aws:iam::111111111111:role/deploy' } }] } },
        },
      },
    } as unknown as PlanDocument;
    const providers = providersOf(plan);
    const s = { ...stackFromJson({ resource: { aws_s3_bucket: { b: {} } } }, 'plan', 'plan'), providers, accounts: ['222222222222'], environment: 'dev' };
    expect(byStatus(runRule(ProviderPinnedToOneAccount, s), true).fail).toEqual(['stack#Provider::aws::assume_role']);
  });
});
