import { stackFromJson } from '../../../../compliance/model';
import { EnvironmentsDoNotShare } from '../../../../compliance/rules/account-separation/EnvironmentsDoNotShare';
import { byStatus, runRule } from '../../support/compliance-fixtures';

function env(name: string, environment: string, account: string, bucket: string) {
  return stackFromJson(
    { provider: { aws: [{ allowed_account_ids: [account], default_tags: [{ tags: { environment } }] }] }, terraform: { backend: { s3: { bucket, key: `${name}.tfstate` } } } },
    name,
    name,
  );
}

describe('TF-SEP-2 environments share no account or state bucket', () => {
  test('separate environments pass; stacks of one environment may share', () => {
    const findings = runRule(EnvironmentsDoNotShare, env('prod-a', 'prod', '111111111111', 'p'), env('prod-b', 'prod', '111111111111', 'p'), env('dev-a', 'dev', '222222222222', 'd'));
    expect(findings.map((f) => `${f.stack}:${f.status}`)).toEqual(['prod-a:pass', 'prod-b:pass', 'dev-a:pass']);
  });

  test('a shared account and a shared state bucket fail on both sides', () => {
    const findings = runRule(EnvironmentsDoNotShare, env('prod', 'prod', '111111111111', 'shared'), env('dev', 'dev', '111111111111', 'shared'), env('test', 'test', '333333333333', 't'));
    expect(findings.filter((f) => f.status === 'fail').map((f) => `${f.stack}#${f.finding}`)).toEqual(['prod#Account::111111111111', 'prod#StateBucket::shared', 'dev#Account::111111111111', 'dev#StateBucket::shared']);
    expect(byStatus(findings.filter((f) => f.stack === 'test')).pass).toEqual(['stack']);
  });

  test('a stack without a declared environment is left to TF-SEP-1', () => {
    expect(runRule(EnvironmentsDoNotShare, stackFromJson({}, 'bare', 'bare'))).toEqual([]);
  });
});
