import { stackFromJson } from '../../../../compliance/model';
import { providerPinnedToOneAccount } from '../../../../compliance/rules/account-separation/provider-pinned-to-one-account';
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
  ])('%s', (_name, aws, fail, unknown, pass) => {
    expect(byStatus(runRule(providerPinnedToOneAccount, stack('s', aws)), true)).toEqual({ fail, unknown, suppressed: [], pass });
  });

  test('a stack with AWS resources and no provider fails; one without AWS resources is not applicable', () => {
    expect(byStatus(runRule(providerPinnedToOneAccount, stackFromJson({ resource: { aws_s3_bucket: { b: {} } } }, 's', 's')), true).fail).toEqual(['stack#Provider::aws']);
    expect(runRule(providerPinnedToOneAccount, stackFromJson({ resource: { random_id: { r: {} } } }, 's', 's'))).toEqual([]);
  });

  test('a resource on an undeclared provider alias fails', () => {
    const s = stack('s', [provider({ allowed_account_ids: ['111111111111'], ...tags('prod') })], { aws_s3_bucket: { b: { provider: 'aws.us-east-1' } } });
    expect(byStatus(runRule(providerPinnedToOneAccount, s), true).fail).toEqual(['aws_s3_bucket.b#Provider::aws.us-east-1']);
  });
});
