import { PlatformKeys } from '../../../../constructs/platform/kms/platform-keys';
import { PROD } from '../../../support/synth';
import { hostStack } from '../../../support/tenancy-fixtures';
import { defaultPlatformJson, resourceAt } from '../../../support/platform-fixtures';

type Statement = { Sid: string; Effect: string; Principal: Record<string, string>; Action: string | string[]; Condition?: Record<string, Record<string, unknown>> };
const policyOf = (path: string): Statement[] => JSON.parse(resourceAt(defaultPlatformJson(), 'aws_kms_key', path).policy as string).Statement;

describe('PlatformKeys', () => {
  it.each(['keys/data', 'keys/logs'])('%s rotates and waits 30 days before deletion', (path) => {
    const key = resourceAt(defaultPlatformJson(), 'aws_kms_key', path);
    expect(key.enable_key_rotation).toBe(true);
    expect(key.deletion_window_in_days).toBe(30);
  });

  it('data key: the account administers, and uses it only through data services', () => {
    const statements = policyOf('keys/data');
    expect(statements.map((s) => s.Sid)).toEqual(['AccountAdministersKey', 'AccountUsesKeyThroughDataServices', 'AccountLetsServicesHoldGrants']);
    expect(new Set(statements.map((s) => JSON.stringify(s.Principal)))).toEqual(new Set([JSON.stringify({ AWS: 'arn:aws:iam::111111111111:root' })]));
    const use = statements[1]!;
    expect(use.Condition).toEqual({
      StringEquals: {
        'kms:CallerAccount': '111111111111',
        'kms:ViaService': ['ec2', 'rds', 'secretsmanager', 'ecr', 'ssm', 's3', 'backup'].map((s) => `${s}.eu-west-1.amazonaws.com`),
      },
    });
    expect(statements[2]!.Condition).toEqual({ Bool: { 'kms:GrantIsForAWSResource': 'true' }, StringEquals: { 'kms:CallerAccount': '111111111111' } });
  });

  it('logs key: CloudWatch Logs only for this account, log delivery only from this account', () => {
    const statements = policyOf('keys/logs');
    expect(statements.map((s) => [s.Sid, s.Principal])).toEqual([
      ['AccountAdministersKey', { AWS: 'arn:aws:iam::111111111111:root' }],
      ['LogsEncryptsAccountLogGroups', { Service: 'logs.eu-west-1.amazonaws.com' }],
      ['LogDeliveryWritesEdgeLogs', { Service: 'delivery.logs.amazonaws.com' }],
      ['AccountReadsLogsThroughServices', { AWS: 'arn:aws:iam::111111111111:root' }],
    ]);
    expect(statements[1]!.Condition).toEqual({ ArnLike: { 'kms:EncryptionContext:aws:logs:arn': 'arn:aws:logs:eu-west-1:111111111111:log-group:*' } });
    expect(statements[2]!.Condition).toEqual({ StringEquals: { 'aws:SourceAccount': '111111111111' } });
  });

  it('no statement grants a wildcard action', () => {
    for (const path of ['keys/data', 'keys/logs']) {
      const actions = policyOf(path).flatMap((s) => [s.Action].flat());
      expect(actions.filter((a) => a === '*' || a === 'kms:*')).toEqual([]);
    }
  });
});

describe('PlatformKeys props', () => {
  test.each<[unknown, RegExp]>([
    [{ deletionWindowDays: '30' }, /\[TF-PRP-002\] PlatformKeys .*deletionWindowDays.*Got: "30"/],
    [{ deletionWindowDays: NaN }, /\[TF-PRP-003\].*Got: NaN/],
    [{ deletionWindowDays: 7.5 }, /\[TF-PRP-004\].*Got: 7\.5/],
    [{ deletionWindow: 30 }, /\[TF-PRP-001\].*deletionWindow/],
  ])('refuses %p with a coded error', (props, expected) => {
    expect(() => new PlatformKeys(hostStack(PROD), 'keys', props as never)).toThrow(expected);
  });
});
